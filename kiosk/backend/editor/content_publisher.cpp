#include "kiosk/backend/editor/content_publisher.hpp"

#include <sys/stat.h>

#include <stdexcept>

#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/content_parser.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/net/bundle_writer.hpp"
#include "kiosk/store/atomic_file.hpp"

namespace kiosk::backend {

using json = nlohmann::json;
namespace fs = std::filesystem;

ContentPublisher::ContentPublisher(EditorStore& store, PublisherSettings settings) : store_(store), s_(std::move(settings)) {
  public_key_file_ = s_.key_file;
  public_key_file_ += ".pub";
  std::error_code ec;
  if (!fs::exists(s_.key_file, ec)) {
    std::string message;
    if (!keygen(s_.key_file, message)) throw std::runtime_error("cannot make the publishing key: " + message);
    log::info("made the online publishing key " + s_.key_file.string() + " (mode 0600); kiosks trust " + public_key_file_.string());
  }
  struct stat st{};
  if (::stat(s_.key_file.c_str(), &st) != 0) throw std::runtime_error("cannot read the publishing key " + s_.key_file.string());
  if ((st.st_mode & 077) != 0)
    throw std::runtime_error(s_.key_file.string() + " can be read by other users (mode " + std::to_string((st.st_mode >> 6) & 7) +
                             std::to_string((st.st_mode >> 3) & 7) + std::to_string(st.st_mode & 7) + "); run: chmod 600 " +
                             s_.key_file.string());
  const auto text = read_whole_file(s_.key_file, 4096);
  std::string error;
  if (!text || !minisign_parse_secret_key(*text, key_, error))
    throw std::runtime_error(s_.key_file.string() + ": " + (text ? error : "cannot be read"));
}

std::string ContentPublisher::public_key_base64() const {
  const auto text = read_whole_file(public_key_file_, 4096).value_or("");
  const auto nl = text.find('\n');
  if (nl == std::string::npos) return {};
  std::string line = text.substr(nl + 1);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

Problems ContentPublisher::check_drafts() {
  json doc = store_.draft_document();
  doc["schema"] = kContentSchema;
  return parse_content_document("content", doc.dump()).problems;
}

PublishResult ContentPublisher::write(const json& document, bool preview, const std::string& user, const std::string& note) {
  std::lock_guard<std::mutex> lock(publishing_);
  PublishResult r;
  const fs::path out = preview ? s_.root / "preview" : s_.root;
  // One sequence for previews and live content: a kiosk's preview is always newer than what
  // it shows, and no number is used twice.
  r.version = std::max({store_.last_version(), published_version(s_.root), published_version(s_.root / "preview")}) + 1;
  BundleRelease release;
  release.version = r.version;
  release.ttl_s = s_.ttl_s;
  release.channel = preview ? kPreviewChannel : "";
  release.signer = "kiosk-backend (" + user + ")";
  BundleWritten written;
  const auto read_image = [this](const std::string& name) { return store_.media(name); };
  std::error_code ec;
  fs::create_directories(out, ec);
  if (!write_bundle(document, read_image, key_, out, release, written, r.message)) {
    r.problems = std::move(written.problems);
    r.version = 0;
    return r;
  }
  store_.add_version({r.version, preview ? kPreviewChannel : "live", format_rfc3339(epoch_now()), user, note}, document);
  log::info(user + " " + r.message);
  r.ok = true;
  return r;
}

PublishResult ContentPublisher::publish(bool preview, const std::string& user, const std::string& note) {
  return write(store_.draft_document(), preview, user, note);
}

PublishResult ContentPublisher::restore(long version, const std::string& user) {
  const auto doc = store_.version_document(version);
  if (!doc || !doc->is_object()) return {false, 0, "Version " + std::to_string(version) + " is not in the list.", {}};
  return write(*doc, false, user, "restored version " + std::to_string(version));
}

PublishResult ContentPublisher::resign_if_due(int64_t now) {
  BundleManifest m;
  std::string error;
  const auto text = read_whole_file(s_.root / "manifest.json", kManifestMaxBytes);
  if (!text || !parse_manifest(*text, m, error)) return {true, 0, "nothing published yet", {}};
  if (m.expires_at - now > s_.resign_when_left_s) return {true, 0, "live version " + std::to_string(m.version) + " expires " + m.expires, {}};
  const auto live = store_.latest("live");
  const auto doc = live ? store_.version_document(live->version) : std::nullopt;
  if (!doc) return {false, 0, "the live version " + std::to_string(m.version) + " is not in the database; publish it again", {}};
  return write(*doc, false, "server", "re-signed version " + std::to_string(live->version) + " before it expired");
}

}  // namespace kiosk::backend
