#include "kiosk/backend/backend_store.hpp"

#include <stdexcept>

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

BackendStore::BackendStore(const std::string& file) {
  if (sqlite3_open(file.c_str(), &db_) != SQLITE_OK) {
    const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw std::runtime_error("cannot open " + file + ": " + why);
  }
  sqlite3_busy_timeout(db_, 5000);
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
  migrate();
}

BackendStore::~BackendStore() { sqlite3_close(db_); }

void BackendStore::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string e = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error(e);
  }
}

void BackendStore::migrate() {
  int version = 0;
  {
    Statement v(db_, "PRAGMA user_version", {});
    if (v.step() == SQLITE_ROW) version = std::stoi(v.text(0));
  }
  if (version > kSchemaVersion)
    throw std::runtime_error("the database has schema version " + std::to_string(version) + ", newer than this kiosk-backend (" +
                             std::to_string(kSchemaVersion) + "); use the newer program");
  if (version == kSchemaVersion) return;
  exec("BEGIN IMMEDIATE");
  try {
    // Version 1 (before user_version was set) keyed registrations on id alone, so one kiosk's
    // id posted by another made the real registration a "duplicate". Version 2 keys on
    // (kiosk, id) and keeps a fingerprint of the fields to tell a retry from a conflict.
    exec("CREATE TABLE registrations_v2(kiosk TEXT NOT NULL, id TEXT NOT NULL, offer TEXT NOT NULL, created TEXT NOT NULL,"
         " consent_version TEXT NOT NULL, sealed TEXT NOT NULL, received TEXT NOT NULL, body_sha256 TEXT NOT NULL,"
         " PRIMARY KEY(kiosk, id));"
         "CREATE TABLE IF NOT EXISTS kiosks(id TEXT PRIMARY KEY, status TEXT NOT NULL, last_seen TEXT NOT NULL,"
         " sync_requested INTEGER NOT NULL DEFAULT 0);");
    bool has_v1 = false;
    {
      Statement t(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'registrations'", {});
      has_v1 = t.step() == SQLITE_ROW;
    }
    if (has_v1) {
      std::vector<Registration> old;
      std::vector<std::string> received;
      {
        Statement rows(db_, "SELECT id, kiosk, offer, created, consent_version, sealed, received FROM registrations ORDER BY rowid", {});
        while (rows.step() == SQLITE_ROW) {
          old.push_back({rows.text(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4), rows.text(5)});
          received.push_back(rows.text(6));
        }
      }
      for (size_t i = 0; i < old.size(); ++i) {
        const Registration& r = old[i];
        Statement ins(db_,
                      "INSERT INTO registrations_v2(kiosk, id, offer, created, consent_version, sealed, received, body_sha256)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      {r.kiosk, r.id, r.offer, r.created, r.consent_version, r.sealed, received[i], registration_fingerprint(r)});
        if (ins.step() != SQLITE_DONE) throw std::runtime_error("migrating registration " + r.id + ": " + sqlite3_errmsg(db_));
      }
      exec("DROP TABLE registrations");
    }
    exec("ALTER TABLE registrations_v2 RENAME TO registrations; PRAGMA user_version = 2; COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

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

json BackendStore::kiosks() {
  std::lock_guard<std::mutex> lock(mutex_);
  json out = json::array();
  Statement st(db_, "SELECT id, status, last_seen FROM kiosks ORDER BY id", {});
  while (st.step() == SQLITE_ROW) out.push_back({{"id", st.text(0)}, {"status", st.text(1)}, {"last_seen", st.text(2)}});
  return out;
}

}  // namespace kiosk::backend
