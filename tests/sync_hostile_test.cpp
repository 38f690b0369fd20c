// Sync against servers that send what they should not: look-alike loopback addresses, a 304 to
// nothing asked, unsigned bytes that are not UTF-8, endless Retry-After, huge declarations and
// trickled bodies; and a cache that a kill left ahead of its trust or full of leftovers.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>

#include "kiosk/core/clock.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/backoff.hpp"
#include "kiosk/net/digest.hpp"
#include "kiosk/net/http_client.hpp"
#include "kiosk/store/atomic_file.hpp"
#include "nginx_server.hpp"
#include "support.hpp"
#include "sync_world.hpp"

using namespace kiosk;
using kiosk::test::World;
using kiosk::test::kKioskctl;
using kiosk::test::now;

TEST_CASE("the loopback exception is decided on the host curl connects to: userinfo and look-alike hosts are refused") {
  HttpLimits loopback;
  loopback.allow_http_loopback = true;
  HttpClient http(loopback);
  std::string why;
  for (const char* url : {"http://127.0.0.1@192.0.2.10:8080/", "http://127.0.0.1:1@192.0.2.10:8080/", "http://127.0.0.1.example.invalid/",
                          "http://localhost.example.invalid/", "http://127.0.0.1%2F@192.0.2.10/", "https://user:secret@kiosk.example/"}) {
    CAPTURE(url);
    CHECK_FALSE(http.allowed(url, why));
    const HttpResponse r = http.get(url, 100);
    CHECK(r.failure == HttpResponse::Failure::Refused);
  }
  CHECK(why.find("user name or password") != std::string::npos);
  for (const char* url : {"http://127.0.0.1:8080/manifest.json", "http://127.8.9.10/x", "http://localhost:80/", "http://[::1]:8080/"}) {
    CAPTURE(url);
    CHECK(http.allowed(url, why));
  }
}

TEST_CASE("an invalid UTF-8 byte in the signature's unsigned comment line stops neither kioskctl sync nor the kiosk's cache") {
  World w;
  w.publish(1, w.served);
  // The first line of the .minisig is covered by no signature: any server can put bytes there.
  std::string sig = test::read_file(w.served / "manifest.json.minisig");
  sig.insert(sig.find('\n'), " \xff\xfe\xc3");
  std::ofstream(w.served / "manifest.json.minisig", std::ios::binary) << sig;
  test::NginxServer nginx(w.served, w.big);
  const auto config = w.kiosk_json(nginx.url());
  std::string out;
  CHECK(test::run_command(kKioskctl + " sync --once --config " + config.string(), out) == 0);
  CHECK(out == "new version 1\n");
  // What a restart finds still verifies, and the next check is an ordinary "unchanged".
  CHECK(w.verified_cache_version() == 1);
  CHECK(test::run_command(kKioskctl + " sync --once --config " + config.string(), out) == 0);
  CHECK(out == "unchanged (version 1)\n");
}

TEST_CASE("Retry-After is clamped to an hour: a server cannot stop content sync for decades") {
  World w;
  w.publish(1, w.served);
  test::NginxServer nginx(w.served, w.big);
  HttpLimits limits;
  limits.allow_http_loopback = true;
  HttpClient http(limits);
  const HttpResponse r = http.get(nginx.url("busy-forever/manifest.json"), 1 << 16);
  CHECK(r.status == 429);
  REQUIRE(r.retry_after_s.has_value());
  CHECK(*r.retry_after_s == 3600);
  Backoff b(2, 900);
  CHECK(b.failed(r.retry_after_s, 0.5) <= 3600.0);
}

TEST_CASE("a 304 to a request that named no version is a failure, not \"unchanged\"") {
  World w;
  w.publish(1, w.served);
  test::NginxServer nginx(w.served, w.big);
  const SyncOutcome o = w.engine(nginx.url("always304/")).run_once(now());
  CHECK(o.kind == SyncOutcome::Kind::Failed);
  CHECK(o.reason.find("304") != std::string::npos);
  CHECK(load_trust_state(w.state).version == 0);
}

TEST_CASE("a verified cache ahead of trust.json is a floor: an older signed bundle is refused as a rollback") {
  World w;
  test::NginxServer nginx(w.served, w.big);
  w.publish(3, w.served);
  REQUIRE(w.engine(nginx.url()).run_once(now()).kind == SyncOutcome::Kind::NewVersion);
  // What an older program's kill left: the cache at 3, the trust at 1.
  std::string error;
  REQUIRE(save_trust_state(w.state, TrustState{1, "", -1}, error));
  kiosk::test::TempDir older;
  w.publish(2, older.path());
  std::filesystem::remove_all(w.served);
  std::filesystem::copy(older.path(), w.served, std::filesystem::copy_options::recursive);
  const SyncOutcome o = w.engine(nginx.url()).run_once(now());
  CHECK(o.kind == SyncOutcome::Kind::Rejected);
  CHECK(o.reason == "version 2 is older than the trusted version 3 (rollback)");
  CHECK(load_trust_state(w.state).version == 3);
  CHECK(w.verified_cache_version() == 3);
}

TEST_CASE("the cache keeps only what the current bundle names: old versions and half-written files go") {
  World w;
  test::NginxServer nginx(w.served, w.big);
  w.publish(1, w.served);
  REQUIRE(w.engine(nginx.url()).run_once(now()).kind == SyncOutcome::Kind::NewVersion);
  const auto files_in_cache = [&] {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(w.cache))
      if (e.is_regular_file()) out.push_back(std::filesystem::relative(e.path(), w.cache).string());
    std::sort(out.begin(), out.end());
    return out;
  };
  std::ofstream(w.cache / "content" / ".abc.json.tmp-1234") << "half";
  w.publish(2, w.served);
  REQUIRE(w.engine(nginx.url()).run_once(now()).kind == SyncOutcome::Kind::NewVersion);
  BundleManifest m;
  std::string error;
  REQUIRE(parse_manifest(test::read_file(w.served / "manifest.json"), m, error));
  CHECK(files_in_cache() == std::vector<std::string>{m.content.path, "current.json"});
  // A start tidies up too (a kill may have left something since).
  std::ofstream(w.cache / ".current.json.tmp-99") << "half";
  std::ofstream(w.cache / "content" / "0000.json") << "{}";
  const StartupContent s = load_startup_content({"", w.cache, w.state, {w.public_key_line()}, now()});
  CHECK(s.version == 2);
  CHECK(files_in_cache() == std::vector<std::string>{m.content.path, "current.json"});
}

TEST_CASE("a cached file of the right size but other bytes is replaced, not kept") {
  kiosk::test::TempDir dir;
  BundleCache cache(dir.path());
  std::string error;
  REQUIRE(cache.store(RawBundle{"m", "s", {{"content/x.json", "aaaa"}}}, error));
  REQUIRE(cache.store(RawBundle{"m", "s", {{"content/x.json", "bbbb"}}}, error));
  CHECK(test::read_file(dir.path() / "content" / "x.json") == "bbbb");
}

namespace {
// A bundle signed with the world's key by hand: what a server (or a stolen key) could publish.
void publish_by_hand(const World& w, const std::filesystem::path& dir, long version, const std::vector<std::string>& media) {
  std::string error;
  MinisignSecretKey secret;
  REQUIRE(minisign_parse_secret_key(test::read_file(w.key), secret, error));
  std::string content = "{\"schema\": \"berswordt-kiosk-content/1\"";
  for (const auto& src : test::read_sources(test::bundled_content())) {
    const std::string body = src.text.substr(src.text.find('{') + 1);
    content += "," + body.substr(body.find(',') + 1, body.rfind('}') - body.find(',') - 1);
  }
  content += "}";
  BundleManifest m;
  m.version = version;
  m.created = format_rfc3339(now() - 60);
  m.expires = format_rfc3339(now() + 86400);
  m.content = {"content/" + sha256_hex(content) + ".json", sha256_hex(content), content.size()};
  REQUIRE(write_file_atomically(dir / m.content.path, content, error));
  for (const auto& bytes : media) {
    m.media.push_back({"media/" + sha256_hex(bytes) + ".png", sha256_hex(bytes), bytes.size()});
    REQUIRE(write_file_atomically(dir / m.media.back().path, bytes, error));
  }
  const std::string manifest = manifest_to_json(m);
  REQUIRE(write_file_atomically(dir / "manifest.json", manifest, error));
  REQUIRE(write_file_atomically(dir / "manifest.json.minisig", minisign_sign(secret, manifest, "version=" + std::to_string(version)), error));
}
}  // namespace

TEST_CASE("declared sizes are capped: a manifest declaring a 10 GiB content file or huge pictures is refused before any download") {
  BundleManifest m;
  m.version = 2;
  m.created = "2030-01-01T00:00:00Z";
  m.expires = "2030-01-08T00:00:00Z";
  m.content = {"content/" + std::string(64, 'a') + ".json", std::string(64, 'a'), 10ull << 30};
  std::string error;
  BundleManifest parsed;
  CHECK_FALSE(parse_manifest(manifest_to_json(m), parsed, error));
  CHECK(error.find("more than the 64 MiB a content document may have") != std::string::npos);
  m.content.size = 1000;
  m.media.push_back({"media/" + std::string(64, 'b') + ".png", std::string(64, 'b'), 17ull << 20});
  CHECK_FALSE(parse_manifest(manifest_to_json(m), parsed, error));
  CHECK(error.find("more than the 16 MiB a picture may have") != std::string::npos);
}

TEST_CASE("downloads stream to disk: 45 MiB of pictures add little to a sync's peak memory") {
  World w;
  test::NginxServer nginx(w.served, w.big);
  publish_by_hand(w, w.served, 1, {});
  REQUIRE(w.engine(nginx.url()).run_once(now()).kind == SyncOutcome::Kind::NewVersion);
  {
    std::mt19937 rng(7);
    std::vector<std::string> media;
    for (int i = 0; i < 3; ++i) {
      std::string bytes(15u << 20, '\0');
      for (auto& c : bytes) c = static_cast<char>(rng());
      media.push_back(std::move(bytes));
    }
    publish_by_hand(w, w.served, 2, media);
  }
  // The sync runs in a child whose peak-RSS counter starts at its current size (clear_refs 5),
  // so what this test process holds does not count.
  int report[2];
  REQUIRE(pipe(report) == 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const auto kib = [](const char* field) {
      std::ifstream in("/proc/self/status");
      for (std::string line; std::getline(in, line);)
        if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
      return -1L;
    };
    std::ofstream("/proc/self/clear_refs") << "5";
    const long before = kib("VmRSS:");
    const SyncOutcome o = w.engine(nginx.url()).run_once(now());
    const long grew = kib("VmHWM:") - before;
    const std::string line = std::to_string(o.kind == SyncOutcome::Kind::NewVersion ? grew : -1) + "\n";
    (void)!::write(report[1], line.data(), line.size());
    _exit(0);
  }
  close(report[1]);
  char buf[64] = {};
  const ssize_t n = read(report[0], buf, sizeof buf - 1);
  close(report[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(n > 0);
  const long grew_kib = std::stol(buf);
  REQUIRE(grew_kib >= 0);  // the sync took version 2
  CHECK(w.verified_cache_version() == 2);
  MESSAGE("a sync of 45 MiB of pictures raised the peak RSS by " << grew_kib / 1024 << " MiB");
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer keeps freed blocks in its quarantine, so every chunk buffer of the
  // download stays counted; without it the growth is about 4 MiB.
  CHECK(grew_kib < 24 * 1024);
#else
  CHECK(grew_kib < 16 * 1024);  // far less than the pictures, which never sit in memory
#endif
}

TEST_CASE("a whole sync cycle has one deadline: a server trickling bytes is given up when it runs out") {
  World w;
  w.publish(1, w.served);
  test::NginxServer nginx(w.served, w.big);
  SyncSettings s;
  s.base_url = nginx.url("stall/");  // 10 bytes a second: the manifest alone would take minutes
  s.keys = {w.pub};
  s.cache_dir = w.cache;
  s.state_dir = w.state;
  s.limits.allow_http_loopback = true;
  s.limits.low_speed_bytes_per_s = 1;  // slow, but not slow enough for curl's own limit
  s.limits.low_speed_time_s = 600;
  s.cycle_limit_s = 3;
  const auto t0 = std::chrono::steady_clock::now();
  const SyncOutcome o = SyncEngine(s).run_once(now());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(o.kind == SyncOutcome::Kind::Failed);
  CHECK(seconds < 30);
  MESSAGE("gave up after " << seconds << " s: " << o.reason);
}
