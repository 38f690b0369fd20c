#pragma once
// The kiosks' half of kiosk-backend (PRODUCT.md §5): the published bundle as static files,
// registrations, heartbeats, and the admin's fleet view and sync-now.
//
// Every request is checked before its body is read: a declared body over the cap gets 413, a
// missing or wrong token 401 (429 once a client keeps trying), and only then is the body read,
// its JSON depth measured, and it is parsed.
#include <atomic>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "kiosk/backend/access.hpp"
#include "kiosk/backend/backend_store.hpp"
#include "kiosk/backend/guarded_server.hpp"

namespace kiosk::backend {

struct ApiOptions {
  std::string root;                   // the folder `kioskctl publish` writes, served at /
  size_t max_body_bytes = 32 * 1024;  // the largest legitimate body (a registration) is a few KiB
  size_t max_json_depth = 16;         // real bodies nest three levels at most
  // Under /admin/ (the web editor) the limit is the editor's, per path; unset: no editor.
  std::function<size_t(const std::string& path)> admin_body_limit;
  // Peers whose X-Real-IP header names the client (the reverse proxy); others are the client.
  std::vector<std::string> trusted_proxies;
  // Fault injection for tests.
  double fail_rate = 0.0;        // answer this share of registrations with 500, storing nothing
  int drop_after_commit = 0;     // the first N registrations: store, then drop the connection mid-reply
  int delay_ms = 0;              // before answering any API request
  std::vector<std::string> reject_offers;  // registrations for these offers get 422
};

class KioskApi {
 public:
  KioskApi(ApiOptions options, BackendStore& store, TokenTable kiosks, TokenTable admins);
  void install(GuardedServer& server);

 private:
  std::string client_of(const httplib::Request& req) const;
  bool check_access(const httplib::Request& req, httplib::Response& res);
  void registration(const httplib::Request& req, httplib::Response& res);
  void heartbeat(const httplib::Request& req, httplib::Response& res);
  void serve_static(const httplib::Request& req, httplib::Response& res) const;
  void delay() const;

  ApiOptions o_;
  BackendStore& store_;
  TokenTable kiosks_, admins_;
  FailureBrake brake_;
  std::atomic<int> commits_to_drop_;
  std::mutex rng_mutex_;
  std::mt19937 rng_;
};

}  // namespace kiosk::backend
