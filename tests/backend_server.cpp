#include "backend_server.hpp"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>

namespace kiosk::test {

BackendServer::BackendServer(const std::filesystem::path& db, const std::filesystem::path& root, std::vector<std::string> extra)
    : db_(db) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe");
  std::vector<std::string> args{std::string(KIOSK_BIN_DIR) + "/kiosk-backend", "--db", db.string(), "--root", root.string(),
                                "--port", "0", "--token", std::string(kKiosk) + "=" + kToken, "--admin-token", kAdminToken};
  args.insert(args.end(), extra.begin(), extra.end());
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], 1);
    close(out[0]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  // The first line says where it listens, printed once the port is bound: that is readiness.
  FILE* f = fdopen(out[0], "r");
  char line[256] = {};
  if (f == nullptr || fgets(line, sizeof line, f) == nullptr) throw std::runtime_error("kiosk-backend did not start");
  fclose(f);
  url_ = std::string(line).substr(std::string("listening on ").size());
  while (!url_.empty() && (url_.back() == '\n' || url_.back() == '\r')) url_.pop_back();
}

BackendServer::~BackendServer() { stop(); }

void BackendServer::stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::vector<std::string> BackendServer::registrations() const {
  std::vector<std::string> rows;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT id, offer FROM registrations ORDER BY rowid", -1, &st, nullptr) == SQLITE_OK)
      while (sqlite3_step(st) == SQLITE_ROW)
        rows.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) + " " +
                       reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return rows;
}

}  // namespace kiosk::test
