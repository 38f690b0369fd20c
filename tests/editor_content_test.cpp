// The editor's content at scale without a browser (issue 16): a database from before offers
// could end is brought up to date, the fleet's rules on an injected clock, and the spreadsheet
// subcommands as a script runs them.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include "kiosk/backend/editor/editor_store.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/fleet_report.hpp"
#include "support.hpp"

using namespace kiosk;
using namespace kiosk::backend;
using json = nlohmann::json;

namespace {

const std::string kBackend = std::string(KIOSK_BIN_DIR) + "/kiosk-backend";

void sql(sqlite3* db, const char* text) {
  char* err = nullptr;
  REQUIRE_MESSAGE(sqlite3_exec(db, text, nullptr, nullptr, &err) == SQLITE_OK, (err ? err : ""));
}

}  // namespace

TEST_CASE("a database of schema version 3 gets the ends and digest columns, its drafts kept") {
  test::TempDir tmp;
  const std::string file = (tmp.path() / "backend.sqlite").string();
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  // The items table as version 3 made it (backend_schema.cpp), with an offer that ends.
  sql(db,
      "CREATE TABLE items(kind TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL,"
      " archived INTEGER NOT NULL DEFAULT 0, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL, facets TEXT NOT NULL,"
      " search TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY(kind, id));"
      "CREATE INDEX items_order ON items(kind, archived, position);"
      "CREATE TABLE registrations(kiosk TEXT NOT NULL, id TEXT NOT NULL, offer TEXT NOT NULL, created TEXT NOT NULL,"
      " consent_version TEXT NOT NULL, sealed TEXT NOT NULL, received TEXT NOT NULL, body_sha256 TEXT NOT NULL, PRIMARY KEY(kiosk, id));"
      "CREATE TABLE kiosks(id TEXT PRIMARY KEY, status TEXT NOT NULL, last_seen TEXT NOT NULL, sync_requested INTEGER NOT NULL DEFAULT 0);"
      "CREATE TABLE users(name TEXT PRIMARY KEY, role TEXT NOT NULL, hash TEXT NOT NULL, must_change INTEGER NOT NULL, created TEXT NOT NULL);"
      "CREATE TABLE sessions(id_hash TEXT PRIMARY KEY, user TEXT NOT NULL, csrf TEXT NOT NULL, created INTEGER NOT NULL, last_seen INTEGER NOT NULL);"
      "CREATE TABLE sign_in_brakes(key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_failure INTEGER NOT NULL, locked_until INTEGER NOT NULL);"
      "CREATE TABLE sections(name TEXT PRIMARY KEY, doc TEXT NOT NULL);"
      "CREATE TABLE history(seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, what TEXT NOT NULL);"
      "CREATE TABLE versions(version INTEGER PRIMARY KEY, channel TEXT NOT NULL, at TEXT NOT NULL, user TEXT NOT NULL, note TEXT NOT NULL, document TEXT NOT NULL);"
      "CREATE TABLE media(name TEXT PRIMARY KEY, bytes BLOB NOT NULL);"
      "INSERT INTO items VALUES ('offers', 'ends-soon', 0, 0, 'anna', '2026-11-01T10:00:00Z', ' ', ' ends soon ',"
      " '{\"id\":\"ends-soon\",\"valid_until\":\"2026-12-05\"}');"
      "INSERT INTO items VALUES ('offers', 'stays', 1, 0, 'anna', '2026-11-01T10:00:00Z', ' ', ' stays ', '{\"id\":\"stays\"}');"
      "PRAGMA user_version = 3;");
  sqlite3_close(db);

  EditorStore store(file);
  const auto ending = store.ending("2026-11-30", "2026-12-14");
  REQUIRE(ending.size() == 1);
  CHECK(ending[0].id == "ends-soon");
  CHECK(ending[0].doc["valid_until"] == "2026-12-05");
  CHECK(store.item("offers", "stays")->doc == json{{"id", "stays"}});
  const auto digests = store.item_digests();
  REQUIRE(digests.size() == 2);
  for (const auto& d : digests) CHECK(d.digest.size() == 64);
  CHECK(store.ending("2026-12-06", "2026-12-20").empty());  // past its day: not "ending soon" from then on
}

TEST_CASE("the fleet's rows: silent for three heartbeat intervals is MISSING, whatever a kiosk sent") {
  const int64_t now = parse_rfc3339("2026-11-30T12:00:00Z");
  const json kiosks = json::array({
      {{"id", "fresh"}, {"last_seen", "2026-11-30T11:59:00Z"},
       {"status", R"({"content_version": 7, "stale": true, "outbox_pending": 3, "oldest_pending_age_s": 600, "heartbeat_interval_s": 120})"}},
      {{"id", "silent"}, {"last_seen", "2026-11-30T11:53:59Z"}, {"status", R"({"heartbeat_interval_s": 120})"}},
      {{"id", "garbled"}, {"last_seen", "yesterday"}, {"status", "not json {"}},
      "not an object",
      {{"id", "odd types"}, {"last_seen", "2026-11-30T11:59:59Z"}, {"status", R"({"stale": "yes", "content_version": "7", "last_error": 42})"}},
  });
  const auto rows = fleet_rows(kiosks, now);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].id == "fresh");
  CHECK_FALSE(rows[0].missing);
  CHECK(rows[0].stale);
  CHECK(rows[0].content_version == 7);
  CHECK(rows[0].pending == 3);
  CHECK(rows[0].oldest_pending_s == 600);
  CHECK(rows[1].missing);  // 361 s > 3 × 120 s
  CHECK(rows[2].missing);  // a time that is not one
  CHECK(rows[2].content_version == 0);
  CHECK_FALSE(rows[3].stale);  // "yes" is no boolean
  CHECK(rows[3].content_version == 0);
  CHECK(rows[3].last_error == "42");
  CHECK(time_ago("2026-11-30T11:58:00Z", now) == "2 min 0 s ago");
  CHECK(time_ago("", now) == "never");
}

TEST_CASE("kiosk-backend import offers: a dry run by default, --apply saves the good rows, export round-trips") {
  test::TempDir tmp;
  const std::string db = " --db " + (tmp.path() / "backend.sqlite").string();
  const std::string file = (test::source_dir() / "tests/fixtures/csv/angebote-drei-gut-zwei-falsch.csv").string();
  std::string out;
  CHECK(test::run_command(kBackend + db + " import offers " + file, out) == 1);  // problems: exit 1
  CHECK(out.find("row 4, column titel_de: expected") != std::string::npos);
  CHECK(out.find("row 6, column stadtbezirk: expected") != std::string::npos);
  CHECK(out.find("3 new, 0 changed, 0 unchanged, 2 refused") != std::string::npos);
  CHECK(test::run_command(kBackend + db + " import offers " + file, out) == 1);
  CHECK(out.find("3 new") != std::string::npos);  // the dry run saved nothing
  CHECK(test::run_command(kBackend + db + " import offers --apply " + file, out) == 1);
  CHECK(out.find("3 offers saved as drafts") != std::string::npos);
  const std::string exported = (tmp.path() / "export.csv").string();
  REQUIRE(test::run_command(kBackend + db + " export offers " + exported, out) == 0);
  const std::string csv = test::read_file(exported);
  CHECK(csv.compare(0, 3, "\xEF\xBB\xBF") == 0);
  CHECK(csv.find("Nachbarschaftshilfe Scharnhorst") != std::string::npos);
  REQUIRE(test::run_command(kBackend + db + " import offers " + exported, out) == 0);
  CHECK(out.find("0 new, 0 changed, 51 unchanged, 0 refused") != std::string::npos);
  CHECK(test::run_command(kBackend + db + " import offers " + (tmp.path() / "nowhere.csv").string(), out) == 2);
  CHECK(out.find("cannot read") != std::string::npos);
}
