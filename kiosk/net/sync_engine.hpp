#pragma once
// One content sync cycle (PRODUCT.md §5), in the order the brief fixes: manifest (conditional,
// size-capped), signature, version against the trusted one, expiry, each file's size and hash,
// the content document. Only a bundle that passes everything is written to the cache
// (atomically) and its version trusted. Runs on a worker thread; blocking is fine here.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/net/http_client.hpp"
#include "kiosk/net/minisign.hpp"

namespace kiosk {

struct SyncSettings {
  std::string base_url;  // the folder that holds manifest.json
  std::vector<MinisignPublicKey> keys;
  std::filesystem::path cache_dir;
  std::filesystem::path state_dir;
  HttpLimits limits;
  SnapshotPtr fallback;  // the bundled content: fills what older bundles lack
  long cycle_limit_s = 900;  // one sync cycle, all requests together
  std::string channel;       // "" for live content; "preview" for staff mode's preview (see check_manifest)
};

struct SyncOutcome {
  enum class Kind { NewVersion, Unchanged, Rejected, Failed };
  Kind kind = Kind::Failed;
  std::string reason;  // in words: why rejected or failed
  long version = 0;    // the version now trusted
  SnapshotPtr snapshot;  // set with NewVersion
  std::string expires;   // of the trusted bundle, RFC 3339, when known
  std::string created;   // of a new bundle, RFC 3339
  bool server_answered = false;  // an HTTP answer arrived (the backend is reachable, whatever it said)
  std::optional<long> retry_after_s;
  bool not_modified = false;     // the server answered the conditional request with 304
  size_t downloaded_bytes = 0;   // bodies received in this cycle
  bool ok() const { return kind == Kind::NewVersion || kind == Kind::Unchanged; }
  std::string summary() const;  // "new version 4", "unchanged (version 4)", "rejected: …", "failed: …"
};

class SyncEngine {
 public:
  SyncEngine(SyncSettings settings, const std::atomic<bool>* cancel = nullptr);
  SyncOutcome run_once(int64_t now);

 private:
  SyncOutcome run_cycle(int64_t now);
  // The version of the cached bundle if it verifies (any version), else 0; read once.
  long cached_version(int64_t now);
  bool cache_holds(long version, int64_t now);
  std::string time_is_up();  // "" while the cycle has time left (and the client is told how much)
  bool answered_ = false;
  SyncSettings settings_;
  HttpClient http_;
  long cached_version_ = -1;
  std::chrono::steady_clock::time_point deadline_;  // verified at the first cycle, then kept up to date
};

}  // namespace kiosk
