#pragma once
// The last verified bundle, kept in the cache directory so the kiosk restarts on it without a
// network. Content and media files are content-addressed, so a new bundle is written beside the
// old one; one atomic rename of current.json then switches from old to new. A kill at any
// moment leaves a complete old or a complete new bundle. Nothing here trusts the files:
// kiosk/net verifies what load() returns before anything reaches the screen.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace kiosk {

struct RawBundle {
  std::string manifest;   // manifest.json's exact bytes
  std::string signature;  // manifest.json.minisig
  std::map<std::string, std::string> files;  // "content/<sha>.json" → bytes
};

class BundleCache {
 public:
  explicit BundleCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

  bool store(const RawBundle& bundle, std::string& error);
  // Makes `manifest` the current bundle; its files must already be in place (a sync commits
  // its downloads first). One atomic rename of current.json.
  bool switch_to(const std::string& manifest, const std::string& signature, std::string& error);
  // The current bundle as it lies on disk, or nothing (with a reason) when there is none or a
  // file it names cannot be read.
  std::optional<RawBundle> load(std::string& error) const;
  // Removes every file the current manifest does not name: older content documents and
  // pictures, and temporary files that kills left half-written. Returns how many; nothing is
  // removed when there is no readable current manifest.
  size_t remove_unlisted() const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

// What the kiosk remembers across restarts about what it trusts (state directory).
//
// Order of writes when a new version arrives: the trusted version first (with `switching_from`,
// the version the cache still holds), then the cache, then the trust again without it. So no kill
// leaves the cache ahead of the trust; a kill between the first two leaves the cache one switch
// behind, which a start still shows (see min_cache_version) until the next sync completes it.
struct TrustState {
  long version = 0;         // highest bundle version accepted; lower ones are rollbacks
  std::string etag;         // of manifest.json, for If-None-Match
  long switching_from = -1; // while the cache is being switched: the version it held before

  // The oldest cached version a start may show: during a switch the one before it.
  long min_cache_version() const { return switching_from >= 0 ? std::min(switching_from, version) : version; }
};

TrustState load_trust_state(const std::filesystem::path& state_dir);
bool save_trust_state(const std::filesystem::path& state_dir, const TrustState& state, std::string& error);

}  // namespace kiosk
