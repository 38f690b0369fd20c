#include "kiosk/store/outbox_store.hpp"

#include <sqlite3.h>

#include "kiosk/store/sqlite_statement.hpp"

namespace kiosk {
using Statement = SqlStatement;

std::unique_ptr<OutboxStore> OutboxStore::open(const std::filesystem::path& file, std::string& error) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    error = "cannot open the outbox " + file.string() + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return nullptr;
  }
  std::unique_ptr<OutboxStore> store(new OutboxStore(db));
  sqlite3_busy_timeout(db, 2000);
  // WAL with FULL sync: a commit is on disk when it returns. secure_delete overwrites what is
  // deleted, so a delivered registration leaves no readable trace in the file. Switching to WAL
  // needs a moment alone with the file; when the kiosk's two connections open together, the
  // second waits its turn (SQLite's busy handler does not cover this step).
  for (int attempt = 0; attempt < 100; ++attempt) {
    if (store->exec("PRAGMA journal_mode=WAL;", error)) break;
    if (error.find("locked") == std::string::npos && error.find("busy") == std::string::npos) return nullptr;
    sqlite3_sleep(20);
  }
  if (!store->exec("PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;"
                   "CREATE TABLE IF NOT EXISTS outbox("
                   "  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, offer TEXT NOT NULL,"
                   "  created TEXT NOT NULL, consent_version TEXT NOT NULL, sealed TEXT NOT NULL,"
                   "  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'quarantined')),"
                   "  attempts INTEGER NOT NULL DEFAULT 0, reason TEXT);",
                   error))
    return nullptr;
  return store;
}

std::unique_ptr<OutboxStore> OutboxStore::open_read_only(const std::filesystem::path& file, std::string& error) {
  // Reading a WAL database needs its -shm file; when none can be made (a full disk, and no
  // kiosk running that keeps one), read the file as it lies ("immutable"): after a clean close
  // everything is in it.
  for (const bool immutable : {false, true}) {
    sqlite3* db = nullptr;
    const std::string name = immutable ? "file:" + file.string() + "?immutable=1" : file.string();
    const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX | (immutable ? SQLITE_OPEN_URI : 0);
    if (sqlite3_open_v2(name.c_str(), &db, flags, nullptr) == SQLITE_OK &&
        sqlite3_exec(db, "SELECT count(*) FROM outbox", nullptr, nullptr, nullptr) == SQLITE_OK) {
      sqlite3_busy_timeout(db, 2000);
      return std::unique_ptr<OutboxStore>(new OutboxStore(db));
    }
    error = "cannot read the outbox " + file.string() + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
  }
  return nullptr;
}

OutboxStore::~OutboxStore() { sqlite3_close(db_); }

bool OutboxStore::exec(const char* sql, std::string& error) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) == SQLITE_OK) return true;
  error = msg ? msg : "unknown SQLite error";
  sqlite3_free(msg);
  return false;
}

bool OutboxStore::add(const OutboxEntry& e, std::string& error) {
  Statement s(db_, "INSERT INTO outbox(id, offer, created, consent_version, sealed) VALUES (?, ?, ?, ?, ?)");
  s.bind(1, e.id).bind(2, e.offer).bind(3, e.created).bind(4, e.consent_version).bind(5, e.sealed);
  const int rc = s.step();
  if (rc == SQLITE_DONE) return true;
  error = rc == SQLITE_FULL ? "the disk is full" : std::string("the outbox could not be written: ") + sqlite3_errmsg(db_);
  return false;
}

std::optional<OutboxEntry> OutboxStore::next_pending() {
  Statement s(db_, "SELECT id, offer, created, consent_version, sealed, attempts FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1");
  if (s.step() != SQLITE_ROW) return std::nullopt;
  return OutboxEntry{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), static_cast<int>(s.integer(5))};
}

bool OutboxStore::acknowledge(const std::string& id) {
  Statement s(db_, "DELETE FROM outbox WHERE id = ?");
  s.bind(1, id);
  return s.step() == SQLITE_DONE;
}

bool OutboxStore::quarantine(const std::string& id, const std::string& reason) {
  Statement s(db_, "UPDATE outbox SET state = 'quarantined', reason = ? WHERE id = ?");
  s.bind(1, reason).bind(2, id);
  return s.step() == SQLITE_DONE;
}

bool OutboxStore::record_attempt(const std::string& id) {
  Statement s(db_, "UPDATE outbox SET attempts = attempts + 1 WHERE id = ?");
  s.bind(1, id);
  return s.step() == SQLITE_DONE;
}

OutboxCounts OutboxStore::counts() {
  OutboxCounts c;
  Statement s(db_,
              "SELECT (SELECT count(*) FROM outbox WHERE state = 'pending'), (SELECT count(*) FROM outbox WHERE state = 'quarantined'),"
              " (SELECT created FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 1)");
  if (s.step() == SQLITE_ROW) {
    c.pending = s.integer(0);
    c.quarantined = s.integer(1);
    if (!s.text(2).empty()) c.oldest_pending_created = s.text(2);
  }
  return c;
}

}  // namespace kiosk
