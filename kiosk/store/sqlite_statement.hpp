#pragma once
// One prepared SQLite statement with text parameters, finalised on every path: what the outbox
// and the backend's store both need, and nothing more.
#include <sqlite3.h>

#include <string>
#include <vector>

namespace kiosk {

class SqlStatement {
 public:
  // `params` bind to ?1, ?2, … in order; more can follow with bind().
  SqlStatement(sqlite3* db, const char* sql, const std::vector<std::string>& params = {}) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) return;
    for (size_t i = 0; i < params.size(); ++i) bind(static_cast<int>(i + 1), params[i]);
  }
  ~SqlStatement() { sqlite3_finalize(stmt_); }
  SqlStatement(const SqlStatement&) = delete;
  SqlStatement& operator=(const SqlStatement&) = delete;

  SqlStatement& bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  SqlStatement& bind_blob(int i, const std::string& v) {
    sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code (also when the statement did not prepare).
  int step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_ERROR; }
  std::string text(int col) const {
    const auto* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  std::string blob(int col) const {
    const auto* b = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return b ? std::string(b, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  long integer(int col) const { return static_cast<long>(sqlite3_column_int64(stmt_, col)); }
  bool ok() const { return stmt_ != nullptr; }
  int changes() const { return sqlite3_changes(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace kiosk
