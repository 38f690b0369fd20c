#include "kiosk/tools/publish.hpp"

#include <nlohmann/json.hpp>

#include "kiosk/core/content.hpp"
#include "kiosk/net/bundle_writer.hpp"
#include "kiosk/net/minisign.hpp"
#include "kiosk/store/atomic_file.hpp"
#include "kiosk/store/content_directory.hpp"

namespace kiosk {

using json = nlohmann::json;

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

  // A picture names a file in the content folder.
  const auto read_image = [&](const std::string& rel) { return read_whole_file(r.content_dir / rel, 8u << 20); };
  BundleRelease release;
  release.version = r.version;
  release.ttl_s = ttl;
  BundleWritten written;
  if (!write_bundle(content_document_of(r.content_dir), read_image, key, r.out_dir, release, written, message)) {
    std::string all;
    for (const auto& p : written.problems) all += p.to_string() + "\n";
    message = all + message;
    return false;
  }
  return true;
}

}  // namespace kiosk
