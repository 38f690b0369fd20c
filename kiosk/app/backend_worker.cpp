#include "kiosk/app/backend_worker.hpp"

#include <chrono>
#include <nlohmann/json.hpp>
#include <random>

#include "kiosk/core/backoff.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk {

BackendWorker::BackendWorker(Settings settings, ContentStatusJson content_status, std::function<void()> sync_now,
                             std::function<void(bool)> answered)
    : settings_(std::move(settings)),
      content_status_(std::move(content_status)),
      sync_now_(std::move(sync_now)),
      answered_(std::move(answered)) {
  worker_.start([this] { run(); });
}

BackendWorker::~BackendWorker() { stop(); }

void BackendWorker::registration_committed() { worker_.request(); }

void BackendWorker::stop() { worker_.stop(); }

void BackendWorker::run() {
  std::string error;
  std::unique_ptr<OutboxStore> store;
  // A full disk at start must not end delivery for good: try again, backing off, until it opens.
  for (Backoff opening(2.0, 300.0); !(store = OutboxStore::open(settings_.outbox_file, error));) {
    const double wait_s = opening.failed(std::nullopt, 0.5);
    log::error("outbox: " + error + "; delivery waits, next try in " + std::to_string(static_cast<int>(wait_s)) + " s");
    worker_.wait(wait_s);
    if (worker_.stopping()) return;
  }
  RegistrationUploader uploader(settings_.upload, *store, worker_.cancel_flag());
  Backoff backoff(2.0, 900.0);
  std::mt19937 rng(std::random_device{}());
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const int64_t started = epoch_now();
  int64_t next_heartbeat = started;
  double next_flush_in = 0;
  for (;;) {
    // As in the sync worker: an exception ends one cycle, never the thread (and so the kiosk).
    try {
      if (next_flush_in <= 0) {
        const FlushOutcome f = uploader.flush();
        if (worker_.cancelled()) return;
        if (f.delivered || f.quarantined)
          log::info("outbox: " + std::to_string(f.delivered) + " delivered, " + std::to_string(f.quarantined) + " quarantined");
        if (f.failed) {
          next_flush_in = backoff.failed(f.retry_after_s, unit(rng));
          log::warning("outbox: " + f.reason + "; next try in " + std::to_string(static_cast<int>(next_flush_in)) + " s");
        } else {
          backoff.succeeded();
          next_flush_in = 1e9;  // until the next registration
        }
      }
      const int64_t now = epoch_now();
      if (now >= next_heartbeat) {
        std::string hb_error;
        if (uploader.send_status(heartbeat_json(content_status_(), store->counts(), now, now - started, settings_.heartbeat_interval_s), hb_error) && sync_now_)
          sync_now_();
        else if (!hb_error.empty())
          log::warning("heartbeat: " + hb_error);
        // "status: the backend answered 5xx" still means it is there.
        if (answered_) answered_(hb_error.empty() || hb_error.rfind("status: the backend answered", 0) == 0);
        if (worker_.cancelled()) return;
        next_heartbeat = now + settings_.heartbeat_interval_s;
      }
    } catch (const std::exception& e) {
      next_flush_in = backoff.failed(std::nullopt, unit(rng));
      next_heartbeat = epoch_now() + settings_.heartbeat_interval_s;
      log::error(std::string("outbox: internal error: ") + e.what() + "; next try in " + std::to_string(static_cast<int>(next_flush_in)) + " s");
    }
    const double until_heartbeat = static_cast<double>(next_heartbeat - epoch_now());
    const double wait_s = std::max(0.0, std::min(next_flush_in, until_heartbeat));
    const auto t0 = std::chrono::steady_clock::now();
    const bool committed = worker_.wait(wait_s);
    if (worker_.stopping()) return;
    if (committed) next_flush_in = 0;  // a new registration: deliver it now, backoff or not
    else next_flush_in -= std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
}

}  // namespace kiosk
