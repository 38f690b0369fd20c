#pragma once
// Builds, signs and writes a bundle (PRODUCT.md §5): the one implementation behind
// `kioskctl publish` and the web editor's "publish" and "publish to preview".
//
// The document is validated by the same parser the kiosk uses before anything is written;
// pictures are shipped content-addressed under media/; files go first and the manifest last,
// each atomically, so a server never announces what it does not hold yet.
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "kiosk/core/problem.hpp"
#include "kiosk/net/minisign.hpp"

namespace kiosk {

// What a signature says about its bundle in the trusted comment, beside "version=N".
// A preview is never shown by a kiosk as live content (see check_manifest).
inline constexpr const char* kPreviewChannel = "preview";

struct BundleRelease {
  long version = 0;
  long ttl_s = 7 * 86400;
  std::string channel;  // "" (live) or kPreviewChannel
  std::string signer = "kioskctl publish";  // in the untrusted comment, for people reading the file
};

struct BundleWritten {
  std::string expires;  // RFC 3339
  size_t offers = 0, units = 0, images = 0;
  Problems problems;  // why nothing was written, when the document is not valid
};

// Reads a picture a document names ("media/rathaus.jpg"), or nullopt when there is none.
using ImageReader = std::function<std::optional<std::string>(const std::string& name)>;

// Writes the bundle for `document` (every section in one object, images as names the reader
// resolves) into `out_dir`. Refuses, writing nothing, when the document has problems, an image
// is missing or not PNG/JPEG, or `out_dir` already holds this version or a later one.
bool write_bundle(nlohmann::json document, const ImageReader& read_image, const MinisignSecretKey& key,
                  const std::filesystem::path& out_dir, const BundleRelease& release, BundleWritten& written,
                  std::string& message);

// "7d" → seconds ("12h", "30m" too); -1 when not understood.
long parse_duration(const std::string& text);

// Writes a signing key pair: `secret_path` (mode 0600) and `secret_path`.pub; refuses to
// overwrite either. `message` says where they are and the line kiosks need.
bool keygen(const std::filesystem::path& secret_path, std::string& message);

// The version of the bundle in `dir` (its manifest, unverified), or 0.
long published_version(const std::filesystem::path& dir);

}  // namespace kiosk
