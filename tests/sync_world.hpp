#pragma once
// What the sync tests share: an admin with a key, a served folder, and a kiosk with cache and
// state folders (World), the wall clock, and the kioskctl binary.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/net/minisign.hpp"
#include "kiosk/net/sync_engine.hpp"
#include "kiosk/store/bundle_cache.hpp"
#include "kiosk/net/bundle_verifier.hpp"
#include "support.hpp"

namespace kiosk::test {

const std::string kKioskctl = std::string(KIOSK_BIN_DIR) + "/kioskctl";

inline int64_t now() {
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


}  // namespace kiosk::test
