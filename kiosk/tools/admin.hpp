#pragma once
// kioskctl's commands for running kiosks: the staff PIN's stored form, the fleet's health as
// the backend sees it, and a preview of a content folder in a window.
#include <string>

namespace kiosk {

// Reads the PIN from stdin (never from the command line, where `ps` would show it) and prints
// the line to put into kiosk.json as "staff_pin_hash". With `new_pepper` it first creates the
// pepper file (0600), refusing to overwrite one: every stored PIN hash depends on it.
int hash_pin_command(const std::string& pepper_file, bool new_pepper);

struct FleetRequest {
  std::string backend;  // base URL of kiosk-backend
  std::string token;    // its --admin-token
  std::string sync_now; // ask this kiosk to sync at its next heartbeat
  bool allow_http_loopback = false;
  bool json = false;
};
// One row per kiosk; kiosks silent for more than three heartbeat intervals are flagged, and the
// exit code is 1 when any is, so a cron job or a monitoring check can act on it.
int fleet_command(const FleetRequest& request, int64_t now);

// Starts berswordt-kiosk (installed beside kioskctl) windowed on a content folder.
int preview_command(const std::string& kioskctl_path, const std::string& content_dir);

}  // namespace kiosk
