#include "kiosk/backend/backend_store.hpp"

#include <stdexcept>

#include "kiosk/backend/backend_schema.hpp"
#include "kiosk/net/digest.hpp"
#include "kiosk/store/sqlite_statement.hpp"

namespace kiosk::backend {

using json = nlohmann::json;

std::string registration_fingerprint(const Registration& r) {
  // nlohmann orders object keys, so equal fields give equal text.
  const json j{{"id", r.id},           {"kiosk", r.kiosk},
               {"offer", r.offer},     {"created", r.created},
               {"consent_version", r.consent_version}, {"sealed", r.sealed}};
  return sha256_hex(j.dump());
}

using Statement = SqlStatement;

BackendStore::BackendStore(const std::string& file) : db_(open_backend_db(file)) {}

BackendStore::~BackendStore() { sqlite3_close(db_); }

BackendStore::Stored BackendStore::add_registration(const Registration& r, const std::string& received) {
  const std::string fingerprint = registration_fingerprint(r);
  std::lock_guard<std::mutex> lock(mutex_);
  {
    Statement ins(db_,
                  "INSERT INTO registrations(kiosk, id, offer, created, consent_version, sealed, received, body_sha256)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kiosk, id) DO NOTHING",
                  {r.kiosk, r.id, r.offer, r.created, r.consent_version, r.sealed, received, fingerprint});
    if (ins.step() != SQLITE_DONE) return Stored::Failed;
    if (ins.changes() == 1) return Stored::New;
  }
  Statement old(db_, "SELECT body_sha256 FROM registrations WHERE kiosk = ? AND id = ?", {r.kiosk, r.id});
  if (old.step() != SQLITE_ROW) return Stored::Failed;
  return old.text(0) == fingerprint ? Stored::Duplicate : Stored::Conflict;
}

bool BackendStore::record_heartbeat(const std::string& kiosk, const std::string& status_json, const std::string& now) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_,
               "INSERT INTO kiosks(id, status, last_seen) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET status = excluded.status,"
               " last_seen = excluded.last_seen",
               {kiosk, status_json, now});
  return st.step() == SQLITE_DONE;
}

bool BackendStore::take_sync_request(const std::string& kiosk) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "UPDATE kiosks SET sync_requested = 0 WHERE id = ? AND sync_requested = 1", {kiosk});
  return st.step() == SQLITE_DONE && st.changes() == 1;
}

bool BackendStore::request_sync(const std::string& kiosk) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "UPDATE kiosks SET sync_requested = 1 WHERE id = ?", {kiosk});
  return st.step() == SQLITE_DONE && st.changes() == 1;
}

std::vector<BackendStore::Waiting> BackendStore::registrations_by_offer() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<Waiting> out;
  Statement st(db_, "SELECT offer, count(*), min(received) FROM registrations GROUP BY offer ORDER BY count(*) DESC, offer", {});
  while (st.step() == SQLITE_ROW) out.push_back({st.text(0), static_cast<long>(st.integer(1)), st.text(2)});
  return out;
}

json BackendStore::kiosks() {
  std::lock_guard<std::mutex> lock(mutex_);
  json out = json::array();
  Statement st(db_, "SELECT id, status, last_seen FROM kiosks ORDER BY id", {});
  while (st.step() == SQLITE_ROW) out.push_back({{"id", st.text(0)}, {"status", st.text(1)}, {"last_seen", st.text(2)}});
  return out;
}

}  // namespace kiosk::backend
