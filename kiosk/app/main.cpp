// berswordt-kiosk: see README.md and PRODUCT.md. main only parses the command line and hands
// over to KioskApp.
#include <chrono>
#include <cstdio>

#include "kiosk/app/command_line.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/screenshot.hpp"
#include "kiosk/app/script_runner.hpp"
#include "kiosk/app/sync_worker.hpp"
#include "kiosk/app/backend_worker.hpp"
#include "kiosk/app/outbox_registrations.hpp"
#include "kiosk/net/sealed_box.hpp"
#include "kiosk/store/content_directory.hpp"
#include "kiosk/store/data_paths.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/store/kiosk_config.hpp"

int main(int argc, char** argv) {
  using namespace kiosk;
  KioskOptions opt;
  if (auto code = parse_command_line(argc, argv, opt)) return *code;
  if (opt.verbose) log::set_max_level(log::Level::Debug);

  const ConfigLoad config = load_config(opt.config);
  for (const Problem& p : config.problems) log::error("config: " + p.to_string() + " (using the default)");
  const KioskConfig& cfg = config.config;
  StartupInputs startup;
  startup.content_dir = opt.content_dir;
  startup.state_dir = !opt.state_dir.empty() ? opt.state_dir : !cfg.state_dir.empty() ? cfg.state_dir : default_state_dir().string();
  startup.cache_dir = !opt.cache_dir.empty() ? opt.cache_dir : !cfg.cache_dir.empty() ? cfg.cache_dir : default_cache_dir().string();
  startup.public_keys = opt.public_keys.empty() ? cfg.public_keys : opt.public_keys;
  startup.now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  const StartupContent start = load_startup_content(startup);
  if (!start.snapshot) {
    log::error("no usable content at all; reinstall the package (the bundled content is damaged)");
    return 1;
  }
  log::info("content: showing the " + start.source);
  SnapshotPtr content = start.snapshot;
  ui::UiOptions ui_options;
  ui_options.idle_timeout_s = opt.idle_timeout_s.value_or(cfg.idle_timeout_s);
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
  app.set_content_status(status);

  // Content sync runs beside the UI when a backend is configured.
  std::unique_ptr<SyncWorker> sync;
  const std::string backend = !opt.backend.empty() ? opt.backend : cfg.backend;
  if (!backend.empty() && opt.content_dir.empty() && opt.script.empty() && opt.screenshot.empty()) {
    SyncSettings settings;
    settings.base_url = backend;
    for (const auto& text : startup.public_keys) {
      MinisignPublicKey k;
      std::string error;
      if (minisign_parse_public_key(text, k, error)) settings.keys.push_back(k);
    }
    settings.cache_dir = startup.cache_dir;
    settings.state_dir = startup.state_dir;
    settings.fallback = load_content_directory(bundled_content_dir()).snapshot;
    settings.limits.allow_http_loopback = opt.allow_http_loopback || cfg.allow_http_loopback;
    const auto cache_dir = settings.cache_dir;
    sync = std::make_unique<SyncWorker>(settings, opt.poll_interval_s.value_or(cfg.poll_interval_s), [&app, cache_dir](SyncOutcome o) {
      // Index and pictures are prepared here, on the worker, so the swap on the main thread is instant.
      auto index = o.snapshot ? std::make_shared<const SearchIndex>(*o.snapshot) : nullptr;
      auto media = o.snapshot ? decode_media(cache_dir, *o.snapshot) : nullptr;
      app.post([&app, o = std::move(o), index, media] {
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        app.apply_sync(o, index, now);
        if (media) app.apply_media(media);
      });
    });
  }

  // Registrations: sealed to the backend's key and kept in the outbox until delivered.
  std::unique_ptr<BackendWorker> backend_worker;
  std::optional<std::array<uint8_t, 32>> registration_key;
  if (!cfg.registration_public_key.empty()) {
    std::array<uint8_t, 32> k{};
    if (box_key_from_base64(cfg.registration_public_key, k)) registration_key = k;
    else log::error("config: registration_public_key is not a key from `kioskctl registrations keygen`; registrations are off");
  }
  const auto outbox_file = std::filesystem::path(startup.state_dir) / "outbox.sqlite";
  std::string outbox_error;
  auto outbox = registration_key ? OutboxStore::open(outbox_file, outbox_error) : nullptr;
  if (registration_key && !outbox) log::error("outbox: " + outbox_error + "; registrations are off");
  if (!registration_key) log::info("registrations: no registration_public_key configured; visitors are sent to the counter");
  OutboxRegistrations registrations(std::move(outbox), registration_key, [&backend_worker] {
    if (backend_worker) backend_worker->registration_committed();
  });
  app.ui().set_registration_sink(&registrations);
  if (!backend.empty() && !cfg.api_token.empty() && registrations.available() && opt.script.empty() && opt.screenshot.empty()) {
    BackendWorker::Settings b;
    b.upload = {backend, cfg.kiosk_id, cfg.api_token, {}};
    b.upload.limits.allow_http_loopback = opt.allow_http_loopback || cfg.allow_http_loopback;
    b.outbox_file = outbox_file;
    b.heartbeat_interval_s = cfg.heartbeat_interval_s;
    backend_worker = std::make_unique<BackendWorker>(
        b,
        [&app] {
          const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
          return app.content_status_json(now);
        },
        [&sync] {
          if (sync) sync->sync_now();
        });
  }

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
  app.run();
  if (backend_worker) backend_worker->stop();
  if (sync) sync->stop();
  return 0;
}
