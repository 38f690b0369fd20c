// Content sync against a real nginx on loopback serving what `kioskctl publish` wrote. After
// every bad answer the kiosk still holds the last good bundle, and the outcome says why.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>

#include <future>
#include <stb_image_write.h>
#include <random>
#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <thread>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/sync_worker.hpp"
#include "kiosk/platform/null_platform.hpp"
#include "kiosk/core/backoff.hpp"
#include "kiosk/net/bundle_verifier.hpp"
#include "kiosk/net/sync_engine.hpp"
#include "kiosk/net/digest.hpp"
#include "kiosk/store/atomic_file.hpp"
#include "kiosk/store/media_images.hpp"
#include "nginx_server.hpp"
#include "support.hpp"

using namespace kiosk;

namespace {

const std::string kKioskctl = std::string(KIOSK_BIN_DIR) + "/kioskctl";

int64_t now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// An admin with a key, a served folder, and a kiosk with cache and state folders.
struct World {
  test::TempDir tmp;
  std::filesystem::path key = tmp.path() / "admin.key";
  std::filesystem::path served = tmp.path() / "www";
  std::filesystem::path big = tmp.path() / "big";
  std::filesystem::path cache = tmp.path() / "cache";
  std::filesystem::path state = tmp.path() / "state";
  MinisignPublicKey pub;

  World() {
    std::string out, error;
    REQUIRE(test::run_command(kKioskctl + " keygen --key " + key.string(), out) == 0);
    REQUIRE(minisign_parse_public_key(test::read_file(key.string() + ".pub"), pub, error));
    std::filesystem::create_directories(served);
    std::filesystem::create_directories(big);
  }
  // The admin's public key as kiosk.json carries it.
  std::string public_key_line() const {
    const std::string file = test::read_file(key.string() + ".pub");
    return file.substr(file.find('\n') + 1, file.size() - file.find('\n') - 2);
  }
  // A kiosk.json for `kioskctl sync --once` against `url`, with this world's folders.
  std::filesystem::path kiosk_json(const std::string& url) const {
    const auto config = tmp.path() / "kiosk.json";
    std::ofstream(config) << R"({"backend": ")" << url << R"(", "allow_http_loopback": true, "public_keys": [")" << public_key_line()
                          << R"("], "state_dir": ")" << state.string() << R"(", "cache_dir": ")" << cache.string() << R"("})";
    return config;
  }
  void publish(long version, const std::filesystem::path& out_dir) {
    std::string out;
    REQUIRE_MESSAGE(test::run_command(kKioskctl + " publish " + test::bundled_content().string() + " --key " + key.string() +
                                          " --out " + out_dir.string() + " --version " + std::to_string(version), out) == 0,
                    out);
  }
  SyncEngine engine(const std::string& base, std::vector<MinisignPublicKey> keys = {}) const {
    SyncSettings s;
    s.base_url = base;
    s.keys = keys.empty() ? std::vector<MinisignPublicKey>{pub} : keys;
    s.cache_dir = cache;
    s.state_dir = state;
    s.limits.allow_http_loopback = true;
    s.limits.low_speed_time_s = 2;  // a stalled server is given up quickly in tests
    return SyncEngine(s);
  }
  // What a restart would find: the trusted version and a cache that verifies.
  long verified_cache_version() const {
    std::string reason;
    const auto raw = BundleCache(cache).load(reason);
    if (!raw) return 0;
    const auto v = verify_bundle(*raw, {pub}, load_trust_state(state).version, now(), reason);
    return v ? v->manifest.version : 0;
  }
  std::filesystem::path manifest_content(const std::filesystem::path& dir) const {
    BundleManifest m;
    std::string error;
    parse_manifest(test::read_file(dir / "manifest.json"), m, error);
    return dir / m.content.path;
  }
};

}  // namespace

TEST_CASE("sync against nginx: first sync, nothing changed (304), a newer version, then every refusal") {
  World w;
  w.publish(1, w.served);
  test::NginxServer nginx(w.served, w.big);

  SyncOutcome o = w.engine(nginx.url()).run_once(now());
  INFO(o.summary());
  REQUIRE(o.kind == SyncOutcome::Kind::NewVersion);
  CHECK(o.summary() == "new version 1");
  CHECK(o.snapshot->offers.size() == test::bundled_snapshot()->offers.size());
  CHECK(w.verified_cache_version() == 1);

  SUBCASE("unchanged: a conditional request, answered 304, downloads nothing") {
    CHECK(o.downloaded_bytes > 100000);  // the first sync fetched the bundle
    o = w.engine(nginx.url()).run_once(now());
    CHECK(o.summary() == "unchanged (version 1)");
    CHECK(o.not_modified);
    CHECK(o.downloaded_bytes == 0);
  }
  SUBCASE("a newer version replaces it") {
    w.publish(2, w.served);
    o = w.engine(nginx.url()).run_once(now());
    CHECK(o.summary() == "new version 2");
    CHECK(w.verified_cache_version() == 2);
    CHECK(load_trust_state(w.state).version == 2);
  }
  SUBCASE("rollback to an older version is refused") {
    w.publish(2, w.served);
    REQUIRE(w.engine(nginx.url()).run_once(now()).kind == SyncOutcome::Kind::NewVersion);
    const auto old_dir = w.tmp.path() / "old";
    w.publish(1, old_dir);
    std::filesystem::copy(old_dir, w.served, std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
    // A copy gets "now" as its time; nginx's ETag (seconds and size) must still differ from v2's.
    std::filesystem::last_write_time(w.served / "manifest.json",
                                     std::filesystem::last_write_time(w.served / "manifest.json") + std::chrono::seconds(10));
    o = w.engine(nginx.url()).run_once(now());
    CHECK(o.kind == SyncOutcome::Kind::Rejected);
    CHECK(o.reason == "version 1 is older than the trusted version 2 (rollback)");
    CHECK(w.verified_cache_version() == 2);
  }
  SUBCASE("a manifest changed after signing is refused") {
    w.publish(2, w.served);
    std::string m = test::read_file(w.served / "manifest.json"), error;
    m.replace(m.find("\"version\": 2"), 12, "\"version\": 22");  // another length: another ETag
    REQUIRE(write_file_atomically(w.served / "manifest.json", m, error));
    o = w.engine(nginx.url()).run_once(now());
    CHECK(o.kind == SyncOutcome::Kind::Rejected);
    CHECK(o.reason.find("bad signature: the signature does not match the file") == 0);
    CHECK(w.verified_cache_version() == 1);
  }
  SUBCASE("a bundle signed with a key the kiosk does not trust is refused") {
    w.publish(2, w.served);
    o = w.engine(nginx.url(), {minisign_generate().public_key}).run_once(now());
    CHECK(o.kind == SyncOutcome::Kind::Rejected);
    CHECK(o.reason.find("which is not among the trusted keys") != std::string::npos);
  }
  SUBCASE("a content file that does not match its hash is refused") {
    w.publish(2, w.served);
    const auto content = w.manifest_content(w.served);
    std::string bytes = test::read_file(content), error;
    bytes[bytes.size() / 2] = bytes[bytes.size() / 2] == 'a' ? 'b' : 'a';
    REQUIRE(write_file_atomically(content, bytes, error));
    o = w.engine(nginx.url()).run_once(now());
    CHECK(o.kind == SyncOutcome::Kind::Rejected);
    CHECK(o.reason.find("does not match its SHA-256 in the manifest") != std::string::npos);
    CHECK(w.verified_cache_version() == 1);
  }
  SUBCASE("an oversized manifest is cut off while it arrives") {
    std::string error;
    REQUIRE(write_file_atomically(w.big / "manifest.json", std::string(200 * 1024, ' '), error));
    o = w.engine(nginx.url("big/")).run_once(now());
    CHECK(o.kind == SyncOutcome::Kind::Rejected);
    CHECK(o.reason.find("sent more than 65536 bytes; stopped reading") != std::string::npos);
  }
  SUBCASE("an oversized content file, sent chunked with no length, is cut off at the declared size") {
    w.publish(2, w.served);
    const auto content = w.manifest_content(w.served);
    std::string error;
    REQUIRE(write_file_atomically(content, test::read_file(content) + std::string(100000, ' '), error));
    o = w.engine(nginx.url("gz/")).run_once(now());
    CHECK(o.kind == SyncOutcome::Kind::Rejected);
    CHECK(o.reason.find("is larger than the") != std::string::npos);
    CHECK(w.verified_cache_version() == 1);
  }
  SUBCASE("a server that stalls mid-body is given up (low-speed limit)") {
    w.publish(2, w.served);
    o = w.engine(nginx.url("stall/")).run_once(now());
    CHECK(o.kind == SyncOutcome::Kind::Failed);
    CHECK(o.reason.find("too slow") != std::string::npos);
    CHECK(w.verified_cache_version() == 1);
  }
  SUBCASE("500 and 429: failures to retry later, Retry-After honoured by the backoff") {
    o = w.engine(nginx.url("broken/")).run_once(now());
    CHECK(o.kind == SyncOutcome::Kind::Failed);
    CHECK(o.reason == "manifest.json: the server answered 500");
    o = w.engine(nginx.url("busy/")).run_once(now());
    CHECK(o.kind == SyncOutcome::Kind::Failed);
    CHECK(o.reason == "manifest.json: the server answered 429");
    REQUIRE(o.retry_after_s.has_value());
    CHECK(*o.retry_after_s == 7);
    Backoff backoff(2, 900);
    CHECK(backoff.failed(o.retry_after_s, 0.0) == doctest::Approx(7.0));  // never sooner than asked
    CHECK(w.verified_cache_version() == 1);
  }
  SUBCASE("the server is gone") {
    nginx.stop();
    o = w.engine(nginx.url()).run_once(now());
    CHECK(o.kind == SyncOutcome::Kind::Failed);
    CHECK(o.reason.find("Couldn't connect to server") != std::string::npos);
    CHECK(w.verified_cache_version() == 1);
  }
}

TEST_CASE("an expired bundle is not taken, what is shown stays") {
  World w;
  test::NginxServer nginx(w.served, w.big);
  w.publish(1, w.served);
  REQUIRE(w.engine(nginx.url()).run_once(now()).kind == SyncOutcome::Kind::NewVersion);
  w.publish(2, w.served);
  const SyncOutcome o = w.engine(nginx.url()).run_once(now() + 8 * 86400);  // a week and a day later
  CHECK(o.kind == SyncOutcome::Kind::Rejected);
  CHECK(o.reason.find("version 2 expired at") == 0);
  CHECK(load_trust_state(w.state).version == 1);
}

TEST_CASE("only https, or http to this machine when configured for tests") {
  HttpClient strict(HttpLimits{});
  std::string why;
  CHECK(strict.allowed("https://kiosk.example/manifest.json", why));
  CHECK_FALSE(strict.allowed("http://127.0.0.1:8080/manifest.json", why));
  CHECK(why == "refused http://127.0.0.1:8080/manifest.json: only https:// is allowed");
  HttpLimits loopback;
  loopback.allow_http_loopback = true;
  HttpClient test_client(loopback);
  CHECK(test_client.allowed("http://127.0.0.1:8080/manifest.json", why));
  CHECK_FALSE(test_client.allowed("http://kiosk.example/manifest.json", why));
  CHECK_FALSE(test_client.allowed("ftp://127.0.0.1/x", why));
  const HttpResponse r = strict.get("http://127.0.0.1:1/manifest.json", 100);
  CHECK(r.failure == HttpResponse::Failure::Refused);
}

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

TEST_CASE("backoff: full jitter, doubling up to the cap") {
  Backoff b(2, 900);
  CHECK(b.failed(std::nullopt, 0.999) == doctest::Approx(2 * 0.999));
  CHECK(b.failed(std::nullopt, 0.999) == doctest::Approx(4 * 0.999));
  CHECK(b.failed(std::nullopt, 0.5) == doctest::Approx(4.0));
  for (int i = 0; i < 20; ++i) b.failed(std::nullopt, 0.5);
  CHECK(b.failed(std::nullopt, 0.999) == doctest::Approx(900 * 0.999));
  CHECK(b.failed(std::nullopt, 0.0) == 0.0);
  b.succeeded();
  CHECK(b.failures() == 0);
}

TEST_CASE("kioskctl sync --once prints the outcome and exits 0 only on success or unchanged") {
  World w;
  w.publish(1, w.served);
  test::NginxServer nginx(w.served, w.big);
  const auto config = w.kiosk_json(nginx.url());
  std::string out;
  CHECK(test::run_command(kKioskctl + " sync --once --config " + config.string(), out) == 0);
  CHECK(out == "new version 1\n");
  CHECK(test::run_command(kKioskctl + " sync --once --config " + config.string(), out) == 0);
  CHECK(out == "unchanged (version 1)\n");
  nginx.stop();
  CHECK(test::run_command(kKioskctl + " sync --once --config " + config.string(), out) == 1);
  CHECK(out.find("failed: ") == 0);
}

TEST_CASE("the kiosk swaps in a synced bundle between frames, and its status says so") {
  World w;
  // The admin changes an offer's title and publishes.
  const auto edited = w.tmp.path() / "edited";
  std::filesystem::copy(test::bundled_content(), edited);
  std::string offers = test::read_file(edited / "offers.json"), error;
  const std::string old_title = "Lesepatin oder Lesepate in der Grundschule";
  offers.replace(offers.find(old_title), old_title.size(), "Lesepatin gesucht (neu)");
  REQUIRE(write_file_atomically(edited / "offers.json", offers, error));
  std::string out;
  REQUIRE(test::run_command(kKioskctl + " publish " + edited.string() + " --key " + w.key.string() + " --out " +
                                w.served.string() + " --version 1", out) == 0);
  test::NginxServer nginx(w.served, w.big);

  auto platform = std::make_unique<NullPlatform>();
  KioskApp app(std::move(platform), test::bundled_snapshot());
  REQUIRE(app.open({1080, 1920, false, "test"}, error));
  std::promise<void> delivered;
  SyncSettings settings;
  settings.base_url = nginx.url();
  settings.keys = {w.pub};
  settings.cache_dir = w.cache;
  settings.state_dir = w.state;
  settings.limits.allow_http_loopback = true;
  {
    SyncWorker worker(settings, 300, [&](SyncOutcome o) {
      auto index = o.snapshot ? std::make_shared<const SearchIndex>(*o.snapshot) : nullptr;
      app.post([&app, o, index] { app.apply_sync(o, index, now()); });
      delivered.set_value();
    });
    REQUIRE(delivered.get_future().wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  }  // the worker stops here
  app.run_posted();
  CHECK(app.content_status().version == 1);
  CHECK(app.content_status().last_error.empty());
  CHECK_FALSE(app.content_status().stale(now()));
  CHECK(app.content_status().stale(now() + 8 * 86400));
  const std::string synced_at = app.content_status().last_sync;
  CHECK_FALSE(synced_at.empty());
  // The same version read from the cache at start-up, arriving after the sync: it is not
  // shown again, and the status keeps saying when the last sync was.
  ContentStatus cached;
  cached.source = "cached bundle version 1";
  cached.version = 1;
  CHECK_FALSE(app.offer_startup_content(test::bundled_snapshot(), nullptr, cached));
  CHECK(app.content_status().source == "synced bundle version 1");
  app.set_content_status(cached);
  CHECK(app.content_status().last_sync == synced_at);
  std::string tap_error;
  app.driver().settle();
  REQUIRE(app.driver().tap("attract.start", tap_error));
  REQUIRE(app.driver().tap("home.offers", tap_error));
  const auto* card = app.ui().automation().find("offer.lesepaten-aplerbeck");
  REQUIRE(card != nullptr);
  CHECK(card->label == "Lesepatin gesucht (neu)");
}

TEST_CASE("stopping the worker cancels a transfer in flight within about a second") {
  World w;
  w.publish(1, w.served);
  test::NginxServer nginx(w.served, w.big);
  SyncSettings settings;
  settings.base_url = nginx.url("stall/");  // 10 bytes a second: the transfer would take minutes
  settings.keys = {w.pub};
  settings.cache_dir = w.cache;
  settings.state_dir = w.state;
  settings.limits.allow_http_loopback = true;
  settings.limits.low_speed_bytes_per_s = 1;  // keep it going: only stop() may end it
  settings.limits.low_speed_time_s = 600;
  std::atomic<int> deliveries{0};
  SyncWorker worker(settings, 300, [&](SyncOutcome) { ++deliveries; });
  // The transfer is in flight once the kernel shows a connection to nginx's port.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!test::connection_established(nginx.port()) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::yield();
  REQUIRE(test::connection_established(nginx.port()));
  const auto start = std::chrono::steady_clock::now();
  worker.stop();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < 1.5);
  CHECK(deliveries == 0);  // a cancelled cycle delivers nothing
}

TEST_CASE("crash safety: SIGKILL at random moments of 100 cache updates, every start finds a verified bundle") {
  World w;
  test::NginxServer nginx(w.served, w.big);
  w.publish(1, w.served);
  REQUIRE(w.engine(nginx.url()).run_once(now()).kind == SyncOutcome::Kind::NewVersion);
  const auto config = w.kiosk_json(nginx.url());
  // How long one whole sync takes here; kill points are spread over that span.
  w.publish(2, w.served);
  std::string out;
  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(test::run_command(kKioskctl + " sync --once --config " + config.string(), out) == 0);
  const auto full_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
  std::mt19937 rng(20261126);
  std::uniform_int_distribution<long> delay_us(0, full_us);
  int killed_midway = 0;
  for (int i = 0; i < 100; ++i) {
    CAPTURE(i);
    w.publish(i + 3, w.served);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      execl(kKioskctl.c_str(), "kioskctl", "sync", "--once", "--config", config.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    // A random kill point: this is fault injection, not waiting for something to happen.
    usleep(static_cast<useconds_t>(delay_us(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    killed_midway += WIFSIGNALED(status) ? 1 : 0;
    // What the next start of the kiosk finds: a bundle that passes every check.
    const StartupContent s = load_startup_content({"", w.cache, w.state, {w.public_key_line()}, now()});
    REQUIRE(s.snapshot);
    CHECK(s.source.rfind("cached bundle version ", 0) == 0);
    // The start shows nothing newer than it trusts: the cache never gets ahead of the trust
    // (a kill mid-switch leaves it one switch behind, which the next sync completes).
    const TrustState trust = load_trust_state(w.state);
    CHECK(s.version <= trust.version);
    CHECK(s.version >= trust.min_cache_version());
  }
  MESSAGE(killed_midway << " of 100 syncs were killed before they finished; trusted version now "
                         << load_trust_state(w.state).version);
  CHECK(killed_midway > 20);                           // most runs were cut short …
  CHECK(load_trust_state(w.state).version > 2);        // … and some got through to new versions
}

namespace {
// A small picture an editor might add: a 160×90 gradient.
void write_test_png(const std::filesystem::path& file) {
  std::vector<unsigned char> px(160 * 90 * 3);
  for (int y = 0; y < 90; ++y)
    for (int x = 0; x < 160; ++x) {
      unsigned char* p = &px[static_cast<size_t>(y * 160 + x) * 3];
      p[0] = static_cast<unsigned char>(x * 255 / 159);
      p[1] = static_cast<unsigned char>(y * 255 / 89);
      p[2] = 120;
    }
  std::filesystem::create_directories(file.parent_path());
  REQUIRE(stbi_write_png(file.c_str(), 160, 90, 3, px.data(), 160 * 3));
}
}  // namespace

TEST_CASE("pictures: published content-addressed, downloaded and hash-checked, shown on the detail screen") {
  World w;
  const auto edited = w.tmp.path() / "edited";
  std::filesystem::copy(test::bundled_content(), edited);
  write_test_png(edited / "media" / "lesen.png");
  std::string offers = test::read_file(edited / "offers.json"), error;
  offers.replace(offers.find("\"featured\": true"), 16, "\"featured\": true, \"image\": \"media/lesen.png\"");
  REQUIRE(write_file_atomically(edited / "offers.json", offers, error));
  std::string out;
  REQUIRE(test::run_command(kKioskctl + " publish " + edited.string() + " --key " + w.key.string() + " --out " +
                                w.served.string() + " --version 1", out) == 0);
  CHECK(out.find("1 images") != std::string::npos);
  BundleManifest m;
  REQUIRE(parse_manifest(test::read_file(w.served / "manifest.json"), m, error));
  REQUIRE(m.media.size() == 1);
  CHECK(m.media[0].path == "media/" + sha256_hex(test::read_file(edited / "media/lesen.png")) + ".png");

  test::NginxServer nginx(w.served, w.big);
  SUBCASE("an altered picture is refused like any other file") {
    std::string bytes = test::read_file(w.served / m.media[0].path);
    bytes[bytes.size() - 20] ^= 0x55;
    REQUIRE(write_file_atomically(w.served / m.media[0].path, bytes, error));
    const SyncOutcome o = w.engine(nginx.url()).run_once(now());
    CHECK(o.kind == SyncOutcome::Kind::Rejected);
    CHECK(o.reason.find(m.media[0].path + " does not match its SHA-256") == 0);
  }
  SUBCASE("a verified picture appears on the offer's screen") {
    const SyncOutcome o = w.engine(nginx.url()).run_once(now());
    REQUIRE(o.kind == SyncOutcome::Kind::NewVersion);
    const auto media = decode_media(w.cache, *o.snapshot);
    REQUIRE(media->size() == 1);
    CHECK(media->begin()->second.width == 160);

    auto platform = std::make_unique<NullPlatform>();
    NullPlatform* null = platform.get();
    KioskApp app(std::move(platform), test::bundled_snapshot());
    REQUIRE(app.open({1080, 1920, false, "test"}, error));
    app.apply_sync(o, nullptr, now());
    app.apply_media(media);
    CHECK(null->textures() == 1);
    app.ui().open({ScreenId::OfferDetail, "lesepaten-aplerbeck"});
    app.driver().settle();
    const auto* pic = app.ui().automation().find("offer.image");
    REQUIRE(pic != nullptr);
    CHECK(pic->rect.w / pic->rect.h == doctest::Approx(160.0 / 90.0).epsilon(0.01));
    app.apply_media(nullptr);  // content without pictures releases the textures
    CHECK(null->textures() == 0);
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
  CHECK(grew_kib < 16 * 1024);  // far less than the pictures, which never sit in memory
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
