#pragma once
// Delivers the outbox to the backend (PRODUCT.md §5): oldest first, one at a time, the
// registration id as Idempotency-Key, so a retry after any failure never makes a duplicate.
// 201 and 200 (a duplicate of an earlier delivery) remove the row; 400 and 422 quarantine it
// for good; everything else (401/403, 409, 429, 5xx, no network) stops the pass, to be retried.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/net/http_client.hpp"
#include "kiosk/store/outbox_store.hpp"

namespace kiosk {

struct UploadSettings {
  std::string base_url;  // BASE of PRODUCT.md §5; the API lives at BASE/v1/…
  std::string kiosk_id;
  std::string api_token;
  HttpLimits limits;
};

struct FlushOutcome {
  int delivered = 0;
  int quarantined = 0;
  bool failed = false;          // stopped at an entry that must be retried
  std::string reason;           // why, in words (no personal data: ids and statuses only)
  std::optional<long> retry_after_s;
};

// The heartbeat body of PRODUCT.md §5: the content part (JSON from the app) plus outbox counts,
// the oldest pending age, app version and uptime. Counts and ages only, never personal data.
std::string heartbeat_json(const std::string& content_status_json, const OutboxCounts& outbox, int64_t now, int64_t uptime_s,
                           int heartbeat_interval_s);

class RegistrationUploader {
 public:
  RegistrationUploader(UploadSettings settings, OutboxStore& store, const std::atomic<bool>* cancel = nullptr);
  FlushOutcome flush();
  // POST BASE/v1/kiosks/<id>/status; true when the backend asks for a content sync now.
  bool send_status(const std::string& status_json, std::string& error);

 private:
  UploadSettings settings_;
  OutboxStore& store_;
  HttpClient http_;
};

}  // namespace kiosk
