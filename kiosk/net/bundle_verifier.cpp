#include "kiosk/net/bundle_verifier.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "kiosk/core/content_parser.hpp"
#include "kiosk/net/digest.hpp"

namespace kiosk {

namespace {

// The value of `name=value` among the trusted comment's space-separated words; "" when absent.
std::string trusted_word(const std::string& trusted, const std::string& name) {
  size_t at = 0;
  while (at < trusted.size()) {
    const size_t end = std::min(trusted.find(' ', at), trusted.size());
    const std::string_view word(trusted.data() + at, end - at);
    if (word.size() > name.size() && word.compare(0, name.size(), name) == 0 && word[name.size()] == '=')
      return std::string(word.substr(name.size() + 1));
    at = end + 1;
  }
  return {};
}

}  // namespace

ManifestCheck check_manifest(std::string_view manifest, std::string_view signature,
                             const std::vector<MinisignPublicKey>& keys, const std::string& channel) {
  ManifestCheck c;
  auto reject = [&](BundleRejection r, std::string why) {
    c.rejection = r;
    c.reason = std::move(why);
    return c;
  };
  if (manifest.size() > kManifestMaxBytes)
    return reject(BundleRejection::Malformed, "manifest.json is larger than " + std::to_string(kManifestMaxBytes) + " bytes");
  if (keys.empty()) return reject(BundleRejection::Signature, "no public key is configured, so no bundle can be trusted");
  std::string trusted, error;
  if (!minisign_verify(keys, manifest, signature, trusted, error)) return reject(BundleRejection::Signature, "bad signature: " + error);
  if (!parse_manifest(manifest, c.manifest, error)) return reject(BundleRejection::Malformed, error);
  const std::string tag = "version=" + std::to_string(c.manifest.version);
  const auto at = trusted.find(tag);
  if (at == std::string::npos || (at + tag.size() < trusted.size() && std::isdigit(static_cast<unsigned char>(trusted[at + tag.size()]))))
    return reject(BundleRejection::Signature, "the signature's trusted comment does not say " + tag);
  c.channel = trusted_word(trusted, "channel");
  if (c.channel != channel)
    return reject(BundleRejection::Signature,
                  channel.empty() ? "version " + std::to_string(c.manifest.version) + " is signed as channel=" + c.channel +
                                        ", not as live content; a kiosk shows it only as a preview in staff mode"
                                  : "version " + std::to_string(c.manifest.version) + " is signed as " +
                                        (c.channel.empty() ? std::string("live content") : "channel=" + c.channel) +
                                        ", not as channel=" + channel);
  return c;
}

bool check_digest(uint64_t size, const std::string& sha256, const BundleFile& f, std::string& reason) {
  if (size != f.size) {
    reason = f.path + " has " + std::to_string(size) + " bytes, the manifest says " + std::to_string(f.size);
    return false;
  }
  if (sha256 != f.sha256) {
    reason = f.path + " does not match its SHA-256 in the manifest (altered or damaged)";
    return false;
  }
  return true;
}

bool check_file(std::string_view bytes, const BundleFile& f, std::string& reason) {
  // The size first: a file of the wrong size is not worth hashing.
  return check_digest(bytes.size(), bytes.size() == f.size ? sha256_hex(bytes) : std::string(), f, reason);
}

bool images_listed(const ContentSnapshot& content, const BundleManifest& m, std::string& reason) {
  std::set<std::string_view> listed;
  for (const auto& f : m.media) listed.insert(f.path);
  auto check = [&](const std::string& image, const std::string& kind, const std::string& id) {
    if (image.empty() || listed.count(image) != 0) return true;
    reason = kind + " \"" + id + "\" shows " + image + ", which the manifest does not list";
    return false;
  };
  for (const auto& u : content.units)
    if (!check(u.image, "unit", u.id)) return false;
  for (const auto& o : content.offers)
    if (!check(o.image, "offer", o.id)) return false;
  return true;
}

std::optional<VerifiedBundle> verify_bundle(const RawBundle& b, const std::vector<MinisignPublicKey>& keys,
                                            long min_version, int64_t now, std::string& reason, const ContentSnapshot* fallback,
                                            const std::string& channel) {
  ManifestCheck c = check_manifest(b.manifest, b.signature, keys, channel);
  if (!c.ok()) return reason = c.reason, std::nullopt;
  if (c.manifest.version < min_version) {
    reason = "version " + std::to_string(c.manifest.version) + " is older than the trusted version " +
             std::to_string(min_version) + " (rollback)";
    return std::nullopt;
  }
  std::vector<BundleFile> files{c.manifest.content};
  files.insert(files.end(), c.manifest.media.begin(), c.manifest.media.end());
  for (const auto& f : files) {
    const auto it = b.files.find(f.path);
    if (it == b.files.end()) return reason = f.path + " is missing", std::nullopt;
    if (!check_file(it->second, f, reason)) return std::nullopt;
  }
  ContentParseResult parsed = parse_content_document(c.manifest.content.path, b.files.at(c.manifest.content.path), fallback);
  if (!parsed.ok()) {
    reason = "the content document is not valid: " + parsed.problems.front().to_string();
    if (parsed.problems.size() > 1) reason += " (and " + std::to_string(parsed.problems.size() - 1) + " more)";
    return std::nullopt;
  }
  if (!images_listed(*parsed.snapshot, c.manifest, reason)) return std::nullopt;
  VerifiedBundle v;
  v.manifest = std::move(c.manifest);
  v.snapshot = std::move(parsed.snapshot);
  v.expired = now >= v.manifest.expires_at;
  return v;
}

}  // namespace kiosk
