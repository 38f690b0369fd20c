#include "kiosk/backend/kiosk_api.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "kiosk/backend/registration_body.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/json_depth.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/net/digest.hpp"

namespace kiosk::backend {

using json = nlohmann::json;

namespace {

std::string bearer(const httplib::Request& req) {
  const std::string h = req.get_header_value("Authorization");
  return h.rfind("Bearer ", 0) == 0 ? h.substr(7) : std::string();
}

void refuse(httplib::Response& res, int status, const std::string& why) {
  res.status = status;
  res.set_content(why + "\n", "text/plain");
}

enum class Who { Anyone, Kiosk, Admin };

Who who_may(const httplib::Request& req) {
  if (req.path.rfind("/v1/", 0) != 0) return Who::Anyone;
  const bool admin = req.path == "/v1/kiosks" ||
                     (req.path.size() > 9 && req.path.compare(req.path.size() - 9, 9, "/sync-now") == 0);
  return admin ? Who::Admin : Who::Kiosk;
}

}  // namespace

KioskApi::KioskApi(ApiOptions options, BackendStore& store, TokenTable kiosks, TokenTable admins)
    : o_(std::move(options)), store_(store), kiosks_(std::move(kiosks)), admins_(std::move(admins)),
      commits_to_drop_(o_.drop_after_commit), rng_(std::random_device{}()) {}

std::string KioskApi::client_of(const httplib::Request& req) const {
  if (std::find(o_.trusted_proxies.begin(), o_.trusted_proxies.end(), req.remote_addr) != o_.trusted_proxies.end()) {
    const std::string real = req.get_header_value("X-Real-IP");
    if (!real.empty()) return real;
  }
  return req.remote_addr;
}

void KioskApi::delay() const {
  if (o_.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(o_.delay_ms));
}

// Runs before httplib reads a body: refusals here cost the backend no memory and no time.
bool KioskApi::check_access(const httplib::Request& req, httplib::Response& res) {
  const std::string length = req.get_header_value("Content-Length");
  const bool admin = o_.admin_body_limit && req.path.rfind("/admin/", 0) == 0;
  const size_t limit = admin ? o_.admin_body_limit(req.path) : o_.max_body_bytes;
  // A chunked body declares no size, and httplib's one cap for those is the largest any path
  // takes (an editor's picture): kiosks, browsers and the proxy all send a Content-Length.
  if (req.has_header("Transfer-Encoding")) {
    GuardedServer::close_after_response();
    res.set_header("Connection", "close");
    refuse(res, 411, "send the body with a Content-Length, not chunked");
    return false;
  }
  if (!length.empty()) {
    const bool digits = length.size() <= 18 && std::all_of(length.begin(), length.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::stoull(length) > limit) {
      GuardedServer::close_after_response();
      res.set_header("Connection", "close");
      refuse(res, 413, "the body is larger than " + std::to_string(limit / 1024) + " KiB");
      return false;
    }
  }
  const Who who = who_may(req);
  if (who == Who::Anyone) return true;
  const std::string token = bearer(req);
  const TokenTable& table = who == Who::Admin ? admins_ : kiosks_;
  if (!token.empty() && table.holder_of(token)) return true;
  // Not authorised: never read what such a client sends.
  GuardedServer::close_after_response();
  res.set_header("Connection", "close");
  const std::string client = client_of(req);
  const auto now = FailureBrake::Clock::now();
  const bool was_braked = brake_.wait_s(client, now) > 0;
  brake_.failed(client, now);
  if (const long wait = brake_.wait_s(client, now); wait > 0) {
    if (!was_braked) log::warning("wrong API tokens from " + client + ": answering 429 for " + std::to_string(wait) + " s");
    res.set_header("Retry-After", std::to_string(wait));
    refuse(res, 429, "too many wrong tokens from this address; try again in " + std::to_string(wait) + " s");
    return false;
  }
  refuse(res, 401, token.empty() ? "a bearer token is needed" : "this token is not valid here");
  return false;
}

void KioskApi::install(GuardedServer& server) {
  // Chunked bodies declare no length: the largest any path takes (the editor checks its own).
  server.set_payload_max_length(o_.admin_body_limit ? std::max({o_.max_body_bytes, o_.admin_body_limit("/admin/x/image"),
                                                                o_.admin_body_limit("/admin/import/check")})
                                                    : o_.max_body_bytes);
  server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    return check_access(req, res) ? httplib::Server::HandlerResponse::Unhandled : httplib::Server::HandlerResponse::Handled;
  });
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "unknown";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    log::error("request " + req.method + " " + req.path + " failed: " + what);
    refuse(res, 500, "internal error");
  });
  server.Post("/v1/registrations", [this](const httplib::Request& req, httplib::Response& res) { registration(req, res); });
  server.Post(R"(/v1/kiosks/([A-Za-z0-9_.-]+)/status)", [this](const httplib::Request& req, httplib::Response& res) { heartbeat(req, res); });
  server.Get("/v1/kiosks", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(store_.kiosks().dump(), "application/json");
  });
  server.Post(R"(/v1/kiosks/([A-Za-z0-9_.-]+)/sync-now)", [this](const httplib::Request& req, httplib::Response& res) {
    res.status = store_.request_sync(req.matches[1]) ? 204 : 404;
  });
  server.Get(R"(/(.+))", [this](const httplib::Request& req, httplib::Response& res) { serve_static(req, res); });
}

void KioskApi::registration(const httplib::Request& req, httplib::Response& res) {
  delay();
  const std::string kiosk = kiosks_.holder_of(bearer(req)).value_or("");
  const BodyCheck check = check_registration_body(req.body, kiosk, req.get_header_value("Idempotency-Key"), o_.max_json_depth);
  if (check.status != 0) return refuse(res, check.status, check.why);
  const Registration& r = check.registration;
  for (const auto& rejected : o_.reject_offers)
    if (r.offer == rejected) return refuse(res, 422, "offer not taken");
  {
    std::lock_guard<std::mutex> lock(rng_mutex_);
    if (o_.fail_rate > 0 && std::uniform_real_distribution<double>(0, 1)(rng_) < o_.fail_rate) return void(res.status = 500);
  }
  switch (store_.add_registration(r, format_rfc3339(std::time(nullptr)))) {
    case BackendStore::Stored::New: res.status = 201; break;
    case BackendStore::Stored::Duplicate: res.status = 200; break;
    case BackendStore::Stored::Conflict:
      log::warning("registration " + r.id + " from " + kiosk + " posted again with other fields: 409, the first is kept");
      return refuse(res, 409, "this registration id was already used with other fields");
    case BackendStore::Stored::Failed: return refuse(res, 500, "the database did not take it");
  }
  if (commits_to_drop_.fetch_sub(1) > 0) {
    // Stored, but the reply never arrives whole: the provider gives up after the headers and
    // the server closes the connection, as when a network drops at the worst moment.
    res.set_content_provider(64, "application/json", [](size_t, size_t, httplib::DataSink&) { return false; });
  }
}

void KioskApi::heartbeat(const httplib::Request& req, httplib::Response& res) {
  delay();
  const std::string kiosk = kiosks_.holder_of(bearer(req)).value_or("");
  if (kiosk != req.matches[1]) return refuse(res, 403, "this token belongs to another kiosk");
  if (!json_nesting_within(req.body, o_.max_json_depth))
    return refuse(res, 400, "the JSON nests deeper than " + std::to_string(o_.max_json_depth) + " levels");
  const json body = json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return refuse(res, 400, "the body is not a JSON object");
  if (!store_.record_heartbeat(kiosk, body.dump(-1, ' ', false, json::error_handler_t::replace), format_rfc3339(std::time(nullptr))))
    return refuse(res, 500, "the database did not take it");
  if (store_.take_sync_request(kiosk)) return res.set_content(R"({"sync_now":true})", "application/json");
  res.status = 204;
}

void KioskApi::serve_static(const httplib::Request& req, httplib::Response& res) const {
  const std::string path = req.matches[1];
  if (o_.root.empty() || path.find("..") != std::string::npos || path.empty()) {
    res.status = 404;
    return;
  }
  std::ifstream in(o_.root + "/" + path, std::ios::binary);
  if (!in) {
    res.status = 404;
    return;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string body = buf.str();
  const std::string etag = "\"" + sha256_hex(body).substr(0, 24) + "\"";
  res.set_header("ETag", etag);
  if (req.get_header_value("If-None-Match") == etag) {
    res.status = 304;
    return;
  }
  const bool is_json = path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  res.set_content(body, is_json ? "application/json" : "application/octet-stream");
}

}  // namespace kiosk::backend
