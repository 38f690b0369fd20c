#include "kiosk/app/kiosk_services.hpp"

#include <chrono>

#include "kiosk/app/backend_worker.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/outbox_registrations.hpp"
#include "kiosk/app/preview_loader.hpp"
#include "kiosk/app/staff_service.hpp"
#include "kiosk/app/sync_worker.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/net/sealed_box.hpp"
#include "kiosk/store/content_directory.hpp"
#include "kiosk/store/data_paths.hpp"

namespace kiosk {

struct KioskServices::Workers {
  double idle_timeout_s = 90, assisted_idle_timeout_s = 600;
  std::unique_ptr<OutboxRegistrations> registrations;
  std::unique_ptr<SyncWorker> sync;
  std::unique_ptr<BackendWorker> backend;
  std::unique_ptr<StaffService> staff;
  std::unique_ptr<PreviewLoader> preview;

  // In this order: the form's committer wakes the uploader, whose heartbeat may ask the sync
  // worker for a check; staff last (its worker reads the outbox).
  ~Workers() {
    registrations.reset();
    if (backend) backend->stop();
    backend.reset();
    if (sync) sync->stop();
    sync.reset();
    preview.reset();
    staff.reset();
  }
};

KioskServices::KioskServices(KioskApp& app, KioskOptions options, Paths paths)
    : app_(app), options_(std::move(options)), paths_(std::move(paths)) {}

KioskServices::~KioskServices() { stop(); }

void KioskServices::stop() {
  if (reloader_.joinable()) reloader_.join();
  app_.ui().visit().set_registration_sink(nullptr);
  app_.ui().visit().set_staff_console(nullptr);
  workers_.reset();
}

void KioskServices::apply(const ConfigLoad& config) {
  stop();
  install(build(config));
}

void KioskServices::reload(std::function<void()> done) {
  if (reloader_.joinable()) {  // a second SIGHUP while the first is under way
    log::info("config: a reload is already under way");
    if (done) done();
    return;
  }
  log::info("config: reloading " + paths_.config.string());
  // On the main thread only the UI lets go of the old workers; they stop on the reloader.
  app_.ui().visit().set_registration_sink(nullptr);
  app_.ui().visit().set_staff_console(nullptr);
  std::shared_ptr<Workers> old = std::move(workers_);
  reloader_ = std::thread([this, old = std::move(old), done = std::move(done)]() mutable {
    try {
      old.reset();  // joins the old workers: up to a second while a transfer is cancelled
      std::shared_ptr<Workers> fresh(build(load_config(paths_.config)).release());
      app_.post([this, fresh, done] {
        reloader_.join();  // it has nothing left to do but return
        install(fresh);
        if (done) done();
      });
    } catch (const std::exception& e) {
      log::error(std::string("config: reload failed: ") + e.what());
      app_.post([this, done] {
        reloader_.join();
        if (done) done();
      });
    }
  });
}

void KioskServices::install(std::shared_ptr<Workers> w) {
  workers_ = std::move(w);
  app_.ui().visit().set_idle_timeouts(workers_->idle_timeout_s, workers_->assisted_idle_timeout_s);
  app_.ui().visit().set_registration_sink(workers_->registrations.get());
  app_.ui().visit().set_staff_console(workers_->staff.get());
}

std::unique_ptr<KioskServices::Workers> KioskServices::build(const ConfigLoad& config) {
  auto w = std::make_unique<Workers>();
  Workers* raw = w.get();  // the callbacks below outlive no member of their own generation
  std::vector<std::string> problems;
  for (const Problem& p : config.problems) {
    log::error("config: " + p.to_string() + " (using the default)");
    problems.push_back(p.to_string());
  }
  const KioskConfig& cfg = config.config;
  for (const std::string& warning : secret_file_warnings(paths_.config, cfg)) {
    log::warning("config: " + warning);
    problems.push_back(warning);
  }
  w->idle_timeout_s = options_.idle_timeout_s.value_or(cfg.idle_timeout_s);
  w->assisted_idle_timeout_s = cfg.assisted_idle_timeout_s;
  const std::string backend = !options_.backend.empty() ? options_.backend : cfg.backend;

  // Registrations: the form's sink, sealing on the UI thread and committing on its own.
  std::optional<std::array<uint8_t, 32>> key;
  if (!cfg.registration_public_key.empty()) {
    std::array<uint8_t, 32> k{};
    if (box_key_from_base64(cfg.registration_public_key, k)) key = k;
    else log::error("config: registration_public_key is not a key from `kioskctl registrations keygen`; registrations are off");
  }
  if (!key) log::info("registrations: no registration_public_key configured; visitors are sent to the counter");
  w->registrations = std::make_unique<OutboxRegistrations>(
      outbox_file(paths_.state_dir), key,
      [raw] {
        if (raw->backend) raw->backend->registration_committed();
      },
      [&app = app_](std::function<void()> task) { app.post(std::move(task)); });

  // Content sync.
  const bool interactive =
      options_.content_dir.empty() && (options_.script.empty() || options_.sync_in_script) && options_.screenshot.empty();
  if (!backend.empty() && interactive) {
    SyncSettings settings;
    settings.base_url = backend;
    std::vector<std::string> problems;
    settings.keys = minisign_parse_public_keys(options_.public_keys.empty() ? cfg.public_keys : options_.public_keys, problems);
    for (const std::string& p : problems) log::error("config: " + p);
    settings.cache_dir = paths_.cache_dir;
    settings.state_dir = paths_.state_dir;
    settings.fallback = load_content_directory(bundled_content_dir()).snapshot;
    settings.limits.allow_http_loopback = options_.allow_http_loopback || cfg.allow_http_loopback;
    const auto cache_dir = settings.cache_dir;
    w->sync = std::make_unique<SyncWorker>(settings, options_.poll_interval_s.value_or(cfg.poll_interval_s), [this, cache_dir](SyncOutcome o) {
      // Index and pictures are prepared here, on the worker, so the swap on the main thread is instant.
      auto index = o.snapshot ? std::make_shared<const SearchIndex>(*o.snapshot) : nullptr;
      auto media = o.snapshot ? decode_media(cache_dir, *o.snapshot) : nullptr;
      app_.post([this, o = std::move(o), index, media] {
        app_.apply_sync(o, index, epoch_now());
        if (media) app_.apply_media(media);
        if (workers_ && workers_->staff) workers_->staff->backend_answered(o.server_answered);
        if (status_line_) status_line_("content: " + app_.content_status().source + "; last check: " + o.summary());
      });
    });
    w->preview = std::make_unique<PreviewLoader>(settings, [this](LoadedPreview p) {
      app_.post([this, p = std::move(p)] { app_.apply_preview(p); });
    });
  }

  // Delivery of registrations and the heartbeat.
  if (!backend.empty() && !cfg.api_token.empty() && w->registrations->available() && options_.script.empty() &&
      options_.screenshot.empty()) {
    BackendWorker::Settings b;
    b.upload = {backend, cfg.kiosk_id, cfg.api_token, {}};
    b.upload.limits.allow_http_loopback = options_.allow_http_loopback || cfg.allow_http_loopback;
    b.outbox_file = outbox_file(paths_.state_dir);
    b.heartbeat_interval_s = cfg.heartbeat_interval_s;
    w->backend = std::make_unique<BackendWorker>(
        b, [this] { return app_.content_status_json(epoch_now()); },
        [raw] {
          if (raw->sync) raw->sync->sync_now();
        },
        [this](bool answered) {
          app_.post([this, answered] {
            if (workers_ && workers_->staff) workers_->staff->backend_answered(answered);
          });
        });
  }

  // Staff mode.
  StaffService::Settings s;
  s.pin_hash = cfg.staff_pin_hash;
  s.pepper_file = cfg.pin_pepper_file;
  s.state_dir = paths_.state_dir;
  if (w->registrations->available()) s.outbox_file = outbox_file(paths_.state_dir);
  s.backend = backend;
  s.config_problems = std::move(problems);
  w->staff = std::make_unique<StaffService>(std::move(s), app_, nullptr);
  w->staff->set_backend(
      backend,
      [raw] {
        if (raw->sync) raw->sync->sync_now();
      },
      [raw] {
        if (raw->preview) raw->preview->load();
      });
  return w;
}

}  // namespace kiosk
