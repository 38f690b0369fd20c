#include "kiosk/tools/admin.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/fleet_report.hpp"
#include "kiosk/core/staff_status.hpp"
#include "kiosk/net/http_client.hpp"
#include "kiosk/store/atomic_file.hpp"
#include "kiosk/store/staff_pin.hpp"

namespace kiosk {

using json = nlohmann::json;

int hash_pin_command(const std::string& pepper_file, bool create_pepper) {
  std::string error;
  if (create_pepper) {
    if (std::filesystem::exists(pepper_file)) {
      std::fprintf(stderr, "%s exists; every stored PIN hash depends on it, so it is not replaced. Drop --new-pepper.\n",
                   pepper_file.c_str());
      return 1;
    }
    if (!write_file_atomically(pepper_file, new_pepper(), error, 0600)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return 1;
    }
    std::fprintf(stderr, "wrote a new pepper to %s (mode 0600; readable by the kiosk's user only)\n", pepper_file.c_str());
  }
  const auto pepper = read_pepper(pepper_file, error);
  if (!pepper) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  if (isatty(STDIN_FILENO)) std::fprintf(stderr, "Staff PIN (6 to 8 digits): ");
  std::string pin;
  std::getline(std::cin, pin);
  std::string stored;
  if (!hash_pin(pin, *pepper, stored, error)) {
    std::fprintf(stderr, "%s; nothing was written\n", error.c_str());
    return 1;
  }
  std::printf("\"staff_pin_hash\": \"%s\"\n", stored.c_str());
  return 0;
}

int fleet_command(const FleetRequest& r, int64_t now) {
  HttpLimits limits;
  limits.allow_http_loopback = r.allow_http_loopback;
  limits.total_timeout_s = 30;
  HttpClient http(limits);
  const std::string auth = "Authorization: Bearer " + r.token;
  if (!r.sync_now.empty()) {
    const HttpResponse s = http.post(join_url(r.backend, "v1/kiosks/" + r.sync_now + "/sync-now"), "", {auth}, 4096);
    if (!s.ok() || s.status != 204) {
      std::fprintf(stderr, "sync-now %s: %s\n", r.sync_now.c_str(),
                   !s.ok() ? s.error.c_str()
                   : s.status == 404 ? "no such kiosk has reported to this backend"
                   : s.status == 401 ? "the backend refused the admin token"
                                     : ("the backend answered " + std::to_string(s.status)).c_str());
      return 1;
    }
    std::printf("%s will check for new content at its next heartbeat\n", r.sync_now.c_str());
  }
  const HttpResponse res = http.get_with(join_url(r.backend, "v1/kiosks"), {auth}, 8u << 20);
  if (!res.ok()) {
    std::fprintf(stderr, "%s: %s\n", r.backend.c_str(), res.error.c_str());
    return 2;
  }
  if (res.status == 401) {
    std::fprintf(stderr, "%s: the backend refused the admin token (--token)\n", r.backend.c_str());
    return 2;
  }
  const json rows = json::parse(res.body, nullptr, false);
  if (res.status != 200 || !rows.is_array()) {
    std::fprintf(stderr, "%s: expected a list of kiosks, got HTTP %ld\n", r.backend.c_str(), res.status);
    return 2;
  }
  int missing = 0;
  json out = json::array();
  std::vector<std::vector<std::string>> table{
      {"KIOSK", "CONTENT", "STALE", "LAST SYNC", "PENDING", "OLDEST", "LAST SEEN", "LAST ERROR"}};
  for (const FleetRow& k : fleet_rows(rows, now)) {
    missing += k.missing ? 1 : 0;
    table.push_back({k.id, std::to_string(k.content_version), k.stale ? "STALE" : "no", time_ago(k.last_sync, now),
                     std::to_string(k.pending), k.pending > 0 ? format_duration(k.oldest_pending_s) : "-",
                     time_ago(k.last_seen, now) + (k.missing ? "  MISSING" : ""), k.last_error});
    out.push_back({{"id", k.id}, {"status", k.status}, {"last_seen", k.last_seen}, {"missing", k.missing}});
  }
  if (r.json) {
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::vector<size_t> width(table[0].size(), 0);
    for (const auto& line : table)
      for (size_t i = 0; i < line.size(); ++i) width[i] = std::max(width[i], line[i].size());
    for (const auto& line : table) {
      std::string s;
      for (size_t i = 0; i < line.size(); ++i) s += line[i] + (i + 1 < line.size() ? std::string(width[i] - line[i].size() + 2, ' ') : "");
      std::printf("%s\n", s.c_str());
    }
    if (rows.empty()) std::printf("(no kiosk has reported to this backend yet)\n");
  }
  if (missing > 0)
    std::fprintf(stderr, "%d kiosk%s not seen for more than three heartbeat intervals (MISSING)\n", missing,
                 missing == 1 ? "" : "s");
  return missing > 0 ? 1 : 0;
}

int preview_command(const std::string& kioskctl_path, const std::string& content_dir) {
  const auto kiosk = std::filesystem::path(kioskctl_path).parent_path() / "berswordt-kiosk";
  const std::string dir = std::filesystem::absolute(content_dir).string();
  // A preview is no kiosk: no configuration, no backend, state in a throw-away folder.
  char scratch_template[] = "/tmp/kioskctl-preview-XXXXXX";
  const char* scratch = ::mkdtemp(scratch_template);
  if (scratch == nullptr) return std::fprintf(stderr, "cannot make a folder in /tmp: %s\n", std::strerror(errno)), 1;
  const std::string no_config = std::string(scratch) + "/no-kiosk.json";
  std::vector<const char*> args{kiosk.c_str(), "--content-dir", dir.c_str(), "--windowed", "1080x1920", "--config",
                                no_config.c_str(), "--state-dir", scratch, "--cache-dir", scratch, nullptr};
  ::execv(kiosk.c_str(), const_cast<char* const*>(args.data()));
  std::fprintf(stderr, "cannot start %s: %s\n", kiosk.c_str(), std::strerror(errno));
  return 1;
}

}  // namespace kiosk
