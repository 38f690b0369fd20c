#pragma once
// Runs the sync engine on its own thread: at start, then every poll interval, sooner when
// asked (staff "sync now", the heartbeat's sync_now, SIGHUP), later after failures (full-jitter
// backoff, Retry-After honoured). Each outcome is handed to `deliver` on the worker thread; the
// app posts it to the main loop. stop() cancels a transfer in flight and returns within about
// a second.
#include <functional>

#include "kiosk/app/worker_thread.hpp"
#include "kiosk/net/sync_engine.hpp"

namespace kiosk {

class SyncWorker {
 public:
  using Deliver = std::function<void(SyncOutcome)>;

  SyncWorker(SyncSettings settings, int poll_interval_s, Deliver deliver);
  ~SyncWorker();
  SyncWorker(const SyncWorker&) = delete;
  SyncWorker& operator=(const SyncWorker&) = delete;

  void sync_now();
  void stop();

 private:
  void run();

  SyncSettings settings_;
  int poll_interval_s_;
  Deliver deliver_;
  WorkerThread worker_;  // last: its thread stops before the members it uses go
};

}  // namespace kiosk
