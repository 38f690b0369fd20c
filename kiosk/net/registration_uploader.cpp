#include "kiosk/net/registration_uploader.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "kiosk/core/clock.hpp"

namespace kiosk {

std::string heartbeat_json(const std::string& content, const OutboxCounts& outbox, int64_t now, int64_t uptime_s,
                           int heartbeat_interval_s) {
  nlohmann::json j = nlohmann::json::parse(content.empty() ? "{}" : content, nullptr, false);
  if (j.is_discarded() || !j.is_object()) j = nlohmann::json::object();
  j["outbox_pending"] = outbox.pending;
  j["outbox_quarantined"] = outbox.quarantined;
  const int64_t oldest = outbox.oldest_pending_created ? parse_rfc3339(*outbox.oldest_pending_created) : -1;
  j["oldest_pending_age_s"] = oldest < 0 ? 0 : std::max<int64_t>(0, now - oldest);
  j["app_version"] = KIOSK_VERSION;
  j["uptime_s"] = uptime_s;
  j["heartbeat_interval_s"] = heartbeat_interval_s;  // lets `kioskctl fleet` tell a silent kiosk from a slow one
  return j.dump();
}

RegistrationUploader::RegistrationUploader(UploadSettings settings, OutboxStore& store, const std::atomic<bool>* cancel)
    : settings_(std::move(settings)), store_(store), http_(settings_.limits, cancel) {}

FlushOutcome RegistrationUploader::flush() {
  FlushOutcome out;
  while (auto e = store_.next_pending()) {
    const nlohmann::json body{{"id", e->id},         {"kiosk", settings_.kiosk_id}, {"offer", e->offer},
                              {"created", e->created}, {"consent_version", e->consent_version}, {"sealed", e->sealed}};
    store_.record_attempt(e->id);
    const HttpResponse r = http_.post(join_url(settings_.base_url, "v1/registrations"), body.dump(),
                                      {"Content-Type: application/json", "Authorization: Bearer " + settings_.api_token,
                                       "Idempotency-Key: " + e->id},
                                      4096);
    if (r.ok() && (r.status == 201 || r.status == 200)) {
      store_.acknowledge(e->id);
      ++out.delivered;
      continue;
    }
    if (r.ok() && (r.status == 400 || r.status == 422)) {
      store_.quarantine(e->id, "HTTP " + std::to_string(r.status) + ": " + r.body.substr(0, 200));
      ++out.quarantined;
      continue;
    }
    out.failed = true;
    out.reason = "registration " + e->id + ": " + (r.ok() ? "the backend answered " + std::to_string(r.status) : r.error);
    if (r.ok() && (r.status == 429 || r.status >= 500)) out.retry_after_s = r.retry_after_s;
    break;
  }
  return out;
}

bool RegistrationUploader::send_status(const std::string& status_json, std::string& error) {
  const HttpResponse r = http_.post(join_url(settings_.base_url, "v1/kiosks/" + settings_.kiosk_id + "/status"), status_json,
                                    {"Content-Type: application/json", "Authorization: Bearer " + settings_.api_token}, 4096);
  if (!r.ok() || (r.status != 200 && r.status != 204)) {
    error = r.ok() ? "status: the backend answered " + std::to_string(r.status) : r.error;
    return false;
  }
  if (r.status != 200) return false;
  try {
    return nlohmann::json::parse(r.body).value("sync_now", false);
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace kiosk
