#pragma once
// manifest.json of a published bundle (PRODUCT.md §5): which content document and media
// files make up version N, their hashes and sizes, and until when the bundle may be shown as
// current. Parsing checks shape and paths only; signatures and hashes are checked in kiosk/net.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

inline constexpr const char* kBundleFormat = "berswordt-kiosk-bundle/1";
inline constexpr size_t kManifestMaxBytes = 64 * 1024;
// What a manifest may declare, whatever its signature: the content document (10,000 offers are
// about 17 MB), each picture, and how many pictures. A sync never downloads more than these.
inline constexpr uint64_t kContentMaxBytes = 64ull << 20;
inline constexpr uint64_t kMediaMaxBytes = 16ull << 20;
inline constexpr size_t kMediaMaxCount = 1000;

struct BundleFile {
  std::string path;    // "content/<sha256>.json" or "media/<sha256>.<ext>"
  std::string sha256;  // lower-case hex
  uint64_t size = 0;
};

struct BundleManifest {
  long version = 0;
  std::string created;  // RFC 3339
  std::string expires;
  int64_t expires_at = 0;  // seconds since the epoch
  BundleFile content;
  std::vector<BundleFile> media;
};

// False with a reason ("manifest: content.sha256: expected 64 hex digits") when malformed.
bool parse_manifest(std::string_view text, BundleManifest& out, std::string& error);
std::string manifest_to_json(const BundleManifest& m);

}  // namespace kiosk
