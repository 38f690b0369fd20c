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
  // The current bundle as it lies on disk, or nothing (with a reason) when there is none or a
  // file it names cannot be read.
  std::optional<RawBundle> load(std::string& error) const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

// What the kiosk remembers across restarts about what it trusts (state directory).
struct TrustState {
  long version = 0;   // highest bundle version accepted; lower ones are rollbacks
  std::string etag;   // of manifest.json, for If-None-Match
};

TrustState load_trust_state(const std::filesystem::path& state_dir);
bool save_trust_state(const std::filesystem::path& state_dir, const TrustState& state, std::string& error);

}  // namespace kiosk
