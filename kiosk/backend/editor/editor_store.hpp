#pragma once
// The editor's half of the backend's database (schema in backend_schema.cpp): accounts,
// sessions, sign-in brakes, the content as drafts, its history, published versions, pictures.
// One connection, one mutex: every call is short, and the database runs in WAL mode beside the
// kiosks' store, so registrations never wait behind an editor.
#include <sqlite3.h>

#include <cstdint>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::backend {

enum class Role { Editor, Publisher };
const char* role_name(Role r);
std::optional<Role> role_from(const std::string& name);

struct Account {
  std::string name;
  Role role = Role::Editor;
  std::string hash;  // Argon2id, encoded
  bool must_change = false;
  std::string created;
};

struct SessionRecord {
  std::string user, csrf;
  int64_t created = 0, last_seen = 0;
};

struct Brake {
  int failures = 0;
  int64_t last_failure = 0, locked_until = 0;
};

// A unit or an offer as a draft (its JSON as content/SCHEMA.md has it), or one of the editor's
// organisation records, which are never published themselves.
struct Item {
  std::string kind;  // "units", "offers" or "organisations"
  std::string id;
  nlohmann::json doc;
  bool archived = false;
  std::string updated_by, updated_at;
};

struct ItemDigest {
  std::string kind, id;
  bool archived = false;
  std::string digest;  // SHA-256 of the JSON as stored
};

struct ItemQuery {
  std::string kind = "offers";
  std::string text;      // folded words, all must occur
  std::string facet;     // e.g. "district:hoerde"; all given must occur
  std::string facet2;
  enum class Status { Active, Archived, All } status = Status::Active;
  int offset = 0, limit = 50;
};

struct HistoryEntry {
  long seq = 0;
  std::string at, user, kind, id, what;
};

struct VersionRecord {
  long version = 0;
  std::string channel, at, user, note;
};

class EditorStore {
 public:
  explicit EditorStore(const std::string& file);  // throws with the reason
  ~EditorStore();
  EditorStore(const EditorStore&) = delete;
  EditorStore& operator=(const EditorStore&) = delete;

  // Accounts.
  bool add_account(const Account& a);  // false: the name is taken
  std::optional<Account> account(const std::string& name);
  std::vector<Account> accounts();
  bool set_password(const std::string& name, const std::string& hash, bool must_change);

  // Sessions, keyed by the SHA-256 of their id.
  void add_session(const std::string& id_hash, const SessionRecord& s);
  std::optional<SessionRecord> session(const std::string& id_hash);
  void touch_session(const std::string& id_hash, int64_t now);
  void drop_session(const std::string& id_hash);
  void drop_sessions_of(const std::string& user);
  void drop_sessions_idle_since(int64_t cutoff, int64_t created_before);

  // Sign-in brakes, keyed "account:NAME" or "client:ADDRESS".
  Brake brake(const std::string& key);
  void set_brake(const std::string& key, const Brake& b);

  // Content.
  bool has_content();
  // Replaces every draft with `document` (one object, every section), as one transaction.
  void import_document(const nlohmann::json& document, const std::string& user, const std::string& now);
  // Every section and every item that is not archived, in order: what publishing signs.
  nlohmann::json draft_document();
  nlohmann::json section(const std::string& name);
  void save_section(const std::string& name, const nlohmann::json& doc, const std::string& user, const std::string& now,
                    const std::string& what);
  std::vector<Item> find(const ItemQuery& q, int* total = nullptr);
  std::optional<Item> item(const std::string& kind, const std::string& id);
  // Creates or replaces a draft and records `what` (the fields that changed) in the history.
  void save_item(const Item& item, const std::string& what);
  // Many drafts in one transaction (an import): all are saved, or none.
  void save_items(const std::vector<Item>& items, const std::vector<std::string>& whats);
  // Offers not archived whose valid_until lies in [from, to] (YYYY-MM-DD), soonest first.
  std::vector<Item> ending(const std::string& from, const std::string& to, int limit = 200);
  bool set_archived(const std::string& kind, const std::string& id, bool archived, const std::string& user,
                    const std::string& now);
  // Every unit and offer by the SHA-256 of its stored JSON, archived or not: "what changed"
  // compares these and reads only the documents that differ.
  std::vector<ItemDigest> item_digests();
  std::vector<HistoryEntry> history(const std::string& kind, const std::string& id, int limit = 100);
  std::string last_change();  // "" when nothing was ever saved

  // Pictures, by the name the content uses ("media/<sha256>.png").
  void add_media(const std::string& name, const std::string& bytes);
  std::optional<std::string> media(const std::string& name);

  // Published versions; previews and live content share one sequence of numbers.
  long last_version();
  void add_version(const VersionRecord& v, const nlohmann::json& document);
  std::vector<VersionRecord> versions(int limit = 100);
  std::optional<VersionRecord> latest(const std::string& channel);
  std::optional<nlohmann::json> version_document(long version);

 private:
  void exec(const char* sql);
  void put_item(const Item& item, long position);
  sqlite3* db_ = nullptr;
  std::mutex mutex_;
};

// The words and facets an item is found by in the editor's lists.
std::string item_search_text(const std::string& kind, const nlohmann::json& doc);
std::string item_facets(const std::string& kind, const nlohmann::json& doc);

}  // namespace kiosk::backend
