#pragma once
// The kiosk's moving parts beside the UI, built from kiosk.json and the command line: content
// sync, registrations (the sealed outbox, its uploader and the heartbeat) and staff mode.
//
// apply() builds them at start. reload() (SIGHUP, `systemctl reload`) never holds up a frame:
// on the main thread it only unhooks the running workers from the UI; a thread of its own then
// stops them (joins), re-reads kiosk.json, builds the new ones (reading the pepper, opening the
// outbox) and posts them back, where they are hooked in between two frames. The content on
// screen stays throughout.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app/command_line.hpp"
#include "kiosk/store/kiosk_config.hpp"

namespace kiosk {

class KioskApp;

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

  // (Re)starts every worker from `config` on this (the main) thread; its problems and
  // secret-file warnings are logged and listed on the staff screen.
  void apply(const ConfigLoad& config);
  // Re-reads kiosk.json and applies it off the UI thread; the sync worker starts with a check at
  // once. `done` runs on the main thread when the new workers are in place.
  void reload(std::function<void()> done = {});
  void stop();  // main thread; waits for a reload under way
  // Each sync outcome in one line, for `systemctl status` (main thread).
  void on_status(std::function<void(const std::string&)> f) { status_line_ = std::move(f); }

  struct Workers;  // one generation of workers, built together, stopped together

 private:
  std::unique_ptr<Workers> build(const ConfigLoad& config);  // any thread: touches no UI
  void install(std::shared_ptr<Workers> workers);            // main thread

  KioskApp& app_;
  KioskOptions options_;
  Paths paths_;
  std::function<void(const std::string&)> status_line_;
  std::shared_ptr<Workers> workers_;
  std::thread reloader_;
};

}  // namespace kiosk
