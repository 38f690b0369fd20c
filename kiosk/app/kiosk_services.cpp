#include "kiosk/app/kiosk_services.hpp"

#include <chrono>

#include "kiosk/app/backend_worker.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/outbox_registrations.hpp"
#include "kiosk/app/staff_service.hpp"
#include "kiosk/app/sync_worker.hpp"
#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/net/sealed_box.hpp"
#include "kiosk/store/content_directory.hpp"
#include "kiosk/store/data_paths.hpp"

namespace kiosk {
KioskServices::KioskServices(KioskApp& app, KioskOptions options, Paths paths)
    : app_(app), options_(std::move(options)), paths_(std::move(paths)) {}

KioskServices::~KioskServices() { stop(); }

void KioskServices::stop() {
  // The form's sink first: its committer wakes the uploader after each commit.
  app_.ui().set_registration_sink(nullptr);
  registrations_.reset();
  // Uploader next: its heartbeat may ask the sync worker for a check.
  if (backend_worker_) backend_worker_->stop();
  backend_worker_.reset();
  if (sync_) sync_->stop();
  sync_.reset();
}

void KioskServices::reload() {
  log::info("config: reloading " + paths_.config.string());
  apply(load_config(paths_.config));
}

void KioskServices::apply(const ConfigLoad& config) {
  std::vector<std::string> problems;
  for (const Problem& p : config.problems) {
    log::error("config: " + p.to_string() + " (using the default)");
    problems.push_back(p.to_string());
  }
  const KioskConfig& cfg = config.config;
  for (const std::string& w : secret_file_warnings(paths_.config, cfg)) {
    log::warning("config: " + w);
    problems.push_back(w);
  }
  stop();
  app_.ui().set_registration_sink(nullptr);
  app_.ui().set_staff_console(nullptr);
  app_.ui().set_idle_timeouts(options_.idle_timeout_s.value_or(cfg.idle_timeout_s), cfg.assisted_idle_timeout_s);

  backend_ = !options_.backend.empty() ? options_.backend : cfg.backend;
  start_registrations(cfg);
  start_staff(cfg, std::move(problems));
  const bool interactive = options_.content_dir.empty() && options_.script.empty() && options_.screenshot.empty();
  if (!backend_.empty() && interactive) start_sync(cfg, options_.public_keys.empty() ? cfg.public_keys : options_.public_keys);
  if (!backend_.empty() && !cfg.api_token.empty() && registrations_->available() && options_.script.empty() &&
      options_.screenshot.empty()) {
    BackendWorker::Settings b;
    b.upload = {backend_, cfg.kiosk_id, cfg.api_token, {}};
    b.upload.limits.allow_http_loopback = options_.allow_http_loopback || cfg.allow_http_loopback;
    b.outbox_file = paths_.state_dir / "outbox.sqlite";
    b.heartbeat_interval_s = cfg.heartbeat_interval_s;
    backend_worker_ = std::make_unique<BackendWorker>(
        b, [this] { return app_.content_status_json(epoch_now()); },
        [this] {
          if (sync_) sync_->sync_now();
        },
        [this](bool answered) {
          app_.post([this, answered] {
            if (staff_) staff_->backend_answered(answered);
          });
        });
  }
  staff_->set_backend(backend_, [this] {
    if (sync_) sync_->sync_now();
  });
}

void KioskServices::start_sync(const KioskConfig& cfg, const std::vector<std::string>& keys) {
  SyncSettings settings;
  settings.base_url = backend_;
  for (const auto& text : keys) {
    MinisignPublicKey k;
    std::string error;
    if (minisign_parse_public_key(text, k, error)) settings.keys.push_back(k);
    else log::error("config: public key \"" + text.substr(0, 12) + "…\": " + error);
  }
  settings.cache_dir = paths_.cache_dir;
  settings.state_dir = paths_.state_dir;
  settings.fallback = load_content_directory(bundled_content_dir()).snapshot;
  settings.limits.allow_http_loopback = options_.allow_http_loopback || cfg.allow_http_loopback;
  const auto cache_dir = settings.cache_dir;
  sync_ = std::make_unique<SyncWorker>(settings, options_.poll_interval_s.value_or(cfg.poll_interval_s), [this, cache_dir](SyncOutcome o) {
    // Index and pictures are prepared here, on the worker, so the swap on the main thread is instant.
    auto index = o.snapshot ? std::make_shared<const SearchIndex>(*o.snapshot) : nullptr;
    auto media = o.snapshot ? decode_media(cache_dir, *o.snapshot) : nullptr;
    app_.post([this, o = std::move(o), index, media] {
      app_.apply_sync(o, index, epoch_now());
      if (media) app_.apply_media(media);
      if (staff_) staff_->backend_answered(o.server_answered);
      if (status_line_) status_line_("content: " + app_.content_status().source + "; last check: " + o.summary());
    });
  });
}

void KioskServices::start_registrations(const KioskConfig& cfg) {
  std::optional<std::array<uint8_t, 32>> key;
  if (!cfg.registration_public_key.empty()) {
    std::array<uint8_t, 32> k{};
    if (box_key_from_base64(cfg.registration_public_key, k)) key = k;
    else log::error("config: registration_public_key is not a key from `kioskctl registrations keygen`; registrations are off");
  }
  if (!key) log::info("registrations: no registration_public_key configured; visitors are sent to the counter");
  registrations_ = std::make_unique<OutboxRegistrations>(
      paths_.state_dir / "outbox.sqlite", key,
      [this] {
        if (backend_worker_) backend_worker_->registration_committed();
      },
      [&app = app_](std::function<void()> task) { app.post(std::move(task)); });
  app_.ui().set_registration_sink(registrations_.get());
}

void KioskServices::start_staff(const KioskConfig& cfg, std::vector<std::string> problems) {
  StaffService::Settings s;
  s.pin_hash = cfg.staff_pin_hash;
  s.pepper_file = cfg.pin_pepper_file;
  s.state_dir = paths_.state_dir;
  if (registrations_->available()) s.outbox_file = paths_.state_dir / "outbox.sqlite";
  s.backend = backend_;
  s.config_problems = std::move(problems);
  staff_.reset();  // its worker ends before the new one reads the same lockout file
  staff_ = std::make_unique<StaffService>(std::move(s), app_, nullptr);
  app_.ui().set_staff_console(staff_.get());
}

}  // namespace kiosk
