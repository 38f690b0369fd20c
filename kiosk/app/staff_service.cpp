#include "kiosk/app/staff_service.hpp"

#include <sodium.h>

#include <chrono>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/store/outbox_store.hpp"
#include "kiosk/store/staff_pin.hpp"

namespace kiosk {
namespace {

double monotonic_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

StaffService::StaffService(Settings settings, KioskApp& app, std::function<void()> sync_now)
    : app_(app), settings_(std::move(settings)), sync_now_(std::move(sync_now)), started_(monotonic_now()) {
  // Start-up reads (the pepper, the lockout) happen here, before the first frame.
  if (!settings_.pin_hash.empty()) {
    std::string error;
    pepper_ = read_pepper(settings_.pepper_file, error);
    if (!pepper_) {
      log::error("staff mode: " + error + "; the PIN pad stays closed");
      settings_.config_problems.push_back("pin_pepper_file: " + error);
    }
  }
  lockout_ = load_pin_lockout(settings_.state_dir);
  worker_.start([this] { run(); });
}

StaffService::~StaffService() { worker_.stop(); }

bool StaffService::pin_configured() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return !settings_.pin_hash.empty() && pepper_.has_value();
}

int64_t StaffService::locked_for_s() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return lockout_.seconds_left(epoch_now());
}

void StaffService::check_pin(std::string pin) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (pin_to_check_) sodium_memzero(pin_to_check_->data(), pin_to_check_->size());
    pin_to_check_ = std::move(pin);
  }
  worker_.request();
}

void StaffService::refresh() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    refresh_wanted_ = true;
  }
  worker_.request();
}

void StaffService::sync_now() {
  std::function<void()> f;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    f = sync_now_;
  }
  if (f) f();
}

void StaffService::load_preview() {
  std::function<void()> f;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    f = load_preview_;
  }
  if (f) return f();
  app_.post([&app = app_] { app.ui().visit().preview_loaded(false, 0, "no backend is configured"); });
}

void StaffService::backend_answered(bool answered) {
  std::lock_guard<std::mutex> lock(mutex_);
  reachable_ = answered;
}

void StaffService::set_backend(std::string backend, std::function<void()> sync_now, std::function<void()> load_preview) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (backend != settings_.backend) reachable_.reset();
  settings_.backend = std::move(backend);
  sync_now_ = std::move(sync_now);
  load_preview_ = std::move(load_preview);
}

StaffStatus StaffService::status() const {
  const ContentStatus c = app_.content_status();
  const int64_t now = epoch_now();
  StaffStatus s;
  s.content_source = c.source;
  s.content_version = c.version;
  s.content_created = c.created_at;
  s.content_expires = c.expires_at;
  s.stale = c.stale(now);
  s.last_sync = c.last_sync.empty() ? 0 : parse_rfc3339(c.last_sync);
  s.last_error = c.last_error;
  s.app_version = KIOSK_VERSION;
  s.uptime_s = static_cast<int64_t>(monotonic_now() - started_);
  std::lock_guard<std::mutex> lock(mutex_);
  s.backend = settings_.backend;
  s.backend_reachable = reachable_;
  s.registrations_on = !settings_.outbox_file.empty();
  s.outbox_pending = pending_;
  s.outbox_quarantined = quarantined_;
  s.oldest_pending_age_s = oldest_age_s_;
  s.config_problems = settings_.config_problems;
  return s;
}

void StaffService::check(std::string& pin) {
  PinCheck result;
  std::string hash, pepper;
  PinLockout lockout;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    hash = settings_.pin_hash;
    pepper = pepper_.value_or("");
    lockout = lockout_;
  }
  const int64_t now = epoch_now();
  if (lockout.observe(now)) {
    std::string error;
    if (!save_pin_lockout(settings_.state_dir, lockout, error)) log::warning("staff mode: " + error);
    std::lock_guard<std::mutex> lock(mutex_);
    lockout_ = lockout;
  }
  if (lockout.locked(now)) {
    result.locked_for_s = lockout.seconds_left(now);  // not even tried: a lock is a lock
  } else {
    result.ok = !hash.empty() && !pepper.empty() && pin_matches(pin, pepper, hash);
    if (result.ok) lockout.succeeded();
    else lockout.failed(now);
    result.locked_for_s = lockout.seconds_left(now);
    result.attempts_left = std::max(0, PinLockout::kFreeAttempts + 1 - lockout.failures);
    std::string error;
    if (!save_pin_lockout(settings_.state_dir, lockout, error)) log::warning("staff mode: " + error);
    log::info(result.ok ? "staff mode: opened" : "staff mode: wrong PIN (" + std::to_string(lockout.failures) + " in a row)");
    std::lock_guard<std::mutex> lock(mutex_);
    lockout_ = lockout;
  }
  sodium_memzero(pin.data(), pin.size());
  sodium_memzero(pepper.data(), pepper.size());
  // Only the app is captured: this service may be rebuilt (SIGHUP) before the task runs.
  app_.post([&app = app_, result] { app.ui().visit().pin_checked(result); });
}

void StaffService::run() {
  for (;;) {
    worker_.wait(3600.0);
    if (worker_.stopping()) return;
    std::optional<std::string> pin;
    bool refresh = false;
    std::filesystem::path outbox;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      pin.swap(pin_to_check_);
      refresh = refresh_wanted_;
      refresh_wanted_ = false;
      outbox = settings_.outbox_file;
    }
    if (pin) check(*pin);
    if (refresh && !outbox.empty()) {
      std::string error;
      if (auto store = OutboxStore::open(outbox, error)) {
        const OutboxCounts c = store->counts();
        const int64_t oldest = c.oldest_pending_created ? parse_rfc3339(*c.oldest_pending_created) : -1;
        std::lock_guard<std::mutex> lock(mutex_);
        pending_ = c.pending;
        quarantined_ = c.quarantined;
        oldest_age_s_ = oldest < 0 ? 0 : std::max<int64_t>(0, epoch_now() - oldest);
      } else {
        log::warning("staff mode: outbox: " + error);
      }
      app_.post([] {});  // wakes the loop: the staff screen shows the new counts
    }
  }
}

}  // namespace kiosk
