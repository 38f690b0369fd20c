#pragma once
// The kiosk's moving parts beside the UI, built from kiosk.json and the command line: content
// sync, registrations (the sealed outbox, its uploader and the heartbeat) and staff mode.
// apply() builds them; calling it again with a re-read kiosk.json (SIGHUP, `systemctl reload`)
// stops the old workers and starts new ones, keeping the content on screen. Main thread only.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/app/command_line.hpp"
#include "kiosk/store/kiosk_config.hpp"

namespace kiosk {

class KioskApp;
class SyncWorker;
class BackendWorker;
class OutboxRegistrations;
class StaffService;

class KioskServices {
 public:
  struct Paths {
    std::filesystem::path config;     // kiosk.json, re-read on reload
    std::filesystem::path state_dir;  // fixed for the process's life
    std::filesystem::path cache_dir;
  };

  KioskServices(KioskApp& app, KioskOptions options, Paths paths);
  ~KioskServices();
  KioskServices(const KioskServices&) = delete;
  KioskServices& operator=(const KioskServices&) = delete;

  // (Re)starts every worker from `config`; its problems and secret-file warnings are logged
  // and listed on the staff screen.
  void apply(const ConfigLoad& config);
  // Re-reads kiosk.json and applies it; the sync worker starts with a check at once.
  void reload();
  void stop();
  // Each sync outcome in one line, for `systemctl status` (main thread).
  void on_status(std::function<void(const std::string&)> f) { status_line_ = std::move(f); }

 private:
  void start_sync(const KioskConfig& cfg, const std::vector<std::string>& keys);
  void start_registrations(const KioskConfig& cfg);
  void start_staff(const KioskConfig& cfg, std::vector<std::string> problems);

  KioskApp& app_;
  KioskOptions options_;
  Paths paths_;
  std::string backend_;
  std::function<void(const std::string&)> status_line_;
  std::unique_ptr<StaffService> staff_;
  std::unique_ptr<OutboxRegistrations> registrations_;
  std::unique_ptr<SyncWorker> sync_;
  std::unique_ptr<BackendWorker> backend_worker_;
};

}  // namespace kiosk
