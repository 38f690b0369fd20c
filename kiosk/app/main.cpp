// berswordt-kiosk: see README.md and PRODUCT.md. main parses the command line, picks the content
// to start with, and hands over to KioskApp (the UI loop) and KioskServices (the workers).
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <csignal>

#include "kiosk/app/command_line.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/speech_output.hpp"
#include "kiosk/app/kiosk_services.hpp"
#include "kiosk/app/script_runner.hpp"
#include "kiosk/app/service_notifier.hpp"
#include "kiosk/app/signal_watcher.hpp"
#include "kiosk/app/startup_loader.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/store/data_paths.hpp"
#include "kiosk/store/kiosk_config.hpp"

namespace {

// Tests only (--test-freeze-on-usr1): the main loop stops coming round, as in a real hang, while
// the process stays alive. The watchdog test then sees the pings stop.
[[noreturn]] void freeze_main_loop(kiosk::ServiceNotifier& notifier) {
  notifier.status("main loop frozen on purpose (--test-freeze-on-usr1)");
  for (;;) ::pause();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kiosk;
  const auto started = std::chrono::steady_clock::now();
  auto since_start = [&] {
    return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count()) + " ms";
  };
  SignalWatcher::block_in_this_thread();  // before any thread starts: they all inherit the mask
  // One heap for all threads. They allocate at different times (the fonts while the window
  // opens, content while the UI waits), so each reuses what another freed instead of keeping an
  // arena of its own resident: 3-5 MB less at start-up, and no lock is ever contended for long.
  mallopt(M_ARENA_MAX, 1);
  KioskOptions opt;
  if (auto code = parse_command_line(argc, argv, opt)) return *code;
  if (opt.verbose) log::set_max_level(log::Level::Debug);

  const ConfigLoad config = load_config(opt.config);
  const KioskConfig& cfg = config.config;
  KioskServices::Paths paths;
  paths.config = opt.config;
  paths.state_dir = state_dir_for(opt.state_dir, cfg);
  paths.cache_dir = cache_dir_for(opt.cache_dir, cfg);
  StartupInputs startup;
  startup.content_dir = opt.content_dir;
  startup.state_dir = paths.state_dir;
  startup.cache_dir = paths.cache_dir;
  startup.public_keys = opt.public_keys.empty() ? cfg.public_keys : opt.public_keys;
  startup.now = epoch_now();
  // The first frame must not wait for a large bundle (verify, parse, index take a second for
  // 10,000 offers). An interactive kiosk starts on the bundled content at once and swaps in the
  // cached bundle or --content-dir as soon as a thread has checked it. Scripts and screenshots
  // wait for it instead, so they always see the content they were pointed at.
  const bool interactive = opt.script.empty() && opt.screenshot.empty();
  const bool more_to_load = !startup.content_dir.empty() || !startup.public_keys.empty();
  StartupInputs bundled_only;
  bundled_only.now = startup.now;
  const StartupContent start = load_startup_content(interactive && more_to_load ? bundled_only : startup);
  if (!start.snapshot) {
    log::error("no usable content at all; reinstall the package (the bundled content is damaged)");
    return 1;
  }
  log::info("content: showing the " + start.source);
  log::debug("start-up: content ready after " + since_start());
  SnapshotPtr content = start.snapshot;
  VisitOptions ui_options;
  ui_options.idle_timeout_s = opt.idle_timeout_s.value_or(cfg.idle_timeout_s);
  ui_options.assisted_idle_timeout_s = cfg.assisted_idle_timeout_s;
  ui_options.reach_mode = cfg.reach_mode;
  KioskApp app(make_platform(opt.platform), content, ui_options);
  std::string error;
  if (!app.open(opt.window, error)) {
    log::error("could not start: " + error);
    return 1;
  }
  log::debug("start-up: window and fonts ready after " + since_start());
  app.ui().visit().set_language(opt.lang);
  if (!opt.today.empty()) app.ui().set_date_source([day = opt.today] { return day; });
  if (opt.start) {
    if (opt.start->screen == ScreenId::UnitDetail && !content->find_unit(opt.start->item) && !more_to_load)
      log::warning("--screen: no unit \"" + opt.start->item + "\"");
    if (opt.start->screen == ScreenId::OfferDetail && !content->find_offer(opt.start->item) && !more_to_load)
      log::warning("--screen: no offer \"" + opt.start->item + "\"");
    app.ui().visit().open(*opt.start);
  }
  if (start.version > 0) app.apply_media(decode_media(startup.cache_dir, *content));
  app.set_content_status(start.status());
  StartupLoader loader(app, startup, opt.start);  // declared after app: joined before app goes

  KioskServices services(app, opt, paths);
  services.apply(config);

  // Speech: espeak-ng on its own thread, into the sound card or, for tests, a WAV file.
  app.set_speech_output(std::make_unique<SpeechOutput>(opt.speech_wav.empty() ? make_sdl_audio_sink() : make_wav_sink(opt.speech_wav)));
  app.ui().screen_reader().set_headphones(opt.speech_headphones);
  if (opt.speech || !opt.speech_wav.empty()) app.ui().screen_reader().set_on(true);

  app.record_frames(!opt.frame_log.empty());
  // Benchmarks read the frame log after the run ends, however it ends (quit step, SIGTERM).
  struct FrameLogWriter {
    const KioskApp& app;
    const std::string& file;
    ~FrameLogWriter() {
      if (!file.empty() && !app.write_frame_log(file)) log::error("--frame-log: cannot write " + file);
    }
  } frame_log_writer{app, opt.frame_log};

  if (const auto code = run_unattended(app, opt.script, opt.screenshot)) return *code;

  // Under systemd: READY=1 once the first frame is on the glass, then the watchdog from the loop.
  ServiceNotifier notifier;
  app.on_first_frame([&] {
    notifier.ready();
    log::debug("start-up: first frame presented after " + since_start());
    if (interactive && more_to_load) loader.start();
  });
  if (notifier.watchdog_interval_s() > 0) app.set_keepalive(notifier.watchdog_interval_s(), [&notifier] { notifier.watchdog(); });
  services.on_status([&notifier](const std::string& line) { notifier.status(line); });
  SignalWatcher signals([&](int signal) {
    if (signal == SIGHUP) {
      app.post([&] {
        notifier.reloading();
        services.reload([&notifier] { notifier.ready(); });
      });
    } else if (signal == SIGUSR1 && opt.test_freeze_on_usr1) {
      app.post([&notifier] { freeze_main_loop(notifier); });
    }
  });
  app.run();
  services.stop();
  return 0;
}
