#include "kiosk/backend/backend_schema.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "kiosk/backend/backend_store.hpp"
#include "kiosk/store/sqlite_statement.hpp"

namespace kiosk::backend {

namespace {

using Statement = SqlStatement;

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string e = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error(e);
  }
}

void to_version_2(sqlite3* db_) {
  // Version 1 (before user_version was set) keyed registrations on id alone, so one kiosk's
  // id posted by another made the real registration a "duplicate". Version 2 keys on
  // (kiosk, id) and keeps a fingerprint of the fields to tell a retry from a conflict.
  exec(db_, "CREATE TABLE registrations_v2(kiosk TEXT NOT NULL, id TEXT NOT NULL, offer TEXT NOT NULL, created TEXT NOT NULL,"
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
    exec(db_, "DROP TABLE registrations");
  }
  exec(db_, "ALTER TABLE registrations_v2 RENAME TO registrations");
}

// Version 3: the web editor. Accounts (Argon2id hashes), sessions (only a hash of each id is
// kept, so a copy of the database signs nobody in), sign-in brakes per account and per client,
// the content as drafts (one row per unit or offer, one per other section), every save's
// fields, every published version's document, and uploaded pictures.
void to_version_3(sqlite3* db_) {
  exec(db_,
       "CREATE TABLE users(name TEXT PRIMARY KEY, role TEXT NOT NULL, hash TEXT NOT NULL, must_change INTEGER NOT NULL,"
       " created TEXT NOT NULL);"
       "CREATE TABLE sessions(id_hash TEXT PRIMARY KEY, user TEXT NOT NULL, csrf TEXT NOT NULL, created INTEGER NOT NULL,"
       " last_seen INTEGER NOT NULL);"
       "CREATE TABLE sign_in_brakes(key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure INTEGER NOT NULL,"
       " locked_until INTEGER NOT NULL);"
       // The document last: lists and searches read the columns before it, and a row's first
       // columns stay on its b-tree page while a long document spills to overflow pages.
       "CREATE TABLE items(kind TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL,"
       " archived INTEGER NOT NULL DEFAULT 0, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL, facets TEXT NOT NULL,"
       " search TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY(kind, id));"
       "CREATE INDEX items_order ON items(kind, archived, position);"
       "CREATE TABLE sections(name TEXT PRIMARY KEY, doc TEXT NOT NULL);"
       "CREATE TABLE history(seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL, kind TEXT NOT NULL,"
       " id TEXT NOT NULL, what TEXT NOT NULL);"
       "CREATE TABLE versions(version INTEGER PRIMARY KEY, channel TEXT NOT NULL, at TEXT NOT NULL, user TEXT NOT NULL,"
       " note TEXT NOT NULL, document TEXT NOT NULL);"
       "CREATE TABLE media(name TEXT PRIMARY KEY, bytes BLOB NOT NULL);");
}

// Version 4: offers end (valid_until). Its own column with a partial index, so "ends within 14
// days" reads the index instead of every document. And each draft's SHA-256, so "what changed"
// compares 10,000 short strings instead of 10,000 documents (EditorStore fills it at open).
// The table is built anew so the document stays its last column (see version 3).
void to_version_4(sqlite3* db_) {
  exec(db_,
       "CREATE TABLE items_v4(kind TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL,"
       " archived INTEGER NOT NULL DEFAULT 0, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL, facets TEXT NOT NULL,"
       " search TEXT NOT NULL, ends TEXT NOT NULL DEFAULT '', digest TEXT NOT NULL DEFAULT '', doc TEXT NOT NULL,"
       " PRIMARY KEY(kind, id));"
       "INSERT INTO items_v4(kind, id, position, archived, updated_by, updated_at, facets, search, ends, doc)"
       " SELECT kind, id, position, archived, updated_by, updated_at, facets, search,"
       " CASE WHEN kind = 'offers' AND json_valid(doc) AND json_type(doc, '$.valid_until') = 'text'"
       " THEN json_extract(doc, '$.valid_until') ELSE '' END, doc FROM items;"
       "DROP TABLE items;"
       "ALTER TABLE items_v4 RENAME TO items;"
       // Covering indexes: a search and its count, and "what changed", read these alone (a
       // table scan reads every document: 24 MB for 10,000 offers, 25 ms instead of 4).
       "CREATE INDEX items_search ON items(kind, archived, position, search, facets);"
       "CREATE INDEX items_digests ON items(kind, id, archived, digest);"
       "CREATE INDEX items_ends ON items(kind, archived, ends) WHERE ends != '';");
}

}  // namespace

sqlite3* open_backend_db(const std::string& file) {
  // SQLite gives its -wal and -shm files the database's permissions. O_EXCL: closing a
  // descriptor of a file this process already has open would drop every POSIX lock SQLite
  // holds on it (the other store's connection), so an existing file is never opened here.
  if (const int fd = ::open(file.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600); fd >= 0) ::close(fd);
  sqlite3* db = nullptr;
  if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) {
    const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + file + ": " + why);
  }
  try {
    sqlite3_busy_timeout(db, 5000);
    exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
    migrate_backend_schema(db);
  } catch (...) {
    sqlite3_close(db);
    throw;
  }
  return db;
}

void migrate_backend_schema(sqlite3* db_) {
  // Read under the write lock: a second connection opening at the same time waits here, then
  // finds the work done.
  exec(db_, "BEGIN IMMEDIATE");
  try {
    int version = 0;
    {
      Statement v(db_, "PRAGMA user_version", {});
      if (v.step() == SQLITE_ROW) version = std::stoi(v.text(0));
    }
    if (version > kBackendSchemaVersion)
      throw std::runtime_error("the database has schema version " + std::to_string(version) + ", newer than this kiosk-backend (" +
                               std::to_string(kBackendSchemaVersion) + "); use the newer program");
    if (version < 2) to_version_2(db_);
    if (version < 3) to_version_3(db_);
    if (version < 4) to_version_4(db_);
    exec(db_, ("PRAGMA user_version = " + std::to_string(kBackendSchemaVersion) + "; COMMIT").c_str());
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace kiosk::backend
