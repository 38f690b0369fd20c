#pragma once
// The backend's database schema, in one place for every part that opens the database (the
// kiosks' store, the editor's store): each opens it through here, and the first brings it to
// kBackendSchemaVersion in one transaction. PRAGMA user_version holds the version.
#include <sqlite3.h>

#include <string>

namespace kiosk::backend {

// 2: registrations keyed on (kiosk, id); 3: the web editor's tables.
inline constexpr int kBackendSchemaVersion = 4;

// Opens (creating it readable by its owner only: it holds password hashes and sealed
// registrations) and migrates the backend's database; WAL, synchronous=FULL, a busy timeout.
// Throws with the reason.
sqlite3* open_backend_db(const std::string& file);

// Throws with the reason when the database is newer than this program or a step fails.
void migrate_backend_schema(sqlite3* db);

}  // namespace kiosk::backend
