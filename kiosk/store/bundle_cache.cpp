#include "kiosk/store/bundle_cache.hpp"

#include <nlohmann/json.hpp>
#include <set>

#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/core/content_parser.hpp"
#include "kiosk/store/atomic_file.hpp"

namespace kiosk {

namespace {

// A minisign signature's first line ("untrusted comment: …") is covered by no signature, so a
// server can put any bytes there. Bytes outside printable ASCII become \xNN: the signature
// still verifies (the line is not signed), and JSON never meets invalid UTF-8.
std::string with_escaped_untrusted_comment(const std::string& signature) {
  const size_t end = signature.find('\n');
  const std::string first = signature.substr(0, end);
  std::string escaped;
  for (const unsigned char c : first) {
    if (c >= 0x20 && c < 0x7f) {
      escaped += static_cast<char>(c);
    } else {
      static const char* hex = "0123456789abcdef";
      escaped += {'\\', 'x', hex[c >> 4], hex[c & 15]};
    }
  }
  return end == std::string::npos ? escaped : escaped + signature.substr(end);
}

}  // namespace

using json = nlohmann::json;

bool BundleCache::store(const RawBundle& b, std::string& error) {
  for (const auto& [path, bytes] : b.files) {
    const auto target = dir_ / path;
    // Content-addressed names promise the bytes, but a damaged disk or a kill can break the
    // promise: only a file that is byte for byte the same is kept.
    std::error_code ec;
    if (std::filesystem::exists(target, ec) && std::filesystem::file_size(target, ec) == bytes.size()) {
      const auto existing = read_whole_file(target, bytes.size());
      if (existing && *existing == bytes) continue;
    }
    if (!write_file_atomically(target, bytes, error)) return false;
  }
  return switch_to(b.manifest, b.signature, error);
}

bool BundleCache::switch_to(const std::string& manifest, const std::string& signature, std::string& error) {
  const json current{{"manifest", manifest}, {"signature", with_escaped_untrusted_comment(signature)}};
  return write_file_atomically(dir_ / "current.json", current.dump(-1, ' ', false, json::error_handler_t::replace), error);
}

std::optional<RawBundle> BundleCache::load(std::string& error) const {
  const auto text = read_whole_file(dir_ / "current.json", kManifestMaxBytes * 4);
  if (!text) {
    error = "no cached bundle in " + dir_.string();
    return std::nullopt;
  }
  RawBundle b;
  try {
    const json current = json::parse(*text);
    b.manifest = current.at("manifest").get<std::string>();
    b.signature = current.at("signature").get<std::string>();
  } catch (const std::exception&) {
    error = (dir_ / "current.json").string() + " is damaged";
    return std::nullopt;
  }
  BundleManifest m;
  if (!parse_manifest(b.manifest, m, error)) return std::nullopt;
  std::vector<BundleFile> files{m.content};
  files.insert(files.end(), m.media.begin(), m.media.end());
  for (const auto& f : files) {
    auto bytes = read_whole_file(dir_ / f.path, f.size + 1, kJsonPadding);  // content is parsed in place
    if (!bytes) {
      error = "cached file " + (dir_ / f.path).string() + " is missing or larger than the manifest says";
      return std::nullopt;
    }
    b.files[f.path] = std::move(*bytes);
  }
  return b;
}

size_t BundleCache::remove_unlisted() const {
  const auto text = read_whole_file(dir_ / "current.json", kManifestMaxBytes * 4);
  if (!text) return 0;
  BundleManifest m;
  std::string error;
  try {
    if (!parse_manifest(json::parse(*text).at("manifest").get<std::string>(), m, error)) return 0;
  } catch (const std::exception&) {
    return 0;
  }
  std::set<std::filesystem::path> keep{dir_ / "current.json", dir_ / m.content.path};
  for (const auto& f : m.media) keep.insert(dir_ / f.path);
  size_t removed = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir_, ec); !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || keep.count(it->path()) != 0) continue;
    if (std::filesystem::remove(it->path(), ec)) ++removed;
  }
  return removed;
}

TrustState load_trust_state(const std::filesystem::path& state_dir) {
  TrustState s;
  const auto text = read_whole_file(state_dir / "trust.json", 4096);
  if (!text) return s;
  try {
    const json j = json::parse(*text);
    s.version = j.value("version", 0L);
    s.etag = j.value("etag", "");
    s.switching_from = j.value("switching_from", -1L);
  } catch (const std::exception&) {
    // A damaged file trusts nothing new: version 0 only admits what the signature allows.
  }
  return s;
}

bool save_trust_state(const std::filesystem::path& state_dir, const TrustState& s, std::string& error) {
  json j{{"version", s.version}, {"etag", s.etag}};
  if (s.switching_from >= 0) j["switching_from"] = s.switching_from;
  return write_file_atomically(state_dir / "trust.json", j.dump(-1, ' ', false, json::error_handler_t::replace), error, 0600);
}

}  // namespace kiosk
