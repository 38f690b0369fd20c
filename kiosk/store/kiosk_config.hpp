#pragma once
// /etc/berswordt-kiosk/kiosk.json: where the backend is, which keys sign content, how often to
// look. No file at all is a valid setup (bundled content, no backend). A file with mistakes is
// reported problem by problem, and the kiosk runs with the defaults for what is wrong.
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/core/problem.hpp"

namespace kiosk {

struct KioskConfig {
  std::string kiosk_id = "kiosk";
  std::string backend;                   // base URL of the published bundle and the API; empty = none
  std::vector<std::string> public_keys;  // minisign public keys (base64 "RW…"); two during a key rotation
  int poll_interval_s = 300;
  bool allow_http_loopback = false;      // plain http to 127.0.0.1/localhost, for tests only
  std::string registration_public_key;   // the backend's box key (base64): registrations are sealed to it
  std::string api_token;                 // bearer token of this kiosk for the backend's API
  int heartbeat_interval_s = 120;
  double idle_timeout_s = 90.0;
  std::string state_dir;                 // empty: $STATE_DIRECTORY or /var/lib/berswordt-kiosk
  std::string cache_dir;                 // empty: $CACHE_DIRECTORY or /var/cache/berswordt-kiosk
  std::string staff_pin_hash;            // from `kioskctl hash-pin`; empty: staff mode cannot be opened
  std::string pin_pepper_file = "/etc/berswordt-kiosk/pin-pepper";  // the pepper, apart from this file
  double assisted_idle_timeout_s = 600.0;  // idle time before the question while a volunteer assists
  bool reach_mode = false;  // every visit starts in reach mode (the controls in the lower half), e.g. a low-mounted screen
};

struct ConfigLoad {
  KioskConfig config;
  Problems problems;
  bool found = false;
};

ConfigLoad load_config(const std::filesystem::path& path);
// The same for text already read; `file` names it in problems.
ConfigLoad parse_config(std::string_view text, const std::string& file);

// Secrets (the API token and PIN hash in kiosk.json, the pepper file) that every user of the
// machine may read: one warning per file, saying what to run.
std::vector<std::string> secret_file_warnings(const std::filesystem::path& config_path, const KioskConfig& config);

// Where the kiosk keeps its state and its cache: the command line's choice (`override_dir`, empty
// for none), else kiosk.json's, else systemd's $STATE_DIRECTORY / $CACHE_DIRECTORY, else
// /var/lib/berswordt-kiosk and /var/cache/berswordt-kiosk. The kiosk and kioskctl both ask here.
std::filesystem::path state_dir_for(const std::string& override_dir, const KioskConfig& config);
std::filesystem::path cache_dir_for(const std::string& override_dir, const KioskConfig& config);

}  // namespace kiosk
