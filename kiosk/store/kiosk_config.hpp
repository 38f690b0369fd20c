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
};

struct ConfigLoad {
  KioskConfig config;
  Problems problems;
  bool found = false;
};

ConfigLoad load_config(const std::filesystem::path& path);

std::filesystem::path default_state_dir();
std::filesystem::path default_cache_dir();

}  // namespace kiosk
