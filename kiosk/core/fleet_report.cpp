#include "kiosk/core/fleet_report.hpp"

#include "kiosk/core/clock.hpp"
#include "kiosk/core/staff_status.hpp"

namespace kiosk {

using json = nlohmann::json;

namespace {

std::string text_of(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

long number_of(const json& j, const char* key, long fallback = 0) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<long>() : fallback;
}

}  // namespace

std::string time_ago(const std::string& when, int64_t now) {
  const int64_t t = parse_rfc3339(when);
  return t < 0 ? std::string("never") : format_duration(now - t) + " ago";
}

std::vector<FleetRow> fleet_rows(const json& kiosks, int64_t now) {
  std::vector<FleetRow> out;
  if (!kiosks.is_array()) return out;
  for (const json& row : kiosks) {
    if (!row.is_object()) continue;
    json st = json::parse(text_of(row, "status"), nullptr, false);
    if (!st.is_object()) st = json::object();
    FleetRow r;
    r.id = text_of(row, "id");
    r.last_seen = text_of(row, "last_seen");
    const long interval = number_of(st, "heartbeat_interval_s", 120);
    const int64_t seen_at = parse_rfc3339(r.last_seen);
    r.missing = seen_at < 0 || now - seen_at > 3 * interval;
    const auto stale = st.find("stale");
    r.stale = stale != st.end() && stale->is_boolean() && stale->get<bool>();
    r.content_version = number_of(st, "content_version");
    r.last_sync = text_of(st, "last_sync");
    r.pending = number_of(st, "outbox_pending");
    r.oldest_pending_s = number_of(st, "oldest_pending_age_s");
    r.last_error = text_of(st, "last_error");
    r.status = std::move(st);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace kiosk
