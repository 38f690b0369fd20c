#pragma once
// The fleet as the backend sees it, one row per kiosk, from the heartbeats it stored: what
// `kioskctl fleet` prints and the editor's fleet page shows. One home for the rules (when a
// kiosk counts as MISSING, what a missing field means), so the two never disagree.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kiosk {

struct FleetRow {
  std::string id;
  long content_version = 0;
  bool stale = false;
  std::string last_sync;  // RFC 3339, or "" for never
  long pending = 0;       // registrations waiting in the kiosk's outbox
  int64_t oldest_pending_s = 0;
  std::string last_seen;  // RFC 3339 of the last heartbeat
  bool missing = false;   // silent for more than three heartbeat intervals
  std::string last_error;
  nlohmann::json status;  // the heartbeat as sent, for --json
};

// `kiosks` is the backend's GET /v1/kiosks answer: [{id, status (a JSON text), last_seen}].
// Rows that are not objects are skipped; a status that is not JSON counts as empty.
std::vector<FleetRow> fleet_rows(const nlohmann::json& kiosks, int64_t now);

// "12 min ago" for an RFC 3339 time, "never" for none.
std::string time_ago(const std::string& when, int64_t now);

}  // namespace kiosk
