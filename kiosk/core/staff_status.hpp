#pragma once
// What the counter sees on the staff screen: is this kiosk healthy? Only versions, times,
// counts and reasons in words; never anything a visitor entered. The app assembles it from
// its own state (no I/O on the UI thread); times are seconds since the epoch, 0 = never/unknown.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct StaffStatus {
  // Content shown
  std::string content_source;  // "bundled content", "cached bundle version 4", …
  long content_version = 0;    // 0: the bundled content, not a signed bundle
  int64_t content_created = 0;
  int64_t content_expires = 0;
  bool stale = false;
  // Sync with the backend
  std::string backend;                    // base URL; empty: none configured
  int64_t last_sync = 0;                  // last successful check
  std::string last_error;                 // why the last check failed, in words; empty after success
  std::optional<bool> backend_reachable;  // unknown until the first attempt
  // Registrations
  bool registrations_on = false;  // a backend key is configured and the outbox opened
  long outbox_pending = 0;
  long outbox_quarantined = 0;
  int64_t oldest_pending_age_s = 0;
  // The program
  std::string app_version;
  int64_t uptime_s = 0;
  std::vector<std::string> config_problems;  // why parts of kiosk.json were not used
};

// Units of time as the staff screen writes them: "d h min s" in German and English, "g sa dk
// sn" in Turkish, "д год хв с" in Ukrainian (UI strings time.unit.*).
struct DurationUnits {
  std::string_view day = "d", hour = "h", minute = "min", second = "s";
};
// "3 d 4 h", "2 h 5 min", "45 s": the two largest units, short.
std::string format_duration(int64_t seconds, const DurationUnits& units = {});

}  // namespace kiosk
