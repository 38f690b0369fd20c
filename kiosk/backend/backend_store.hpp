#pragma once
// The backend's SQLite database: registrations as received (sealed, never opened here), each
// kiosk's last heartbeat, and sync-now requests. WAL with synchronous=FULL: a 201 means the row
// is on disk. The schema (backend_schema.hpp) is migrated at open.
#include <sqlite3.h>

#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::backend {

// The fields of a registration the backend stores; `body_sha256` identifies their exact values.
struct Registration {
  std::string id, kiosk, offer, created, consent_version, sealed;
};

// SHA-256 (hex) of a registration's stored fields as canonical JSON: a repeat with the same
// fields is the same registration; the same (kiosk, id) with other fields is a conflict.
std::string registration_fingerprint(const Registration& r);

class BackendStore {
 public:
  // Opens or creates `file` and brings its schema to the current version; throws with the
  // reason when it cannot.
  explicit BackendStore(const std::string& file);
  ~BackendStore();
  BackendStore(const BackendStore&) = delete;
  BackendStore& operator=(const BackendStore&) = delete;

  enum class Stored { New, Duplicate, Conflict, Failed };
  // Keyed on (kiosk, id): the same key and fields again is a Duplicate; the same key with other
  // fields is a Conflict and the stored row stays as it was.
  Stored add_registration(const Registration& r, const std::string& received);

  bool record_heartbeat(const std::string& kiosk, const std::string& status_json, const std::string& now);
  // True once after an admin asked this kiosk to sync (the flag is cleared).
  bool take_sync_request(const std::string& kiosk);
  bool request_sync(const std::string& kiosk);  // false: no such kiosk
  nlohmann::json kiosks();                      // [{id, status, last_seen}] by id

  // Registrations stored here, counted per offer: how many, since when. Counts only; the
  // backend cannot open them.
  struct Waiting {
    std::string offer;
    long count = 0;
    std::string oldest;  // received, RFC 3339
  };
  std::vector<Waiting> registrations_by_offer();



 private:
  sqlite3* db_ = nullptr;
  std::mutex mutex_;
};

}  // namespace kiosk::backend
