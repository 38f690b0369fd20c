#include "kiosk/tools/publish.hpp"

#include <sys/stat.h>

#include <cctype>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/net/digest.hpp"
#include "kiosk/net/minisign.hpp"
#include "kiosk/store/atomic_file.hpp"
#include "kiosk/store/content_directory.hpp"

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

bool publish(const PublishRequest& r, std::string& message) {
  const ContentParseResult checked = load_content_directory(r.content_dir);
  if (!checked.ok()) {
    for (const auto& p : checked.problems) message += p.to_string() + "\n";
    message += r.content_dir.string() + ": " + std::to_string(checked.problems.size()) + " problems; nothing was published";
    return false;
  }
  const long ttl = parse_duration(r.expires_in);
  if (ttl < 0) return message = "--expires-in: expected a number and d, h or m (e.g. 7d), got \"" + r.expires_in + "\"", false;
  if (r.version < 1) return message = "--version: expected a whole number of at least 1", false;

  const auto secret_text = read_whole_file(r.secret_key, 4096);
  MinisignSecretKey key;
  std::string error;
  if (!secret_text) return message = "cannot read the secret key " + r.secret_key.string(), false;
  if (!minisign_parse_secret_key(*secret_text, key, error)) return message = r.secret_key.string() + ": " + error, false;

  // Versions only go up: a kiosk rejects a lower one as a rollback anyway.
  if (const auto existing = read_whole_file(r.out_dir / "manifest.json", kManifestMaxBytes)) {
    BundleManifest old;
    if (parse_manifest(*existing, old, error) && old.version >= r.version) {
      message = r.out_dir.string() + " already holds version " + std::to_string(old.version) + "; publish a version above it";
      return false;
    }
  }

  // One document with every section, as the kiosk downloads it.
  json doc{{"schema", kContentSchema}};
  for (const auto& entry : std::filesystem::directory_iterator(r.content_dir)) {
    if (entry.path().extension() != ".json") continue;
    const json part = json::parse(*read_whole_file(entry.path(), kContentFileMaxBytes));
    for (const auto& [k, v] : part.items())
      if (k != "schema") doc[k] = v;
  }
  // Pictures: a unit's or offer's "image" names a file in the content folder. It is published
  // content-addressed under media/, and the document points at that name.
  BundleManifest m;
  std::map<std::string, std::string> media;  // bundle path → bytes
  for (const char* section : {"units", "offers"}) {
    if (!doc.contains(section) || !doc[section].is_array()) continue;
    for (size_t i = 0; i < doc[section].size(); ++i) {
      json& item = doc[section][i];
      if (!item.contains("image") || !item["image"].is_string() || item["image"].get<std::string>().empty()) continue;
      const std::string rel = item["image"].get<std::string>();
      std::string ext = std::filesystem::path(rel).extension().string();
      for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      const std::string where = std::string("$.") + section + "[" + std::to_string(i) + "].image";
      if (ext != ".png" && ext != ".jpg" && ext != ".jpeg")
        return message = where + ": expected a .png or .jpg file, found \"" + rel + "\"; nothing was published", false;
      const auto bytes = read_whole_file(r.content_dir / rel, 8u << 20);
      if (!bytes)
        return message = where + ": expected a readable image of at most 8 MiB at " + (r.content_dir / rel).string() +
                         "; nothing was published", false;
      const std::string path = "media/" + sha256_hex(*bytes) + (ext == ".jpeg" ? ".jpg" : ext);
      item["image"] = path;
      if (media.emplace(path, *bytes).second) m.media.push_back({path, sha256_hex(*bytes), bytes->size()});
    }
  }
  const std::string content = doc.dump();
  m.version = r.version;
  const auto now = epoch_now();
  m.created = format_rfc3339(now);
  m.expires = format_rfc3339(now + ttl);
  m.expires_at = now + ttl;
  m.content = {"content/" + sha256_hex(content) + ".json", sha256_hex(content), content.size()};
  const std::string manifest = manifest_to_json(m);
  const std::string signature = minisign_sign(key, manifest, "version=" + std::to_string(m.version) + " created=" + m.created,
                                              "signature from kioskctl publish");
  // Static servers derive ETags from modification time (in seconds) and size. Two versions
  // published within one second, with manifests of equal length, would look unchanged to a
  // kiosk's conditional request; so the new manifest's time always moves past the old one's.
  std::error_code ec;
  const auto old_time = std::filesystem::last_write_time(r.out_dir / "manifest.json", ec);
  const bool had_old = !ec;
  // Files first, the manifest last: a server never announces what it does not have yet.
  for (const auto& [path, bytes] : media)
    if (!write_file_atomically(r.out_dir / path, bytes, error)) return message = error, false;
  if (!write_file_atomically(r.out_dir / m.content.path, content, error) ||
      !write_file_atomically(r.out_dir / "manifest.json.minisig", signature, error) ||
      !write_file_atomically(r.out_dir / "manifest.json", manifest, error))
    return message = error, false;
  if (had_old) {
    const auto new_time = std::filesystem::last_write_time(r.out_dir / "manifest.json", ec);
    if (!ec && new_time < old_time + std::chrono::seconds(1))
      std::filesystem::last_write_time(r.out_dir / "manifest.json", old_time + std::chrono::seconds(1), ec);
  }
  message = "published version " + std::to_string(m.version) + " to " + r.out_dir.string() + " (" +
            std::to_string(checked.snapshot->offers.size()) + " offers, " + std::to_string(checked.snapshot->units.size()) +
            " units, " + std::to_string(m.media.size()) + " images; expires " + m.expires + ")";
  return true;
}

}  // namespace kiosk
