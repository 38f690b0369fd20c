#pragma once
// The app's side of staff mode (StaffConsole): checks PINs against the Argon2id hash with
// the pepper, keeps the lockout on disk, gathers the outbox counts for the staff screen and
// passes "sync now" on. PIN checks and SQLite reads run on its own worker thread; answers go
// to the main loop through KioskApp::post, so the UI never waits for them.
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/worker_thread.hpp"
#include "kiosk/core/pin_lockout.hpp"
#include "kiosk/core/staff_console.hpp"

namespace kiosk {

class KioskApp;

class StaffService final : public StaffConsole {
 public:
  struct Settings {
    std::string pin_hash;              // kiosk.json "staff_pin_hash"; empty: no staff mode
    std::filesystem::path pepper_file;
    std::filesystem::path state_dir;   // the lockout lives here
    std::filesystem::path outbox_file; // counted for the status; empty when registrations are off
    std::string backend;               // shown; empty: none configured
    std::vector<std::string> config_problems;
  };

  StaffService(Settings settings, KioskApp& app, std::function<void()> sync_now);
  ~StaffService() override;
  StaffService(const StaffService&) = delete;
  StaffService& operator=(const StaffService&) = delete;

  bool pin_configured() const override;
  int64_t locked_for_s() const override;
  void check_pin(std::string pin) override;
  StaffStatus status() const override;
  void refresh() override;
  void sync_now() override;
  void load_preview() override;

  // From any thread: the backend answered (or not) a sync or a heartbeat.
  void backend_answered(bool answered);
  // After a reload of kiosk.json (SIGHUP): what the screen shows about it.
  void set_backend(std::string backend, std::function<void()> sync_now, std::function<void()> load_preview = nullptr);

 private:
  void run();
  void check(std::string& pin);

  KioskApp& app_;
  mutable std::mutex mutex_;  // guards everything below that the worker and the UI share
  Settings settings_;
  std::function<void()> sync_now_, load_preview_;
  std::optional<std::string> pepper_;
  PinLockout lockout_;
  std::optional<bool> reachable_;
  long pending_ = 0, quarantined_ = 0;
  int64_t oldest_age_s_ = 0;
  double started_;
  std::optional<std::string> pin_to_check_;
  bool refresh_wanted_ = false;
  WorkerThread worker_;  // last: its thread stops before the members it uses go
};

}  // namespace kiosk
