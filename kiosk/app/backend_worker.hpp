#pragma once
// The kiosk's second worker: delivers the outbox (at once after each new registration, else
// with full-jitter backoff from 2 s up to 15 min, never sooner than Retry-After) and sends the
// heartbeat every few minutes. A heartbeat answered with {"sync_now": true} triggers a content
// sync. Own thread, own SQLite connection; nothing here touches the UI.
#include <filesystem>
#include <functional>

#include "kiosk/app/worker_thread.hpp"
#include "kiosk/net/registration_uploader.hpp"

namespace kiosk {

class BackendWorker {
 public:
  struct Settings {
    UploadSettings upload;
    std::filesystem::path outbox_file;
    int heartbeat_interval_s = 120;
  };
  // Called on the worker: the content part of the status as JSON (thread-safe on the app's side).
  using ContentStatusJson = std::function<std::string()>;

  // `answered`: after each heartbeat, whether the backend answered it (reachability for the staff screen).
  BackendWorker(Settings settings, ContentStatusJson content_status, std::function<void()> sync_now,
                std::function<void(bool answered)> answered = nullptr);
  ~BackendWorker();
  BackendWorker(const BackendWorker&) = delete;
  BackendWorker& operator=(const BackendWorker&) = delete;

  void registration_committed();  // deliver now
  void stop();

 private:
  void run();
  Settings settings_;
  ContentStatusJson content_status_;
  std::function<void()> sync_now_;
  std::function<void(bool)> answered_;
  WorkerThread worker_;  // last: its thread stops before the members it uses go
};


}  // namespace kiosk
