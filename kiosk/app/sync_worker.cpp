#include "kiosk/app/sync_worker.hpp"

#include <chrono>
#include <random>

#include "kiosk/core/backoff.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk {

SyncWorker::SyncWorker(SyncSettings settings, int poll_interval_s, Deliver deliver)
    : settings_(std::move(settings)), poll_interval_s_(poll_interval_s), deliver_(std::move(deliver)) {
  thread_ = std::thread([this] { run(); });
}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::sync_now() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    now_requested_ = true;
  }
  wake_.notify_all();
}

void SyncWorker::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  cancel_ = true;  // curl's progress callback sees this and aborts the transfer
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SyncWorker::run() {
  SyncEngine engine(settings_, &cancel_);
  Backoff backoff(2.0, 900.0);
  std::mt19937 rng(std::random_device{}());
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (;;) {
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    SyncOutcome outcome = engine.run_once(now);
    if (cancel_) return;
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
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, std::chrono::duration<double>(wait_s), [this] { return now_requested_ || stopping_; });
    if (stopping_) return;
    now_requested_ = false;
  }
}

}  // namespace kiosk
