// kiosk-backend: the reference backend of PRODUCT.md §5 for tests and single-site deployments.
// It serves a published bundle folder as static files with ETags, takes registrations (sealed,
// stored as received, a permanent unique id), and records each kiosk's latest heartbeat. It
// listens on loopback unless told otherwise. Test options inject faults.
#include <httplib.h>
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdlib>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/net/digest.hpp"

namespace {

using json = nlohmann::json;

struct Options {
  std::string root, db = "kiosk-backend.sqlite", listen = "127.0.0.1";
  int port = 8080;
  std::vector<std::string> tokens;  // KIOSK_ID=TOKEN
  std::string admin_token;
  double fail_rate = 0.0;        // answer 500 before storing, at this rate
  int drop_after_commit = 0;     // the first N registrations: store, then drop the connection mid-reply
  int delay_ms = 0;              // before answering any API request
  std::vector<std::string> reject_offers;  // registrations for these offers get 422
};

class Database {
 public:
  explicit Database(const std::string& file) {
    if (sqlite3_open(file.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("cannot open " + file);
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
         "CREATE TABLE IF NOT EXISTS registrations(id TEXT PRIMARY KEY, kiosk TEXT NOT NULL, offer TEXT NOT NULL,"
         " created TEXT NOT NULL, consent_version TEXT NOT NULL, sealed TEXT NOT NULL, received TEXT NOT NULL);"
         "CREATE TABLE IF NOT EXISTS kiosks(id TEXT PRIMARY KEY, status TEXT NOT NULL, last_seen TEXT NOT NULL,"
         " sync_requested INTEGER NOT NULL DEFAULT 0);");
  }
  ~Database() { sqlite3_close(db_); }
  void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string e = err ? err : "?";
      sqlite3_free(err);
      throw std::runtime_error(e);
    }
  }
  // Runs a statement with text parameters; returns rows changed (or -1 on error).
  int run(const char* sql, const std::vector<std::string>& params) {
    std::lock_guard<std::mutex> lock(mutex_);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK) return -1;
    for (size_t i = 0; i < params.size(); ++i) sqlite3_bind_text(st, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
    const int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? sqlite3_changes(db_) : -1;
  }
  json rows(const char* sql) {
    std::lock_guard<std::mutex> lock(mutex_);
    json out = json::array();
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK) return out;
    while (sqlite3_step(st) == SQLITE_ROW) {
      json row;
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const auto* t = sqlite3_column_text(st, c);
        row[sqlite3_column_name(st, c)] = t ? reinterpret_cast<const char*>(t) : "";
      }
      out.push_back(row);
    }
    sqlite3_finalize(st);
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
  std::mutex mutex_;
};


std::string bearer(const httplib::Request& req) {
  const std::string h = req.get_header_value("Authorization");
  return h.rfind("Bearer ", 0) == 0 ? h.substr(7) : std::string();
}

void refuse(httplib::Response& res, int status, const std::string& why) {
  res.status = status;
  res.set_content(why, "text/plain");
}

bool is_uuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

void serve_static(const Options& o, const httplib::Request& req, httplib::Response& res) {
  const std::string path = req.matches[1];
  if (o.root.empty() || path.find("..") != std::string::npos || path.empty()) {
    res.status = 404;
    return;
  }
  std::ifstream in(o.root + "/" + path, std::ios::binary);
  if (!in) {
    res.status = 404;
    return;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string body = buf.str();
  const std::string etag = "\"" + kiosk::sha256_hex(body).substr(0, 24) + "\"";
  res.set_header("ETag", etag);
  if (req.get_header_value("If-None-Match") == etag) {
    res.status = 304;
    return;
  }
  const bool is_json = path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  res.set_content(body, is_json ? "application/json" : "application/octet-stream");
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"kiosk-backend: reference backend for the Berswordt-Halle kiosk (bundle files, registrations, heartbeats)"};
  app.add_option("--root", o.root, "Folder written by kioskctl publish, served at /");
  app.add_option("--db", o.db, "SQLite database for registrations and heartbeats");
  app.add_option("--listen", o.listen, "Address to listen on (default 127.0.0.1: loopback only)");
  app.add_option("--port", o.port, "Port (0: any free one; the first line printed names it)");
  app.add_option("--token", o.tokens, "KIOSK_ID=TOKEN: a kiosk and its bearer token (repeatable)");
  app.add_option("--admin-token", o.admin_token, "Bearer token for GET /v1/kiosks");
  std::string tokens_file, admin_token_file;
  app.add_option("--tokens-file", tokens_file,
                 "File of KIOSK_ID=TOKEN lines ('#' comments): tokens off the command line, where ps shows them");
  app.add_option("--admin-token-file", admin_token_file, "File holding the admin token (first line)");
  app.add_option("--fail-rate", o.fail_rate, "Test: answer this share of registrations with 500, storing nothing")->check(CLI::Range(0.0, 1.0));
  app.add_option("--drop-after-commit", o.drop_after_commit, "Test: for the first N registrations, store, then drop the connection");
  app.add_option("--delay-ms", o.delay_ms, "Test: wait this long before answering API requests");
  app.add_option("--reject-offer", o.reject_offers, "Test: answer 422 for registrations of this offer (repeatable)");
  CLI11_PARSE(app, argc, argv);
  // systemd's LoadCredential= puts the secret files here; relative names are looked up in it.
  auto secret_path = [](const std::string& name) {
    const char* creds = std::getenv("CREDENTIALS_DIRECTORY");
    return creds != nullptr && !name.empty() && name[0] != '/' ? std::string(creds) + "/" + name : name;
  };
  if (!tokens_file.empty()) {
    std::ifstream in(secret_path(tokens_file));
    if (!in) return std::fprintf(stderr, "--tokens-file: cannot read %s\n", secret_path(tokens_file).c_str()), 2;
    for (std::string line; std::getline(in, line);) {
      line = line.substr(0, line.find('#'));
      while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
      if (!line.empty()) o.tokens.push_back(line);
    }
  }
  if (!admin_token_file.empty()) {
    std::ifstream in(secret_path(admin_token_file));
    if (!in || !std::getline(in, o.admin_token) || o.admin_token.empty())
      return std::fprintf(stderr, "--admin-token-file: no token in %s\n", secret_path(admin_token_file).c_str()), 2;
  }

  std::map<std::string, std::string> token_to_kiosk;
  for (const auto& t : o.tokens) {
    const auto eq = t.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == t.size()) {
      std::fprintf(stderr, "--token: expected KIOSK_ID=TOKEN, got \"%s\"\n", t.c_str());
      return 2;
    }
    token_to_kiosk[t.substr(eq + 1)] = t.substr(0, eq);
  }
  Database db(o.db);
  std::atomic<int> commits_to_drop{o.drop_after_commit};
  std::mutex rng_mutex;
  std::mt19937 rng(std::random_device{}());
  httplib::Server svr;

  auto kiosk_of = [&](const httplib::Request& req) -> std::string {
    const auto it = token_to_kiosk.find(bearer(req));
    return it == token_to_kiosk.end() ? std::string() : it->second;
  };
  auto delay = [&] {
    if (o.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(o.delay_ms));
  };

  svr.Post("/v1/registrations", [&](const httplib::Request& req, httplib::Response& res) {
    delay();
    const std::string kiosk = kiosk_of(req);
    if (kiosk.empty()) return void(res.status = 401);
    const json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return refuse(res, 400, "body is not JSON");
    for (const char* k : {"id", "kiosk", "offer", "created", "consent_version", "sealed"})
      if (!body.contains(k) || !body[k].is_string() || body[k].get<std::string>().empty())
        return refuse(res, 422, std::string("missing ") + k);
    const std::string id = body["id"];
    if (!is_uuid(id)) return refuse(res, 422, "id is not a UUID");
    if (body["kiosk"] != kiosk) return void(res.status = 403);
    if (req.get_header_value("Idempotency-Key") != id) return refuse(res, 422, "Idempotency-Key must equal id");
    for (const auto& rejected : o.reject_offers)
      if (body["offer"] == rejected) return refuse(res, 422, "offer not taken");
    {
      std::lock_guard<std::mutex> lock(rng_mutex);
      if (o.fail_rate > 0 && std::uniform_real_distribution<double>(0, 1)(rng) < o.fail_rate) return void(res.status = 500);
    }
    const int changed = db.run("INSERT OR IGNORE INTO registrations(id, kiosk, offer, created, consent_version, sealed, received)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)",
                               {id, kiosk, body["offer"], body["created"], body["consent_version"], body["sealed"], kiosk::format_rfc3339(std::time(nullptr))});
    if (changed < 0) return void(res.status = 500);
    res.status = changed == 1 ? 201 : 200;
    if (commits_to_drop.fetch_sub(1) > 0) {
      // Stored, but the reply never arrives whole: the provider gives up after the headers and
      // the server closes the connection, as when a network drops at the worst moment.
      res.set_content_provider(64, "application/json", [](size_t, size_t, httplib::DataSink&) { return false; });
    }
  });

  svr.Post(R"(/v1/kiosks/([A-Za-z0-9_.-]+)/status)", [&](const httplib::Request& req, httplib::Response& res) {
    delay();
    const std::string kiosk = kiosk_of(req);
    if (kiosk.empty()) return void(res.status = 401);
    if (kiosk != req.matches[1]) return void(res.status = 403);
    const json body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return void(res.status = 400);
    db.run("INSERT INTO kiosks(id, status, last_seen) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET status = excluded.status,"
           " last_seen = excluded.last_seen",
           {kiosk, body.dump(), kiosk::format_rfc3339(std::time(nullptr))});
    const json requested = db.rows(("SELECT sync_requested FROM kiosks WHERE id = '" + kiosk + "'").c_str());
    if (!requested.empty() && requested[0]["sync_requested"] == "1") {
      db.run("UPDATE kiosks SET sync_requested = 0 WHERE id = ?", {kiosk});
      res.set_content(R"({"sync_now":true})", "application/json");
      return;
    }
    res.status = 204;
  });

  svr.Get("/v1/kiosks", [&](const httplib::Request& req, httplib::Response& res) {
    if (o.admin_token.empty() || bearer(req) != o.admin_token) return void(res.status = 401);
    res.set_content(db.rows("SELECT id, status, last_seen FROM kiosks ORDER BY id").dump(), "application/json");
  });

  svr.Post(R"(/v1/kiosks/([A-Za-z0-9_.-]+)/sync-now)", [&](const httplib::Request& req, httplib::Response& res) {
    if (o.admin_token.empty() || bearer(req) != o.admin_token) return void(res.status = 401);
    res.status = db.run("UPDATE kiosks SET sync_requested = 1 WHERE id = ?", {req.matches[1]}) == 1 ? 204 : 404;
  });

  svr.Get(R"(/(.+))", [&](const httplib::Request& req, httplib::Response& res) { serve_static(o, req, res); });

  const int port = o.port == 0 ? svr.bind_to_any_port(o.listen) : (svr.bind_to_port(o.listen, o.port) ? o.port : -1);
  if (port < 0) {
    std::fprintf(stderr, "kiosk-backend: cannot listen on %s:%d\n", o.listen.c_str(), o.port);
    return 1;
  }
  std::printf("listening on http://%s:%d/\n", o.listen.c_str(), port);
  std::fflush(stdout);
  svr.listen_after_bind();
  return 0;
}
