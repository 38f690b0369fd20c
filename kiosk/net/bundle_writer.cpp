#include "kiosk/net/bundle_writer.hpp"

#include <sys/stat.h>

#include <cctype>
#include <chrono>
#include <map>

#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/core/content_parser.hpp"
#include "kiosk/net/digest.hpp"
#include "kiosk/store/atomic_file.hpp"

namespace kiosk {

using json = nlohmann::json;

long parse_duration(const std::string& t) {
  if (t.size() < 2) return -1;
  long n = 0;
  try {
    size_t used = 0;
    n = std::stol(t, &used);
    if (used != t.size() - 1 || n <= 0) return -1;
  } catch (...) {
    return -1;
  }
  switch (t.back()) {
    case 'd': return n * 86400;
    case 'h': return n * 3600;
    case 'm': return n * 60;
    default: return -1;
  }
}

bool keygen(const std::filesystem::path& secret_path, std::string& message) {
  auto pub_path = secret_path;
  pub_path += ".pub";
  std::error_code ec;
  if (std::filesystem::exists(secret_path, ec) || std::filesystem::exists(pub_path, ec)) {
    message = secret_path.string() + " or its .pub already exists; choose another name (nothing was written)";
    return false;
  }
  const MinisignKeyPair kp = minisign_generate();
  std::string error;
  const mode_t old = ::umask(077);  // the secret key is readable by its owner only
  const bool ok = write_file_atomically(secret_path, minisign_secret_key_file(kp.secret_key, kp.public_key), error, 0600);
  ::umask(old);
  if (!ok || !write_file_atomically(pub_path, minisign_public_key_file(kp.public_key), error)) {
    message = error;
    return false;
  }
  const std::string pub = minisign_public_key_file(kp.public_key);
  message = "secret key: " + secret_path.string() + " (keep it on the admin's machine, never on a kiosk)\n" +
            "public key: " + pub_path.string() + "\nput this line into each kiosk's kiosk.json \"public_keys\":\n  " +
            pub.substr(pub.find('\n') + 1, pub.size() - pub.find('\n') - 2);
  return true;
}

long published_version(const std::filesystem::path& dir) {
  BundleManifest m;
  std::string error;
  const auto text = read_whole_file(dir / "manifest.json", kManifestMaxBytes);
  return text && parse_manifest(*text, m, error) ? m.version : 0;
}

bool write_bundle(json doc, const ImageReader& read_image, const MinisignSecretKey& key, const std::filesystem::path& out_dir,
                  const BundleRelease& r, BundleWritten& written, std::string& message) {
  if (r.version < 1) return message = "the version must be a whole number of at least 1", false;
  if (r.ttl_s <= 0) return message = "the expiry must be in the future", false;
  doc["schema"] = kContentSchema;
  // Pictures: a unit's or offer's "image" names a picture the reader finds. It is published
  // content-addressed under media/, and the document points at that name.
  BundleManifest m;
  std::map<std::string, std::string> media;  // bundle path → bytes
  for (const char* section : {"units", "offers"}) {
    if (!doc.contains(section) || !doc[section].is_array()) continue;
    for (size_t i = 0; i < doc[section].size(); ++i) {
      json& item = doc[section][i];
      if (!item.is_object() || !item.contains("image") || !item["image"].is_string() || item["image"].get<std::string>().empty())
        continue;
      const std::string rel = item["image"].get<std::string>();
      std::string ext = std::filesystem::path(rel).extension().string();
      for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      const std::string where = std::string("$.") + section + "[" + std::to_string(i) + "].image";
      if (ext != ".png" && ext != ".jpg" && ext != ".jpeg")
        return message = where + ": expected a .png or .jpg file, found \"" + rel + "\"; nothing was published", false;
      const auto bytes = read_image(rel);
      if (!bytes) return message = where + ": expected a readable image of at most 8 MiB named \"" + rel + "\"; nothing was published", false;
      const std::string path = "media/" + sha256_hex(*bytes) + (ext == ".jpeg" ? ".jpg" : ext);
      item["image"] = path;
      if (media.emplace(path, *bytes).second) m.media.push_back({path, sha256_hex(*bytes), bytes->size()});
    }
  }
  const std::string content = doc.dump();
  // The kiosk's own parser, on exactly the bytes it will download.
  const ContentParseResult checked = parse_content_document("content", content);
  if (!checked.ok()) {
    written.problems = checked.problems;
    message = std::to_string(checked.problems.size()) + " problems in the content; nothing was published";
    return false;
  }
  // Versions only go up: a kiosk rejects a lower one as a rollback anyway.
  if (const long old = published_version(out_dir); old >= r.version)
    return message = out_dir.string() + " already holds version " + std::to_string(old) + "; publish a version above it", false;

  m.version = r.version;
  const auto now = epoch_now();
  m.created = format_rfc3339(now);
  m.expires = format_rfc3339(now + r.ttl_s);
  m.expires_at = now + r.ttl_s;
  m.content = {"content/" + sha256_hex(content) + ".json", sha256_hex(content), content.size()};
  const std::string manifest = manifest_to_json(m);
  std::string trusted = "version=" + std::to_string(m.version) + " created=" + m.created;
  if (!r.channel.empty()) trusted += " channel=" + r.channel;
  const std::string signature = minisign_sign(key, manifest, trusted, "signature from " + r.signer);
  // Static servers derive ETags from modification time (in seconds) and size. Two versions
  // published within one second, with manifests of equal length, would look unchanged to a
  // kiosk's conditional request; so the new manifest's time always moves past the old one's.
  std::error_code ec;
  const auto old_time = std::filesystem::last_write_time(out_dir / "manifest.json", ec);
  const bool had_old = !ec;
  std::string error;
  for (const auto& [path, bytes] : media)
    if (!write_file_atomically(out_dir / path, bytes, error)) return message = error, false;
  if (!write_file_atomically(out_dir / m.content.path, content, error) ||
      !write_file_atomically(out_dir / "manifest.json.minisig", signature, error) ||
      !write_file_atomically(out_dir / "manifest.json", manifest, error))
    return message = error, false;
  if (had_old) {
    const auto new_time = std::filesystem::last_write_time(out_dir / "manifest.json", ec);
    if (!ec && new_time < old_time + std::chrono::seconds(1))
      std::filesystem::last_write_time(out_dir / "manifest.json", old_time + std::chrono::seconds(1), ec);
  }
  written.expires = m.expires;
  written.offers = checked.snapshot->offers.size();
  written.units = checked.snapshot->units.size();
  written.images = m.media.size();
  message = "published version " + std::to_string(m.version) + (r.channel.empty() ? "" : " (" + r.channel + ")") + " to " +
            out_dir.string() + " (" + std::to_string(written.offers) + " offers, " + std::to_string(written.units) + " units, " +
            std::to_string(written.images) + " images; expires " + m.expires + ")";
  return true;
}

}  // namespace kiosk
