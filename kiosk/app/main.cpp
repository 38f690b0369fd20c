// berswordt-kiosk: see README.md and PRODUCT.md. main parses the command line, picks the content
// to start with, and hands over to KioskApp (the UI loop) and KioskServices (the workers).
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>

#include "kiosk/app/command_line.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/kiosk_services.hpp"
#include "kiosk/app/screenshot.hpp"
#include "kiosk/app/script_runner.hpp"
#include "kiosk/app/service_notifier.hpp"
#include "kiosk/app/signal_watcher.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/store/data_paths.hpp"
#include "kiosk/store/kiosk_config.hpp"

namespace {

int64_t epoch_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Tests only (--test-freeze-on-usr1): the main loop stops coming round, as in a real hang, while
// the process stays alive. The watchdog test then sees the pings stop.
[[noreturn]] void freeze_main_loop(kiosk::ServiceNotifier& notifier) {
  notifier.status("main loop frozen on purpose (--test-freeze-on-usr1)");
  for (;;) ::pause();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kiosk;
  SignalWatcher::block_in_this_thread();  // before any thread starts: they all inherit the mask
  KioskOptions opt;
  if (auto code = parse_command_line(argc, argv, opt)) return *code;
  if (opt.verbose) log::set_max_level(log::Level::Debug);

  const ConfigLoad config = load_config(opt.config);
  const KioskConfig& cfg = config.config;
  KioskServices::Paths paths;
  paths.config = opt.config;
  paths.state_dir = !opt.state_dir.empty() ? opt.state_dir : !cfg.state_dir.empty() ? cfg.state_dir : default_state_dir().string();
  paths.cache_dir = !opt.cache_dir.empty() ? opt.cache_dir : !cfg.cache_dir.empty() ? cfg.cache_dir : default_cache_dir().string();
  StartupInputs startup;
  startup.content_dir = opt.content_dir;
  startup.state_dir = paths.state_dir;
  startup.cache_dir = paths.cache_dir;
  startup.public_keys = opt.public_keys.empty() ? cfg.public_keys : opt.public_keys;
  startup.now = epoch_now();
  const StartupContent start = load_startup_content(startup);
  if (!start.snapshot) {
    log::error("no usable content at all; reinstall the package (the bundled content is damaged)");
    return 1;
  }
  log::info("content: showing the " + start.source);
  SnapshotPtr content = start.snapshot;
  ui::UiOptions ui_options;
  ui_options.idle_timeout_s = opt.idle_timeout_s.value_or(cfg.idle_timeout_s);
  ui_options.assisted_idle_timeout_s = cfg.assisted_idle_timeout_s;
  KioskApp app(make_platform(opt.platform), content, ui_options);
  std::string error;
  if (!app.open(opt.window, error)) {
    log::error("could not start: " + error);
    return 1;
  }
  app.ui().set_language(opt.lang);
  if (opt.start) {
    if (opt.start->screen == ScreenId::UnitDetail && !content->find_unit(opt.start->item))
      log::warning("--screen: no unit \"" + opt.start->item + "\"");
    if (opt.start->screen == ScreenId::OfferDetail && !content->find_offer(opt.start->item))
      log::warning("--screen: no offer \"" + opt.start->item + "\"");
    app.ui().open(*opt.start);
  }
  if (start.version > 0) app.apply_media(decode_media(startup.cache_dir, *content));
  ContentStatus status;
  status.source = start.source;
  status.version = start.version;
  status.expires = start.expires;
  status.expires_at = start.expires_at;
  status.created_at = start.created_at;
  app.set_content_status(status);

  KioskServices services(app, opt, paths);
  services.apply(config);

  if (!opt.script.empty()) {
    const ScriptOutcome outcome = run_script(app, opt.script);
    if (!outcome.ok) {
      log::error("script: " + outcome.message);
      return 3;
    }
    log::info("script: " + opt.script + ": every step done");
    if (outcome.quit && opt.screenshot.empty()) return 0;
  }
  if (!opt.screenshot.empty()) {
    Image image;
    if (!app.capture_screen(image) || !write_png(image, opt.screenshot, error)) {
      log::error("screenshot: " + (error.empty() ? std::string("the platform cannot capture") : error));
      return 1;
    }
    log::info("screenshot: wrote " + opt.screenshot);
    return 0;
  }

  // Under systemd: READY=1 once the first frame is on the glass, then the watchdog from the loop.
  ServiceNotifier notifier;
  app.on_first_frame([&notifier] { notifier.ready(); });
  if (notifier.watchdog_interval_s() > 0) app.set_keepalive(notifier.watchdog_interval_s(), [&notifier] { notifier.watchdog(); });
  services.on_status([&notifier](const std::string& line) { notifier.status(line); });
  SignalWatcher signals([&](int signal) {
    if (signal == SIGHUP) {
      app.post([&] {
        notifier.reloading();
        services.reload();
        notifier.ready();
      });
    } else if (signal == SIGUSR1 && opt.test_freeze_on_usr1) {
      app.post([&notifier] { freeze_main_loop(notifier); });
    }
  });
  app.run();
  services.stop();
  return 0;
}
