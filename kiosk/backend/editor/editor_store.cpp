#include "kiosk/backend/editor/editor_store.hpp"

#include <algorithm>
#include <stdexcept>

#include "kiosk/backend/backend_schema.hpp"
#include "kiosk/core/text_fold.hpp"
#include "kiosk/net/digest.hpp"
#include "kiosk/store/sqlite_statement.hpp"

namespace kiosk::backend {

using json = nlohmann::json;
using Statement = SqlStatement;

const char* role_name(Role r) { return r == Role::Publisher ? "publisher" : "editor"; }

std::optional<Role> role_from(const std::string& name) {
  if (name == "publisher") return Role::Publisher;
  if (name == "editor") return Role::Editor;
  return std::nullopt;
}

namespace {

void add_text(std::string& out, const json& text) {
  if (text.is_string()) out += fold_text(text.get<std::string>()) + " ";
  if (!text.is_object()) return;
  for (const auto& [lang, value] : text.items())
    if (value.is_string()) out += fold_text(value.get<std::string>()) + " ";
}

}  // namespace

std::string item_search_text(const std::string& kind, const json& doc) {
  std::string out = " ";
  for (const char* field : {"id", "title", "name", "organisation"})
    if (doc.contains(field)) add_text(out, doc[field]);
  if (kind == "organisations" && doc.contains("address")) add_text(out, doc["address"]);  // "the one on Oberdorfstraße"
  return out;
}

std::string item_facets(const std::string& kind, const json& doc) {
  std::string out = " ";
  auto add = [&](const char* name, const json& v) {
    if (v.is_string()) out += std::string(name) + ":" + v.get<std::string>() + " ";
  };
  if (kind == "offers") {
    if (doc.contains("district")) add("district", doc["district"]);
    if (doc.contains("unit")) add("unit", doc["unit"]);
    if (doc.contains("organisation_id")) add("organisation", doc["organisation_id"]);
    if (doc.contains("categories") && doc["categories"].is_array())
      for (const auto& c : doc["categories"]) add("category", c);
  } else if (kind == "organisations") {
    if (doc.contains("district")) add("district", doc["district"]);
  } else if (doc.contains("parent")) {
    add("parent", doc["parent"]);
  }
  return out;
}

EditorStore::EditorStore(const std::string& file) : db_(open_backend_db(file)) {
  // Drafts from before schema version 4 get their digest once.
  std::vector<std::pair<std::string, std::string>> missing;
  {
    Statement st(db_, "SELECT rowid, doc FROM items WHERE digest = ''");
    while (st.step() == SQLITE_ROW) missing.emplace_back(st.text(0), sha256_hex(st.text(1)));
  }
  for (const auto& [rowid, digest] : missing) Statement(db_, "UPDATE items SET digest = ? WHERE rowid = ?", {digest, rowid}).step();
}

EditorStore::~EditorStore() { sqlite3_close(db_); }

void EditorStore::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string e = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error(e);
  }
}

bool EditorStore::add_account(const Account& a) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "INSERT INTO users(name, role, hash, must_change, created) VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO NOTHING",
               {a.name, role_name(a.role), a.hash, a.must_change ? "1" : "0", a.created});
  return st.step() == SQLITE_DONE && st.changes() == 1;
}

std::optional<Account> EditorStore::account(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);

  Statement st(db_, "SELECT name, role, hash, must_change, created FROM users WHERE name = ?", {name});
  if (st.step() != SQLITE_ROW) return std::nullopt;
  return Account{st.text(0), role_from(st.text(1)).value_or(Role::Editor), st.text(2), st.integer(3) != 0, st.text(4)};
}

std::vector<Account> EditorStore::accounts() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<Account> out;
  Statement st(db_, "SELECT name, role, must_change, created FROM users ORDER BY name");
  while (st.step() == SQLITE_ROW) out.push_back({st.text(0), role_from(st.text(1)).value_or(Role::Editor), "", st.integer(2) != 0, st.text(3)});
  return out;
}

bool EditorStore::set_password(const std::string& name, const std::string& hash, bool must_change) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "UPDATE users SET hash = ?, must_change = ? WHERE name = ?", {hash, must_change ? "1" : "0", name});
  return st.step() == SQLITE_DONE && st.changes() == 1;
}

void EditorStore::add_session(const std::string& id_hash, const SessionRecord& s) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "INSERT INTO sessions(id_hash, user, csrf, created, last_seen) VALUES (?, ?, ?, ?, ?)",
               {id_hash, s.user, s.csrf, std::to_string(s.created), std::to_string(s.last_seen)});
  if (st.step() != SQLITE_DONE) throw std::runtime_error(std::string("storing a session: ") + sqlite3_errmsg(db_));
}

std::optional<SessionRecord> EditorStore::session(const std::string& id_hash) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "SELECT user, csrf, created, last_seen FROM sessions WHERE id_hash = ?", {id_hash});
  if (st.step() != SQLITE_ROW) return std::nullopt;
  return SessionRecord{st.text(0), st.text(1), st.integer(2), st.integer(3)};
}

void EditorStore::touch_session(const std::string& id_hash, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement(db_, "UPDATE sessions SET last_seen = ? WHERE id_hash = ?", {std::to_string(now), id_hash}).step();
}

void EditorStore::drop_session(const std::string& id_hash) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement(db_, "DELETE FROM sessions WHERE id_hash = ?", {id_hash}).step();
}

void EditorStore::drop_sessions_of(const std::string& user) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement(db_, "DELETE FROM sessions WHERE user = ?", {user}).step();
}

void EditorStore::drop_sessions_idle_since(int64_t cutoff, int64_t created_before) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement(db_, "DELETE FROM sessions WHERE last_seen < ? OR created < ?", {std::to_string(cutoff), std::to_string(created_before)})
      .step();
}

Brake EditorStore::brake(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "SELECT failures, last_failure, locked_until FROM sign_in_brakes WHERE key = ?", {key});
  if (st.step() != SQLITE_ROW) return {};
  return Brake{static_cast<int>(st.integer(0)), st.integer(1), st.integer(2)};
}

void EditorStore::set_brake(const std::string& key, const Brake& b) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (b.failures == 0 && b.locked_until == 0) {
    Statement(db_, "DELETE FROM sign_in_brakes WHERE key = ?", {key}).step();
    return;
  }
  Statement(db_,
            "INSERT INTO sign_in_brakes(key, failures, last_failure, locked_until) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE"
            " SET failures = excluded.failures, last_failure = excluded.last_failure, locked_until = excluded.locked_until",
            {key, std::to_string(b.failures), std::to_string(b.last_failure), std::to_string(b.locked_until)})
      .step();
}

bool EditorStore::has_content() {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "SELECT 1 FROM sections LIMIT 1");
  return st.step() == SQLITE_ROW;
}

void EditorStore::put_item(const Item& it, long position) {
  const std::string text = it.doc.dump();
  Statement st(db_,
               "INSERT INTO items(kind, id, position, doc, archived, search, facets, updated_by, updated_at, ends, digest)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, id) DO UPDATE SET doc = excluded.doc,"
               " archived = excluded.archived, search = excluded.search, facets = excluded.facets,"
               " updated_by = excluded.updated_by, updated_at = excluded.updated_at, ends = excluded.ends, digest = excluded.digest",
               {it.kind, it.id, std::to_string(position), text, it.archived ? "1" : "0", item_search_text(it.kind, it.doc),
                item_facets(it.kind, it.doc), it.updated_by, it.updated_at,
                it.kind == "offers" && it.doc.contains("valid_until") && it.doc["valid_until"].is_string()
                    ? it.doc["valid_until"].get<std::string>() : std::string(),
                sha256_hex(text)});
  if (st.step() != SQLITE_DONE) throw std::runtime_error(std::string("saving ") + it.kind + " " + it.id + ": " + sqlite3_errmsg(db_));
}

void EditorStore::import_document(const json& document, const std::string& user, const std::string& now) {
  std::lock_guard<std::mutex> lock(mutex_);
  exec("BEGIN IMMEDIATE");
  try {
    exec("DELETE FROM items; DELETE FROM sections;");
    for (const auto& [name, value] : document.items()) {
      if (name == "schema") continue;
      if ((name == "units" || name == "offers") && value.is_array()) {
        long position = 0;
        for (const auto& doc : value)
          if (doc.is_object() && doc.contains("id") && doc["id"].is_string())
            put_item({name, doc["id"].get<std::string>(), doc, false, user, now}, position++);
        continue;
      }
      Statement(db_, "INSERT INTO sections(name, doc) VALUES (?, ?)", {name, value.dump()}).step();
    }
    Statement(db_, "INSERT INTO history(at, user, kind, id, what) VALUES (?, ?, 'content', '', 'imported')", {now, user}).step();
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

json EditorStore::draft_document() {
  std::lock_guard<std::mutex> lock(mutex_);
  json doc = json::object();
  {
    Statement st(db_, "SELECT name, doc FROM sections");
    while (st.step() == SQLITE_ROW) doc[st.text(0)] = json::parse(st.text(1), nullptr, false);
  }
  for (const char* kind : {"units", "offers"}) {
    json list = json::array();
    Statement st(db_, "SELECT doc FROM items WHERE kind = ? AND archived = 0 ORDER BY position", {kind});
    while (st.step() == SQLITE_ROW) list.push_back(json::parse(st.text(0), nullptr, false));
    doc[kind] = std::move(list);
  }
  return doc;
}

json EditorStore::section(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "SELECT doc FROM sections WHERE name = ?", {name});
  return st.step() == SQLITE_ROW ? json::parse(st.text(0), nullptr, false) : json();
}

void EditorStore::save_section(const std::string& name, const json& doc, const std::string& user, const std::string& now,
                               const std::string& what) {
  std::lock_guard<std::mutex> lock(mutex_);
  exec("BEGIN IMMEDIATE");
  try {
    Statement st(db_, "INSERT INTO sections(name, doc) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET doc = excluded.doc",
                 {name, doc.dump()});
    if (st.step() != SQLITE_DONE) throw std::runtime_error(std::string("saving ") + name + ": " + sqlite3_errmsg(db_));
    Statement(db_, "INSERT INTO history(at, user, kind, id, what) VALUES (?, ?, 'section', ?, ?)", {now, user, name, what}).step();
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<Item> EditorStore::find(const ItemQuery& q, int* total) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string where = " WHERE kind = ?1";
  if (q.status == ItemQuery::Status::Active) where += " AND archived = 0";
  if (q.status == ItemQuery::Status::Archived) where += " AND archived = 1";
  // instr() rather than LIKE: '%' and '_' in what staff type are letters, not patterns.
  std::vector<std::string> params{q.kind};
  for (const auto& word : fold_words(q.text)) {
    params.push_back(word);
    where += " AND instr(search, ?" + std::to_string(params.size()) + ") > 0";
  }
  for (const std::string* f : {&q.facet, &q.facet2})
    if (!f->empty()) {
      params.push_back(" " + *f + " ");
      where += " AND instr(facets, ?" + std::to_string(params.size()) + ") > 0";
    }
  if (total) {
    Statement count(db_, ("SELECT count(*) FROM items" + where).c_str(), params);
    *total = count.step() == SQLITE_ROW ? static_cast<int>(count.integer(0)) : 0;
  }
  std::vector<Item> out;
  const std::string sql = "SELECT kind, id, doc, archived, updated_by, updated_at FROM items" + where +
                          " ORDER BY position LIMIT " + std::to_string(std::max(0, q.limit)) + " OFFSET " +
                          std::to_string(std::max(0, q.offset));
  Statement st(db_, sql.c_str(), params);
  while (st.step() == SQLITE_ROW)
    out.push_back({st.text(0), st.text(1), json::parse(st.text(2), nullptr, false), st.integer(3) != 0, st.text(4), st.text(5)});
  return out;
}

std::optional<Item> EditorStore::item(const std::string& kind, const std::string& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "SELECT kind, id, doc, archived, updated_by, updated_at FROM items WHERE kind = ? AND id = ?", {kind, id});
  if (st.step() != SQLITE_ROW) return std::nullopt;
  return Item{st.text(0), st.text(1), json::parse(st.text(2), nullptr, false), st.integer(3) != 0, st.text(4), st.text(5)};
}

void EditorStore::save_item(const Item& it, const std::string& what) { save_items({it}, {what}); }

void EditorStore::save_items(const std::vector<Item>& items, const std::vector<std::string>& whats) {
  std::lock_guard<std::mutex> lock(mutex_);
  exec("BEGIN IMMEDIATE");
  try {
    for (size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      long position = 0;
      Statement p(db_, "SELECT coalesce((SELECT position FROM items WHERE kind = ?1 AND id = ?2),"
                       " (SELECT coalesce(max(position), -1) + 1 FROM items WHERE kind = ?1))",
                  {it.kind, it.id});
      if (p.step() == SQLITE_ROW) position = p.integer(0);
      put_item(it, position);
      Statement h(db_, "INSERT INTO history(at, user, kind, id, what) VALUES (?, ?, ?, ?, ?)",
                  {it.updated_at, it.updated_by, it.kind, it.id, i < whats.size() ? whats[i] : std::string()});
      if (h.step() != SQLITE_DONE) throw std::runtime_error(std::string("recording history: ") + sqlite3_errmsg(db_));
    }
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<Item> EditorStore::ending(const std::string& from, const std::string& to, int limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<Item> out;
  Statement st(db_, ("SELECT kind, id, doc, archived, updated_by, updated_at FROM items WHERE kind = 'offers' AND archived = 0"
                     " AND ends != '' AND ends BETWEEN ? AND ? ORDER BY ends, id LIMIT " + std::to_string(limit)).c_str(),
               {from, to});
  while (st.step() == SQLITE_ROW)
    out.push_back({st.text(0), st.text(1), json::parse(st.text(2), nullptr, false), st.integer(3) != 0, st.text(4), st.text(5)});
  return out;
}

bool EditorStore::set_archived(const std::string& kind, const std::string& id, bool archived, const std::string& user,
                               const std::string& now) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "UPDATE items SET archived = ?, updated_by = ?, updated_at = ? WHERE kind = ? AND id = ?",
               {archived ? "1" : "0", user, now, kind, id});
  if (st.step() != SQLITE_DONE || st.changes() != 1) return false;
  Statement(db_, "INSERT INTO history(at, user, kind, id, what) VALUES (?, ?, ?, ?, ?)",
            {now, user, kind, id, archived ? "archived" : "restored from the archive"})
      .step();
  return true;
}

std::vector<ItemDigest> EditorStore::item_digests() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<ItemDigest> out;
  Statement st(db_, "SELECT kind, id, archived, digest FROM items WHERE kind IN ('units', 'offers')");  // items_digests alone
  while (st.step() == SQLITE_ROW) out.push_back({st.text(0), st.text(1), st.integer(2) != 0, st.text(3)});
  return out;
}

std::vector<HistoryEntry> EditorStore::history(const std::string& kind, const std::string& id, int limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<HistoryEntry> out;
  const std::string sql = std::string("SELECT seq, at, user, kind, id, what FROM history") +
                          (kind.empty() ? " WHERE ?1 = ?1 AND ?2 = ?2" : " WHERE kind = ?1 AND id = ?2") +
                          " ORDER BY seq DESC LIMIT " + std::to_string(limit);
  Statement st(db_, sql.c_str(), {kind, id});
  while (st.step() == SQLITE_ROW) out.push_back({st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5)});
  return out;
}

std::string EditorStore::last_change() {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "SELECT at FROM history ORDER BY seq DESC LIMIT 1");
  return st.step() == SQLITE_ROW ? st.text(0) : std::string();
}

void EditorStore::add_media(const std::string& name, const std::string& bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "INSERT INTO media(name, bytes) VALUES (?, ?) ON CONFLICT(name) DO NOTHING", {name});
  st.bind_blob(2, bytes);
  if (st.step() != SQLITE_DONE) throw std::runtime_error(std::string("saving a picture: ") + sqlite3_errmsg(db_));
}

std::optional<std::string> EditorStore::media(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "SELECT bytes FROM media WHERE name = ?", {name});
  if (st.step() != SQLITE_ROW) return std::nullopt;
  return st.blob(0);
}

long EditorStore::last_version() {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "SELECT coalesce(max(version), 0) FROM versions");
  return st.step() == SQLITE_ROW ? st.integer(0) : 0;
}

void EditorStore::add_version(const VersionRecord& v, const json& document) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "INSERT INTO versions(version, channel, at, user, note, document) VALUES (?, ?, ?, ?, ?, ?)",
               {std::to_string(v.version), v.channel, v.at, v.user, v.note, document.dump()});
  if (st.step() != SQLITE_DONE) throw std::runtime_error(std::string("recording version: ") + sqlite3_errmsg(db_));
}

std::vector<VersionRecord> EditorStore::versions(int limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<VersionRecord> out;
  Statement st(db_, ("SELECT version, channel, at, user, note FROM versions ORDER BY version DESC LIMIT " + std::to_string(limit)).c_str());
  while (st.step() == SQLITE_ROW) out.push_back({st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4)});
  return out;
}

std::optional<VersionRecord> EditorStore::latest(const std::string& channel) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "SELECT version, channel, at, user, note FROM versions WHERE channel = ? ORDER BY version DESC LIMIT 1", {channel});
  if (st.step() != SQLITE_ROW) return std::nullopt;
  return VersionRecord{st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4)};
}

std::optional<json> EditorStore::version_document(long version) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement st(db_, "SELECT document FROM versions WHERE version = ?", {std::to_string(version)});
  if (st.step() != SQLITE_ROW) return std::nullopt;
  return json::parse(st.text(0), nullptr, false);
}

}  // namespace kiosk::backend
