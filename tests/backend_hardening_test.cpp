// kiosk-backend as an attacker and an unlucky operator meet it: oversized and deeply nested
// bodies, replayed and stolen registration ids, guessed tokens, slow and idle connections, a
// second instance on the same port, sealed values that are not sealed boxes, an export of
// rows the agency's key opens to garbage, and the web editor's front door. Each runs against the real backend on loopback, and
// where a reverse proxy changes what a client sees, also through the shipped nginx snippets.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <doctest/doctest.h>
#include <fstream>
#include <httplib.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "backend_server.hpp"
#include "kiosk/net/http_client.hpp"
#include "kiosk/net/random_id.hpp"
#include "kiosk/net/sealed_box.hpp"
#include "nginx_server.hpp"
#include "support.hpp"

namespace {

using json = nlohmann::json;
using kiosk::test::BackendServer;
using kiosk::test::NginxServer;

const std::string kBackend = std::string(KIOSK_BIN_DIR) + "/kiosk-backend";
const std::string kSecondKiosk = "foyer-2";
const std::string kSecondToken = "token-foyer-2-0123456789abcdef";

int port_of(const std::string& url) { return std::stoi(url.substr(url.rfind(':') + 1)); }

// The backend alone, or behind the shipped nginx snippets as agencies deploy it.
struct Deployment {
  explicit Deployment(bool through_proxy, std::vector<std::string> extra = {}) {
    extra.insert(extra.end(), {"--token", kSecondKiosk + "=" + kSecondToken});
    if (through_proxy) extra.insert(extra.end(), {"--trusted-proxy", "127.0.0.1"});
    backend = std::make_unique<BackendServer>(tmp.path() / "backend.sqlite", tmp.path() / "www", extra);
    if (through_proxy) proxy = std::make_unique<NginxServer>(NginxServer::ProxyFor{port_of(backend->url())});
  }
  std::string url(const std::string& path = "") const { return proxy ? proxy->url(path) : backend->url() + path; }
  int port() const { return proxy ? proxy->port() : port_of(backend->url()); }
  kiosk::test::TempDir tmp;
  std::unique_ptr<BackendServer> backend;
  std::unique_ptr<NginxServer> proxy;
};

kiosk::HttpResponse post(const std::string& url, const std::string& body, const std::string& token,
                         const std::string& idempotency_key = "") {
  kiosk::HttpLimits limits;
  limits.allow_http_loopback = true;
  limits.total_timeout_s = 5;
  kiosk::HttpClient http(limits);
  std::vector<std::string> headers{"Content-Type: application/json", "Authorization: Bearer " + token};
  if (!idempotency_key.empty()) headers.push_back("Idempotency-Key: " + idempotency_key);
  return http.post(url, body, headers, 1 << 16);
}

kiosk::HttpResponse heartbeat(const Deployment& d, const std::string& body = R"({"content_version":3})") {
  return post(d.url("v1/kiosks/" + std::string(BackendServer::kKiosk) + "/status"), body, BackendServer::kToken);
}

std::string registration(const std::string& id, const std::string& kiosk, const std::string& offer, const std::string& sealed) {
  return json{{"id", id}, {"kiosk", kiosk}, {"offer", offer}, {"created", "2026-11-30T10:00:00Z"}, {"consent_version", "2025-01"},
              {"sealed", sealed}}
      .dump();
}

std::string sealed_for_anyone() {
  const kiosk::BoxKeyPair keys = kiosk::box_generate();
  return kiosk::seal(R"({"first_name":"A"})", keys.public_key);
}

// A plain TCP connection, for what no well-behaved HTTP client does.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  bool connected() const { return connected_; }
  // Sends what the socket takes now, without waiting for a server that stopped reading.
  size_t send_some(const std::string& bytes) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    return n > 0 ? static_cast<size_t>(n) : 0;
  }
  // The response's status line, once it arrives (or "" after `timeout_ms`).
  std::string status_line(int timeout_ms) {
    std::string got;
    char buf[4096];
    while (got.find("\r\n") == std::string::npos) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, timeout_ms) <= 0) break;
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      got.append(buf, static_cast<size_t>(n));
    }
    return got.substr(0, got.find("\r\n"));
  }

 private:
  int fd_;
  bool connected_ = false;
};

long peak_rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

}  // namespace

TEST_CASE("backend: a declared body over 32 KiB gets 413 before it is read, 16 parallel 100 MB uploads leave its memory small") {
  for (const bool through_proxy : {false, true}) {
    CAPTURE(through_proxy);
    Deployment d(through_proxy);
    // Its peak after start (the editor's content import included), as the baseline.
    REQUIRE(heartbeat(d).status == 204);
    const long at_start = peak_rss_kib(d.backend->pid());
    std::vector<std::unique_ptr<RawConnection>> uploads;
    const std::string megabyte(1 << 20, 'x');
    for (int i = 0; i < 16; ++i) {
      uploads.push_back(std::make_unique<RawConnection>(d.port()));
      REQUIRE(uploads.back()->connected());
      uploads.back()->send_some("POST /v1/registrations HTTP/1.1\r\nHost: kiosk\r\nContent-Type: application/json\r\n"
                                "Content-Length: 104857600\r\n\r\n");
      uploads.back()->send_some(megabyte);
    }
    for (auto& u : uploads) CHECK(u->status_line(10000).rfind("HTTP/1.1 413", 0) == 0);
    // Nothing of the bodies was kept: 1.6 GB were sent, the backend's peak barely moves.
    const long grew = peak_rss_kib(d.backend->pid()) - at_start;
    MESSAGE("16 uploads of 100 MB raised the backend's peak RSS by " << grew / 1024 << " MiB (" << at_start / 1024 << " MiB at start)");
    CHECK(grew < 16 * 1024);
    // And it still answers a kiosk.
    CHECK(heartbeat(d).status == 204);
  }
}

TEST_CASE("backend: a chunked body, which declares no size, gets 411 before it is read") {
  Deployment d(false);
  RawConnection c(d.port());
  REQUIRE(c.connected());
  c.send_some("POST /v1/registrations HTTP/1.1\r\nHost: kiosk\r\nContent-Type: application/json\r\n"
              "Transfer-Encoding: chunked\r\n\r\n100000\r\n");
  c.send_some(std::string(1 << 16, 'x'));
  CHECK(c.status_line(10000).rfind("HTTP/1.1 411", 0) == 0);
  CHECK(heartbeat(d).status == 204);
}

TEST_CASE("backend: JSON nested deeper than 16 levels gets 400, 200,000 levels are refused by size, and the backend goes on") {
  for (const bool through_proxy : {false, true}) {
    CAPTURE(through_proxy);
    Deployment d(through_proxy);
    const auto deep = heartbeat(d, std::string(15000, '[') + std::string(15000, ']'));
    CHECK(deep.status == 400);
    CHECK(deep.body.find("nests deeper") != std::string::npos);
    CHECK(heartbeat(d, R"({"a":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]})").status == 400);
    CHECK(heartbeat(d, std::string(200000, '[')).status == 413);
    CHECK(heartbeat(d).status == 204);
  }
}

TEST_CASE("backend: the same registration id again with other fields gets 409 and the first one is kept") {
  Deployment d(false);
  const std::string id = kiosk::new_uuid(), sealed = sealed_for_anyone();
  const std::string url = d.url("v1/registrations");
  CHECK(post(url, registration(id, BackendServer::kKiosk, "tafel-hoerde", sealed), BackendServer::kToken, id).status == 201);
  CHECK(post(url, registration(id, BackendServer::kKiosk, "tafel-hoerde", sealed), BackendServer::kToken, id).status == 200);
  const auto conflict = post(url, registration(id, BackendServer::kKiosk, "lesepaten-eving", sealed), BackendServer::kToken, id);
  CHECK(conflict.status == 409);
  CHECK(conflict.body.find("already used with other fields") != std::string::npos);
  CHECK(post(url, registration(id, BackendServer::kKiosk, "tafel-hoerde", sealed_for_anyone()), BackendServer::kToken, id).status == 409);
  CHECK(d.backend->registrations() == std::vector<std::string>{id + " tafel-hoerde"});
}

TEST_CASE("backend: another kiosk that posts a kiosk's registration id first cannot make the real one vanish") {
  Deployment d(false);
  const std::string id = kiosk::new_uuid(), url = d.url("v1/registrations");
  CHECK(post(url, registration(id, kSecondKiosk, "tafel-hoerde", sealed_for_anyone()), kSecondToken, id).status == 201);
  // The real kiosk's registration with that id is new, not a "duplicate" to be deleted from its outbox.
  CHECK(post(url, registration(id, BackendServer::kKiosk, "lesepaten-eving", sealed_for_anyone()), BackendServer::kToken, id).status == 201);
  CHECK(d.backend->registrations() == std::vector<std::string>{id + " tafel-hoerde", id + " lesepaten-eving"});
  // Nor can it post in the other kiosk's name.
  CHECK(post(url, registration(kiosk::new_uuid(), BackendServer::kKiosk, "x", sealed_for_anyone()), kSecondToken).status == 403);
}

TEST_CASE("backend: tokens shorter than 128 bits are refused at start, without printing them") {
  kiosk::test::TempDir tmp;
  std::string out;
  const std::string db = " --port 0 --db " + (tmp.path() / "b.sqlite").string();
  CHECK(kiosk::test::run_command(kBackend + db + " --token berswordt-1=short-token-123", out) == 2);
  CHECK(out.find("berswordt-1") != std::string::npos);
  CHECK(out.find("at least 22") != std::string::npos);
  CHECK(out.find("short-token-123") == std::string::npos);
  CHECK(kiosk::test::run_command(kBackend + db + " --admin-token admin", out) == 2);
  CHECK(out.find("at least 22") != std::string::npos);
  std::ofstream(tmp.path() / "tokens") << "# kiosks\nberswordt-1=abc\n";
  CHECK(kiosk::test::run_command(kBackend + db + " --tokens-file " + (tmp.path() / "tokens").string(), out) == 2);
  CHECK(out.find("at least 22") != std::string::npos);
}

TEST_CASE("backend: a client that keeps sending wrong tokens is answered 429 with Retry-After, the right token still works") {
  for (const bool through_proxy : {false, true}) {
    CAPTURE(through_proxy);
    Deployment d(through_proxy);
    const std::string url = d.url("v1/kiosks/berswordt-1/status");
    for (int i = 0; i < 10; ++i) CHECK(post(url, "{}", "guess-" + std::to_string(i) + "-0123456789abcdefgh").status == 401);
    const auto braked = post(url, "{}", "guess-10-0123456789abcdefgh");
    CHECK(braked.status == 429);
    REQUIRE(braked.retry_after_s.has_value());
    CHECK(*braked.retry_after_s >= 1);
    CHECK(*braked.retry_after_s <= 900);
    CHECK(post(url, "{}", "").status == 429);
    CHECK(heartbeat(d).status == 204);
  }
}

TEST_CASE("backend: slow-header clients and 2,000 idle connections do not keep a kiosk's heartbeat waiting") {
  rlimit r{};
  getrlimit(RLIMIT_NOFILE, &r);
  r.rlim_cur = std::min<rlim_t>(r.rlim_max, 8192);
  setrlimit(RLIMIT_NOFILE, &r);
  REQUIRE(r.rlim_cur >= 4096);
  for (const bool through_proxy : {false, true}) {
    CAPTURE(through_proxy);
    Deployment d(through_proxy);
    std::vector<std::unique_ptr<RawConnection>> slow, idle;
    for (int i = 0; i < 16; ++i) {
      slow.push_back(std::make_unique<RawConnection>(d.port()));
      REQUIRE(slow.back()->connected());
    }
    for (int i = 0; i < 2000; ++i) {
      idle.push_back(std::make_unique<RawConnection>(d.port()));
      REQUIRE(idle.back()->connected());
    }
    // The slow clients send their header a byte at a time, twice a second, all along.
    std::atomic<bool> done{false};
    std::thread dripper([&] {
      const std::string header = "POST /v1/kiosks/berswordt-1/status HTTP/1.1\r\nHost: kiosk\r\nX-Padding: ";
      for (size_t i = 0; !done; ++i) {
        for (auto& s : slow) s->send_some(std::string(1, i < header.size() ? header[i] : 'x'));
        for (int w = 0; w < 10 && !done; ++w) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    });
    // Every heartbeat is answered within the client's 5 s, again and again.
    for (int i = 0; i < 5; ++i) CHECK(heartbeat(d).status == 204);
    done = true;
    dripper.join();
  }
}

TEST_CASE("backend: a second backend on a port in use refuses to start and says which port") {
  Deployment d(false);
  const int port = port_of(d.backend->url());
  std::string out;
  CHECK(kiosk::test::run_command(kBackend + " --port " + std::to_string(port) + " --db " + (d.tmp.path() / "second.sqlite").string(), out) == 1);
  CHECK(out.find("port " + std::to_string(port) + " is in use") != std::string::npos);
  CHECK(out.find("listening") == std::string::npos);
  CHECK(heartbeat(d).status == 204);
}

TEST_CASE("backend: a sealed value that cannot be a sealed box gets 422 and nothing is stored") {
  Deployment d(false);
  const std::string url = d.url("v1/registrations");
  for (const std::string& sealed : {std::string("!!!not base64!!!"), std::string("AAAAAAAAAAAAAA=="), std::string(200, '*')}) {
    CAPTURE(sealed);
    const std::string id = kiosk::new_uuid();
    const auto res = post(url, registration(id, BackendServer::kKiosk, "tafel-hoerde", sealed), BackendServer::kToken, id);
    CHECK(res.status == 422);
    CHECK(res.body.find("sealed") != std::string::npos);
  }
  CHECK(d.backend->registrations().empty());
}

TEST_CASE("registrations export: a row of the wrong types is skipped and named, formulas are neutralised, CR is quoted") {
  Deployment d(false);
  const std::string keyfile = (d.tmp.path() / "agency.key").string();
  const std::string kioskctl = std::string(KIOSK_BIN_DIR) + "/kioskctl";
  std::string out;
  REQUIRE(kiosk::test::run_command(kioskctl + " registrations keygen --secret-key " + keyfile, out) == 0);
  const json key = json::parse(std::ifstream(keyfile));
  std::array<uint8_t, 32> pub{};
  REQUIRE(kiosk::box_key_from_base64(key["public_key"].get<std::string>(), pub));
  const std::string good = kiosk::new_uuid(), bad = kiosk::new_uuid(), url = d.url("v1/registrations");
  const json personal{{"first_name", "=HYPERLINK(\"http://evil\",\"x\")"}, {"last_name", "@SUM(1+1)"}, {"phone", "+49 231 1234"},
                      {"message", "line one\rline two"}, {"age_confirmed", true}};
  REQUIRE(post(url, registration(good, BackendServer::kKiosk, "tafel-hoerde", kiosk::seal(personal.dump(), pub)), BackendServer::kToken, good)
              .status == 201);
  REQUIRE(post(url, registration(bad, BackendServer::kKiosk, "tafel-hoerde", kiosk::seal(R"({"first_name":5,"email":["a"]})", pub)),
               BackendServer::kToken, bad)
              .status == 201);
  const int rc = kiosk::test::run_command(kioskctl + " registrations export --csv --db " + (d.tmp.path() / "backend.sqlite").string() +
                                              " --secret-key " + keyfile,
                                          out);
  CHECK(rc == 1);  // something was skipped, and the exit says so
  CHECK(out.find("registration " + bad + ": first_name has the wrong type; skipped") != std::string::npos);
  CHECK(out.find("1 registrations exported, 1 skipped") != std::string::npos);
  CHECK(out.find(good) != std::string::npos);
  CHECK(out.find(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",") != std::string::npos);
  CHECK(out.find(",'@SUM(1+1),") != std::string::npos);
  CHECK(out.find(",'+49 231 1234,") != std::string::npos);
  CHECK(out.find(",\"line one\rline two\",") != std::string::npos);
}

TEST_CASE("backend: the web editor alone and behind the shipped nginx snippets") {
  for (const bool through_proxy : {false, true}) {
    CAPTURE(through_proxy);
    Deployment d(through_proxy);
    httplib::Client c("127.0.0.1", d.port());
    c.set_read_timeout(10, 0);
    // A client cannot claim https for itself: nginx sets X-Forwarded-Proto from its own scheme,
    // and without a trusted proxy the header is ignored.
    const auto page = c.Get("/admin/sign-in", {{"X-Forwarded-Proto", "https"}});
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("Anmelden") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
    const std::string cookie = page->get_header_value("Set-Cookie");
    CHECK(cookie.find("HttpOnly") != std::string::npos);
    CHECK(cookie.find("Secure") == std::string::npos);
    const auto signed_out = c.Get("/admin/offers");
    REQUIRE(signed_out);
    CHECK(signed_out->status == 303);
    CHECK(c.Post("/admin/publish/live", "csrf=x", "application/x-www-form-urlencoded")->status == 403);
    // A spreadsheet of 10 MB gets through to the editor (which wants a session: 403).
    CHECK(c.Post("/admin/import/check", std::string(10u << 20, 'x'), "text/csv")->status == 403);
    // Forms have 512 KiB at the backend; nginx lets pictures through (6 MB) and spreadsheets
    // (34 MB), and stops more. Raw sockets: the answer comes before the body is sent, and
    // writing on would be a SIGPIPE.
    for (const auto& [path, bytes] : {std::pair<std::string, size_t>{"/admin/offers/x", 1u << 20}, {"/admin/offers/x/image", 7u << 20},
                                      {"/admin/import/check", 40u << 20}}) {
      RawConnection raw(d.port());
      REQUIRE(raw.connected());
      raw.send_some("POST " + path + " HTTP/1.1\r\nHost: kiosk\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    "Content-Length: " + std::to_string(bytes) + "\r\n\r\n");
      // nginx reads a body it takes whole before the backend sees it; one over its limit it refuses at once.
      raw.send_some(std::string(bytes < (6u << 20) ? bytes : 64 * 1024, 'x'));
      CAPTURE(path);
      CHECK(raw.status_line(10000).rfind("HTTP/1.1 413", 0) == 0);
    }
    CHECK(heartbeat(d).status == 204);
  }
}
