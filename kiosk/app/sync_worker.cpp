#include "kiosk/app/sync_worker.hpp"

#include <chrono>
#include <random>

#include "kiosk/core/backoff.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk {

SyncWorker::SyncWorker(SyncSettings settings, int poll_interval_s, Deliver deliver)
    : settings_(std::move(settings)), poll_interval_s_(poll_interval_s), deliver_(std::move(deliver)) {
  worker_.start([this] { run(); });
}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::sync_now() { worker_.request(); }

void SyncWorker::stop() { worker_.stop(); }  // curl's progress callback sees the cancel flag

void SyncWorker::run() {
  SyncEngine engine(settings_, worker_.cancel_flag());
  Backoff backoff(2.0, 900.0);
  std::mt19937 rng(std::random_device{}());
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (;;) {
    const auto now = epoch_now();
    SyncOutcome outcome;
    // Nothing a server sends may end the kiosk: an exception from one cycle is a failed cycle,
    // logged with its reason and retried with backoff like any other failure.
    try {
      outcome = engine.run_once(now);
    } catch (const std::exception& e) {
      outcome.kind = SyncOutcome::Kind::Failed;
      outcome.reason = std::string("internal error: ") + e.what();
    } catch (...) {
      outcome.kind = SyncOutcome::Kind::Failed;
      outcome.reason = "internal error";
    }
    if (worker_.cancelled()) return;
    double wait_s = poll_interval_s_;
    if (outcome.kind == SyncOutcome::Kind::Failed) {
      wait_s = backoff.failed(outcome.retry_after_s, unit(rng));
      log::warning("sync: " + outcome.summary() + "; next try in " + std::to_string(static_cast<int>(wait_s)) + " s");
    } else {
      backoff.succeeded();
      if (outcome.kind == SyncOutcome::Kind::Rejected) log::error("sync: " + outcome.summary());
      else if (outcome.kind == SyncOutcome::Kind::NewVersion) log::info("sync: " + outcome.summary());
      else log::debug("sync: " + outcome.summary());
    }
    deliver_(std::move(outcome));
    worker_.wait(wait_s);
    if (worker_.stopping()) return;
  }
}

}  // namespace kiosk
