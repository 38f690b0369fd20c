#pragma once
// Registrations waiting for the backend, in SQLite (WAL, synchronous=FULL, secure_delete=ON):
// add() returns only once the row is on disk, so a thank-you screen shown after it is a promise
// kept even through a power cut. Rows hold the personal fields only sealed to the backend's key.
// pending → acknowledged (deleted, overwritten by secure_delete) or quarantined (refused for good
// by the backend: kept and counted, never silently dropped). Nothing expires.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

struct sqlite3;

namespace kiosk {

struct OutboxEntry {
  std::string id;               // UUID, also the Idempotency-Key
  std::string offer;
  std::string created;          // RFC 3339
  std::string consent_version;
  std::string sealed;           // base64 crypto_box_seal of the personal fields
  int attempts = 0;
};

struct OutboxCounts {
  long pending = 0;
  long quarantined = 0;
  std::optional<std::string> oldest_pending_created;  // RFC 3339
};

// The outbox's file in a state directory: the kiosk, kioskctl and the tests all find it here.
inline std::filesystem::path outbox_file(const std::filesystem::path& state_dir) { return state_dir / "outbox.sqlite"; }

class OutboxStore {
 public:
  // Opens (creating if needed) `file`; null with a reason when the disk refuses.
  static std::unique_ptr<OutboxStore> open(const std::filesystem::path& file, std::string& error);
  // Opens an existing outbox for reading only (kioskctl status): works on a full disk, where
  // open() cannot set the file up. Null with a reason when there is no readable outbox.
  static std::unique_ptr<OutboxStore> open_read_only(const std::filesystem::path& file, std::string& error);
  ~OutboxStore();
  OutboxStore(const OutboxStore&) = delete;
  OutboxStore& operator=(const OutboxStore&) = delete;

  // Durable on return (the commit is fsynced). False, with nothing half-written, when the disk
  // is full or the write fails.
  bool add(const OutboxEntry& entry, std::string& error);
  // The oldest pending registration: uploads go in order, one at a time.
  std::optional<OutboxEntry> next_pending();
  bool acknowledge(const std::string& id);  // delivered: delete it
  bool quarantine(const std::string& id, const std::string& reason);
  bool record_attempt(const std::string& id);
  OutboxCounts counts();

 private:
  explicit OutboxStore(sqlite3* db) : db_(db) {}
  bool exec(const char* sql, std::string& error);
  sqlite3* db_;
};

}  // namespace kiosk
