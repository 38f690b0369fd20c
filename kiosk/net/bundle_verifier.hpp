#pragma once
// The checks of PRODUCT.md §5 that need no network, in their order: manifest size, signature
// (with any configured key), version against the trusted one, expiry, each file's size and
// hash, the content document. The sync engine runs them on downloads, the app on the cache at
// start; nothing reaches the screen without passing all of them.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/net/minisign.hpp"
#include "kiosk/store/bundle_cache.hpp"

namespace kiosk {

enum class BundleRejection { None, Malformed, Signature, Rollback, FileSize, FileHash, Content };

struct ManifestCheck {
  BundleRejection rejection = BundleRejection::None;
  std::string reason;  // in words, for logs, the staff screen and kioskctl
  BundleManifest manifest;
  std::string channel;  // "channel=…" in the trusted comment; "" for live content
  bool ok() const { return rejection == BundleRejection::None; }
};

// Size cap, signature, "version=N" in the trusted comment, shape, and the channel: a bundle
// signed as another channel than `channel` ("" = live, "preview") is refused, so a preview
// that lands where kiosks fetch live content is never shown as live. No version policy here.
ManifestCheck check_manifest(std::string_view manifest, std::string_view signature,
                             const std::vector<MinisignPublicKey>& keys, const std::string& channel = "");

// A file against its manifest entry.
bool check_file(std::string_view bytes, const BundleFile& entry, std::string& reason);
// The same for a file hashed on its way to disk: its size and SHA-256 (hex).
bool check_digest(uint64_t size, const std::string& sha256, const BundleFile& entry, std::string& reason);

struct VerifiedBundle {
  BundleManifest manifest;
  SnapshotPtr snapshot;
  bool expired = false;  // past `expires`: shown, but marked stale
};

// Every check, for a bundle that is complete on hand (the cache). `min_version` is the trusted
// version: lower is a rollback.
// `fallback` fills what an older bundle lacks (see parse_content).
// Every picture the content names is a media file the manifest lists (and so was checked).
bool images_listed(const ContentSnapshot& content, const BundleManifest& manifest, std::string& reason);

std::optional<VerifiedBundle> verify_bundle(const RawBundle& bundle, const std::vector<MinisignPublicKey>& keys,
                                            long min_version, int64_t now, std::string& reason,
                                            const ContentSnapshot* fallback = nullptr, const std::string& channel = "");

}  // namespace kiosk
