// Signed bundles: what an admin publishes, what a kiosk accepts, and what it refuses. The
// minisign tool from Debian checks the format both ways.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include <fstream>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/net/bundle_verifier.hpp"
#include "kiosk/net/digest.hpp"
#include "kiosk/net/minisign.hpp"
#include "kiosk/store/atomic_file.hpp"
#include "kiosk/store/bundle_cache.hpp"
#include "kiosk/store/kiosk_config.hpp"
#include "support.hpp"

using namespace kiosk;

namespace {

const std::string kKioskctl = std::string(KIOSK_BIN_DIR) + "/kioskctl";

struct Admin {
  test::TempDir tmp;
  std::filesystem::path key = tmp.path() / "admin.key";
  std::filesystem::path out = tmp.path() / "out";
  std::string pub_line;  // "RW…" as kiosk.json holds it

  Admin() {
    std::string out_text;
    REQUIRE(test::run_command(kKioskctl + " keygen --key " + key.string(), out_text) == 0);
    const std::string pub = test::read_file(key.string() + ".pub");
    pub_line = pub.substr(pub.find('\n') + 1);
    pub_line.pop_back();
  }
  int publish(long version, std::string& out_text, const std::string& extra = "") const {
    return test::run_command(kKioskctl + " publish " + test::bundled_content().string() + " --key " + key.string() +
                                 " --out " + out.string() + " --version " + std::to_string(version) + " " + extra,
                             out_text);
  }
  RawBundle raw() const {
    RawBundle b;
    b.manifest = test::read_file(out / "manifest.json");
    b.signature = test::read_file(out / "manifest.json.minisig");
    BundleManifest m;
    std::string error;
    REQUIRE(parse_manifest(b.manifest, m, error));
    b.files[m.content.path] = test::read_file(out / m.content.path);
    return b;
  }
  std::vector<MinisignPublicKey> keys() const {
    MinisignPublicKey k;
    std::string error;
    REQUIRE(minisign_parse_public_key(pub_line, k, error));
    return {k};
  }
};

int64_t now() { return parse_rfc3339(format_rfc3339(std::time(nullptr))); }

}  // namespace

TEST_CASE("minisign format: sign, verify, and every kind of tampering is caught") {
  const auto kp = minisign_generate();
  const auto other = minisign_generate();
  const std::string sig = minisign_sign(kp.secret_key, "manifest bytes", "version=7");
  std::string comment, error;
  CHECK(minisign_verify({kp.public_key}, "manifest bytes", sig, comment, error));
  CHECK(comment == "version=7");
  CHECK(minisign_verify({other.public_key, kp.public_key}, "manifest bytes", sig, comment, error));  // key rotation
  CHECK_FALSE(minisign_verify({kp.public_key}, "manifest bytez", sig, comment, error));
  CHECK(error.find("does not match") != std::string::npos);
  CHECK_FALSE(minisign_verify({other.public_key}, "manifest bytes", sig, comment, error));
  CHECK(error.find("not among the trusted keys") != std::string::npos);
  std::string forged = sig;
  forged.replace(forged.find("version=7"), 9, "version=9");
  CHECK_FALSE(minisign_verify({kp.public_key}, "manifest bytes", forged, comment, error));
  CHECK(error == "the trusted comment was changed after signing");
  CHECK_FALSE(minisign_verify({kp.public_key}, "manifest bytes", "garbage", comment, error));
  // Keys round-trip through their files.
  MinisignPublicKey pub;
  MinisignSecretKey sec;
  REQUIRE(minisign_parse_public_key(minisign_public_key_file(kp.public_key), pub, error));
  REQUIRE(minisign_parse_secret_key(minisign_secret_key_file(kp.secret_key, kp.public_key), sec, error));
  CHECK(pub.key == kp.public_key.key);
  CHECK(sec.key == kp.secret_key.key);
}

TEST_CASE("minisign, both ways: the tool accepts what kioskctl signs, the kiosk what the tool signs") {
  Admin admin;
  std::string out;
  REQUIRE(admin.publish(1, out) == 0);
  CHECK(test::run_command("minisign -Vm " + (admin.out / "manifest.json").string() + " -p " + admin.key.string() + ".pub", out) == 0);
  CHECK(out.find("Trusted comment: version=1") != std::string::npos);

  // An admin who prefers the minisign tool: its keys and signatures, prehashed and legacy.
  const auto dir = admin.tmp.path();
  REQUIRE(test::run_command("cd " + dir.string() + " && minisign -G -W -p tool.pub -s tool.key", out) == 0);
  const std::string tool_pub = test::read_file(dir / "tool.pub");
  MinisignPublicKey key;
  std::string error;
  REQUIRE(minisign_parse_public_key(tool_pub, key, error));
  for (const char* legacy : {"", " -l"}) {
    CAPTURE(legacy);
    REQUIRE(test::run_command("cd " + dir.string() + " && cp out/manifest.json m.json && minisign -S" + legacy +
                                  " -s tool.key -m m.json -t version=1", out) == 0);
    const ManifestCheck c = check_manifest(test::read_file(dir / "m.json"), test::read_file(dir / "m.json.minisig"), {key});
    CHECK_MESSAGE(c.ok(), c.reason);
    CHECK(c.manifest.version == 1);
  }
  // kioskctl publishes with the tool's password-less key too.
  CHECK(test::run_command(kKioskctl + " publish " + test::bundled_content().string() + " --key " + (dir / "tool.key").string() +
                              " --out " + (dir / "out2").string() + " --version 1", out) == 0);
  CHECK(test::run_command("minisign -Vm " + (dir / "out2/manifest.json").string() + " -p " + (dir / "tool.pub").string(), out) == 0);
}

TEST_CASE("publish: versions only go up, invalid content is never published") {
  Admin admin;
  std::string out;
  REQUIRE(admin.publish(5, out) == 0);
  CHECK(out.find("published version 5") != std::string::npos);
  const std::string manifest = test::read_file(admin.out / "manifest.json");
  CHECK(admin.publish(5, out) == 1);
  CHECK(out.find("already holds version 5; publish a version above it") != std::string::npos);
  CHECK(admin.publish(4, out) == 1);
  CHECK(test::read_file(admin.out / "manifest.json") == manifest);  // nothing changed
  CHECK(admin.publish(6, out, "--expires-in soon") == 1);
  CHECK(out.find("--expires-in: expected a number and d, h or m") != std::string::npos);

  test::TempDir broken;
  std::filesystem::copy(test::bundled_content(), broken.path() / "c");
  std::filesystem::copy_file(test::source_dir() / "tests/fixtures/broken/unknown_district/offers.json",
                             broken.path() / "c/offers.json", std::filesystem::copy_options::overwrite_existing);
  CHECK(test::run_command(kKioskctl + " publish " + (broken.path() / "c").string() + " --key " + admin.key.string() +
                              " --out " + admin.out.string() + " --version 9", out) == 1);
  CHECK(out.find("found \"hoerde-sued\"") != std::string::npos);
  CHECK(out.find("nothing was published") != std::string::npos);
  CHECK(test::read_file(admin.out / "manifest.json") == manifest);
}

TEST_CASE("verification: a good bundle passes, rollback, altered files, wrong keys and broken content do not") {
  Admin admin;
  std::string out, reason;
  REQUIRE(admin.publish(3, out) == 0);
  const RawBundle good = admin.raw();
  auto v = verify_bundle(good, admin.keys(), 0, now(), reason);
  REQUIRE_MESSAGE(v, reason);
  CHECK(v->manifest.version == 3);
  CHECK(v->snapshot->offers.size() == test::bundled_snapshot()->offers.size());
  CHECK_FALSE(v->expired);
  CHECK(verify_bundle(good, admin.keys(), 3, now(), reason));  // the trusted version itself

  CHECK_FALSE(verify_bundle(good, admin.keys(), 4, now(), reason));
  CHECK(reason == "version 3 is older than the trusted version 4 (rollback)");

  RawBundle altered = good;
  altered.files.begin()->second[100] ^= 1;
  CHECK_FALSE(verify_bundle(altered, admin.keys(), 0, now(), reason));
  CHECK(reason.find("does not match its SHA-256") != std::string::npos);
  altered = good;
  altered.files.begin()->second += " ";
  CHECK_FALSE(verify_bundle(altered, admin.keys(), 0, now(), reason));
  CHECK(reason.find("the manifest says") != std::string::npos);

  CHECK_FALSE(verify_bundle(good, {minisign_generate().public_key}, 0, now(), reason));
  CHECK(reason.find("bad signature: signed with key") != std::string::npos);
  CHECK_FALSE(verify_bundle(good, {}, 0, now(), reason));
  CHECK(reason == "no public key is configured, so no bundle can be trusted");

  altered = good;
  altered.manifest.insert(altered.manifest.find("\"version\""), " ");
  CHECK_FALSE(verify_bundle(altered, admin.keys(), 0, now(), reason));
  CHECK(reason.find("bad signature") != std::string::npos);

  // Expired: still verified (shown), but marked stale.
  v = verify_bundle(good, admin.keys(), 0, now() + 8 * 86400, reason);
  REQUIRE(v);
  CHECK(v->expired);
}

TEST_CASE("manifest: only content-addressed paths, sizes and hashes in the right form") {
  BundleManifest m;
  std::string error;
  const std::string sha(64, 'a');
  auto manifest = [&](const std::string& path) {
    return std::string(R"({"format":"berswordt-kiosk-bundle/1","version":2,"created":"2026-11-26T10:00:00Z",)") +
           R"("expires":"2026-12-03T10:00:00+01:00","content":{"path":")" + path + R"(","sha256":")" + sha + R"(","size":10}})";
  };
  CHECK(parse_manifest(manifest("content/" + sha + ".json"), m, error));
  CHECK(m.expires_at == parse_rfc3339("2026-12-03T09:00:00Z"));
  CHECK_FALSE(parse_manifest(manifest("../../etc/passwd"), m, error));
  CHECK(error.find("content.path: expected \"content/<sha256>.<ext>\"") != std::string::npos);
  CHECK_FALSE(parse_manifest(manifest("content/" + sha + ".json/../x"), m, error));
  CHECK_FALSE(parse_manifest(std::string(kManifestMaxBytes + 1, ' '), m, error));
  CHECK(parse_rfc3339("gestern") == -1);
}

TEST_CASE("times for people: RFC 3339 for machines, day.month.year hour:minute in local time for the counter") {
  const int64_t t = parse_rfc3339("2026-12-03T10:00:00Z");
  CHECK(format_rfc3339(t) == "2026-12-03T10:00:00Z");
  const char* old_tz = std::getenv("TZ");
  const std::string saved = old_tz ? old_tz : "";
  setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);  // Berlin's rule, without needing tzdata
  tzset();
  CHECK(format_local_time(t) == "03.12.2026 11:00");  // CET in December
  if (old_tz) setenv("TZ", saved.c_str(), 1);
  else unsetenv("TZ");
  tzset();
}

// Found by the fuzzer: nlohmann throws out_of_range (not parse_error) for 1E366, and type_error
// from value() for a field of the wrong type. A hostile manifest must be rejected, not crash.
TEST_CASE("manifest: a huge number or a field of the wrong type is rejected with a reason") {
  BundleManifest m;
  std::string error;
  CHECK_FALSE(parse_manifest(R"({"format":"berswordt-kiosk-bundle/1","version":12E366})", m, error));
  CHECK(error == "manifest: not valid JSON");
  CHECK_FALSE(parse_manifest(R"({"format":"berswordt-kiosk-bundle/1","version":2,"created":5})", m, error));
  CHECK(error == "manifest: created: expected an RFC 3339 time");
  CHECK_FALSE(parse_manifest(R"({"format":["berswordt-kiosk-bundle/1"]})", m, error));
  CHECK(error.find("manifest: format: expected") == 0);
}

TEST_CASE("atomic files replace whole contents and leave no temporary files") {
  test::TempDir tmp;
  std::string error;
  REQUIRE(write_file_atomically(tmp.path() / "a.json", "old", error));
  REQUIRE(write_file_atomically(tmp.path() / "a.json", "new contents", error));
  CHECK(test::read_file(tmp.path() / "a.json") == "new contents");
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(tmp.path())) files += e.is_regular_file() ? 1 : 0;
  CHECK(files == 1);
  CHECK_FALSE(write_file_atomically("/proc/not-writable/x", "x", error));
  CHECK(error.find("/proc/not-writable") != std::string::npos);
}

TEST_CASE("start-up: verified cache, else bundled, a damaged cache is logged and ignored") {
  Admin admin;
  std::string out, error;
  REQUIRE(admin.publish(4, out) == 0);
  test::TempDir kiosk;
  const auto cache = kiosk.path() / "cache";
  const auto state = kiosk.path() / "state";
  REQUIRE(BundleCache(cache).store(admin.raw(), error));
  StartupInputs in{"", cache, state, {admin.pub_line}, now()};
  StartupContent s = load_startup_content(in);
  REQUIRE(s.snapshot);
  CHECK(s.source == "cached bundle version 4");
  CHECK(load_trust_state(state).version == 4);  // remembered, so older bundles are rollbacks from now on

  // No keys configured: the cache cannot be trusted.
  s = load_startup_content({"", cache, state, {}, now()});
  CHECK(s.source == "bundled content");

  // A truncated content file in the cache.
  BundleManifest m;
  REQUIRE(parse_manifest(admin.raw().manifest, m, error));
  const auto file = cache / m.content.path;
  std::filesystem::resize_file(file, std::filesystem::file_size(file) / 2);
  s = load_startup_content(in);
  REQUIRE(s.snapshot);
  CHECK(s.source == "bundled content");
  // An altered one of the right size.
  REQUIRE(write_file_atomically(file, std::string(m.content.size, 'x'), error));
  CHECK(load_startup_content(in).source == "bundled content");
  // Garbage instead of current.json.
  REQUIRE(write_file_atomically(cache / "current.json", "{", error));
  CHECK(load_startup_content(in).source == "bundled content");
}

TEST_CASE("configuration: defaults without a file, every mistake reported with its path") {
  test::TempDir tmp;
  auto c = load_config(tmp.path() / "missing.json");
  CHECK_FALSE(c.found);
  CHECK(c.problems.empty());
  CHECK(c.config.backend.empty());
  CHECK(c.config.poll_interval_s == 300);
  std::ofstream(tmp.path() / "kiosk.json") << R"({"kiosk_id": "berswordt-1", "backend": "ftp://x", "poll_interval_s": 2,
    "public_keys": ["RWQ…"], "allow_http_loopback": "yes", "unknown": 1})";
  c = load_config(tmp.path() / "kiosk.json");
  CHECK(c.found);
  CHECK(c.config.kiosk_id == "berswordt-1");
  REQUIRE(c.problems.size() == 3);
  CHECK(c.problems[0].to_string().find("$.backend: expected an https:// address") != std::string::npos);
  CHECK(c.problems[1].to_string().find("$.poll_interval_s: expected whole seconds, at least 10, found 2") != std::string::npos);
  CHECK(c.problems[2].to_string().find("$.allow_http_loopback: expected true or false") != std::string::npos);
  CHECK(c.config.poll_interval_s == 300);  // the default stands in for the mistake
}
