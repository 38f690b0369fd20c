#include "kiosk/store/kiosk_config.hpp"

#include "kiosk/core/json_depth.hpp"
#include <sys/stat.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "kiosk/store/atomic_file.hpp"

namespace kiosk {
namespace {

using json = nlohmann::json;

std::string from_env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);  // systemd's StateDirectory= / CacheDirectory=
  if (v == nullptr || *v == '\0') return fallback;
  std::string s(v);
  return s.substr(0, s.find(':'));  // several directories: the first is ours
}

}  // namespace

std::filesystem::path state_dir_for(const std::string& override_dir, const KioskConfig& config) {
  if (!override_dir.empty()) return override_dir;
  if (!config.state_dir.empty()) return config.state_dir;
  return from_env("STATE_DIRECTORY", "/var/lib/berswordt-kiosk");
}

std::filesystem::path cache_dir_for(const std::string& override_dir, const KioskConfig& config) {
  if (!override_dir.empty()) return override_dir;
  if (!config.cache_dir.empty()) return config.cache_dir;
  return from_env("CACHE_DIRECTORY", "/var/cache/berswordt-kiosk");
}

ConfigLoad load_config(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  const auto text = read_whole_file(path, 1 << 20);
  if (!text) {
    ConfigLoad out;
    out.found = true;
    out.problems.push_back({path.string(), "$", "a readable JSON object", "a file that cannot be read (or larger than 1 MiB)", ""});
    return out;
  }
  return parse_config(*text, path.string());
}

ConfigLoad parse_config(std::string_view text, const std::string& file) {
  ConfigLoad out;
  out.found = true;
  auto problem = [&](const std::string& where, std::string expected, std::string found) {
    out.problems.push_back({file, "$." + where, std::move(expected), std::move(found), ""});
  };
  if (!json_nesting_within(text, 32)) {  // quoting a value back (dump) recurses once per level
    out.problems.push_back({file, "$", "a JSON object", "JSON nested deeper than 32 levels", ""});
    return out;
  }
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) {
    out.problems.push_back({file, "$", "a readable JSON object", "a file that is not valid JSON", ""});
    return out;
  }
  if (!j.is_object()) {
    out.problems.push_back({file, "$", "a JSON object", "something else", ""});
    return out;
  }
  KioskConfig& c = out.config;
  auto text_field = [&](const char* key, std::string& into) {
    if (!j.contains(key)) return;
    if (j[key].is_string()) into = j[key].get<std::string>();
    else problem(key, "a text", j[key].dump());
  };
  text_field("kiosk_id", c.kiosk_id);
  text_field("backend", c.backend);
  text_field("state_dir", c.state_dir);
  text_field("cache_dir", c.cache_dir);
  text_field("registration_public_key", c.registration_public_key);
  text_field("api_token", c.api_token);
  text_field("staff_pin_hash", c.staff_pin_hash);
  text_field("pin_pepper_file", c.pin_pepper_file);
  if (!c.staff_pin_hash.empty() && c.staff_pin_hash.rfind("$argon2id$", 0) != 0)
    problem("staff_pin_hash", "an Argon2id hash from `kioskctl hash-pin`", "\"" + c.staff_pin_hash.substr(0, 12) + "…\""),
        c.staff_pin_hash.clear();
  if (j.contains("heartbeat_interval_s")) {
    if (j["heartbeat_interval_s"].is_number_integer() && j["heartbeat_interval_s"].get<int>() >= 10)
      c.heartbeat_interval_s = j["heartbeat_interval_s"].get<int>();
    else problem("heartbeat_interval_s", "whole seconds, at least 10", j["heartbeat_interval_s"].dump());
  }
  if (!c.backend.empty() && c.backend.rfind("https://", 0) != 0 && c.backend.rfind("http://", 0) != 0)
    problem("backend", "an https:// address", "\"" + c.backend + "\""), c.backend.clear();
  if (const size_t start = c.backend.find("://"); start != std::string::npos) {
    // user:password@host lets the text say one host while the connection goes to another, and
    // would put a secret where logs show it: refused, without repeating it.
    const std::string authority = c.backend.substr(start + 3, c.backend.find_first_of("/?#", start + 3) - (start + 3));
    if (authority.find('@') != std::string::npos)
      problem("backend", "an address without a user name or password", "an address with \"…@\" before the host"), c.backend.clear();
  }
  if (j.contains("public_keys")) {
    // Two during a rotation is the usual case; a few more (the online key, the offline key, the
    // next of each) are fine. Each unusable entry is named; the others still count.
    constexpr size_t kMaxKeys = 8;
    if (j["public_keys"].is_array() && j["public_keys"].size() <= kMaxKeys) {
      for (size_t i = 0; i < j["public_keys"].size(); ++i) {
        const json& k = j["public_keys"][i];
        if (k.is_string()) c.public_keys.push_back(k.get<std::string>());
        else problem("public_keys[" + std::to_string(i) + "]", "a minisign public key as text", k.dump());
      }
    } else {
      problem("public_keys", "a list of up to 8 minisign public keys", j["public_keys"].is_array()
                                  ? std::to_string(j["public_keys"].size()) + " entries" : j["public_keys"].dump());
    }
  }
  if (j.contains("poll_interval_s")) {
    if (j["poll_interval_s"].is_number_integer() && j["poll_interval_s"].get<int>() >= 10) c.poll_interval_s = j["poll_interval_s"].get<int>();
    else problem("poll_interval_s", "whole seconds, at least 10", j["poll_interval_s"].dump());
  }
  if (j.contains("idle_timeout_s")) {
    if (j["idle_timeout_s"].is_number() && j["idle_timeout_s"].get<double>() >= 5) c.idle_timeout_s = j["idle_timeout_s"].get<double>();
    else problem("idle_timeout_s", "seconds, at least 5", j["idle_timeout_s"].dump());
  }
  if (j.contains("assisted_idle_timeout_s")) {
    const json& v = j["assisted_idle_timeout_s"];
    if (v.is_number() && v.get<double>() >= 30 && v.get<double>() <= 7200) c.assisted_idle_timeout_s = v.get<double>();
    else problem("assisted_idle_timeout_s", "seconds, 30 to 7200", v.dump());
  }
  if (j.contains("reach_mode")) {
    if (j["reach_mode"].is_boolean()) c.reach_mode = j["reach_mode"].get<bool>();
    else problem("reach_mode", "true or false", j["reach_mode"].dump());
  }
  if (j.contains("allow_http_loopback")) {
    if (j["allow_http_loopback"].is_boolean()) c.allow_http_loopback = j["allow_http_loopback"].get<bool>();
    else problem("allow_http_loopback", "true or false", j["allow_http_loopback"].dump());
  }
  return out;
}

std::vector<std::string> secret_file_warnings(const std::filesystem::path& config_path, const KioskConfig& config) {
  std::vector<std::string> out;
  auto check = [&](const std::filesystem::path& file, const char* holds) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return;
    if ((st.st_mode & (S_IROTH | S_IWOTH)) != 0)
      out.push_back(file.string() + " holds " + holds + " and every user of this machine can read it; run: chmod o-rw " +
                    file.string());
  };
  if (!config.api_token.empty() || !config.staff_pin_hash.empty()) check(config_path, "the API token or the staff PIN hash");
  if (!config.staff_pin_hash.empty()) check(config.pin_pepper_file, "the PIN pepper");
  return out;
}

}  // namespace kiosk
