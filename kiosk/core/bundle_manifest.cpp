#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/core/clock.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/json_duplicates.hpp"

namespace kiosk {
namespace {

using json = nlohmann::json;

bool is_hex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// Only content-addressed names below content/ or media/: a manifest can never point the
// kiosk at another file on the server or make it write outside its cache.
bool safe_path(const BundleFile& f, std::string_view dir) {
  const std::string prefix = std::string(dir) + "/" + f.sha256;
  if (f.path.rfind(prefix, 0) != 0) return false;
  const std::string rest = f.path.substr(prefix.size());
  if (rest.size() < 2 || rest.size() > 6 || rest[0] != '.') return false;
  for (size_t i = 1; i < rest.size(); ++i)
    if (!std::islower(static_cast<unsigned char>(rest[i])) && !std::isdigit(static_cast<unsigned char>(rest[i]))) return false;
  return dir != "content" || rest == ".json";
}

// json::value() throws when the field has another type; a manifest is untrusted input, so a
// field of the wrong type reads as missing and fails the check that follows.
std::string text_field(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool read_file(const json& j, std::string_view dir, const std::string& where, BundleFile& f, std::string& error) {
  if (!j.is_object() || !j.contains("path") || !j["path"].is_string() || !j.contains("sha256") ||
      !j["sha256"].is_string() || !j.contains("size") || !j["size"].is_number_unsigned()) {
    error = "manifest: " + where + ": expected {\"path\", \"sha256\", \"size\"}";
    return false;
  }
  f.path = j["path"].get<std::string>();
  f.sha256 = j["sha256"].get<std::string>();
  f.size = j["size"].get<uint64_t>();
  if (!is_hex64(f.sha256)) return error = "manifest: " + where + ".sha256: expected 64 lower-case hex digits", false;
  if (!safe_path(f, dir))
    return error = "manifest: " + where + ".path: expected \"" + std::string(dir) + "/<sha256>.<ext>\", found \"" + f.path + "\"", false;
  return true;
}

}  // namespace

bool parse_manifest(std::string_view text, BundleManifest& m, std::string& error) {
  if (text.size() > kManifestMaxBytes) return error = "manifest: larger than " + std::to_string(kManifestMaxBytes) + " bytes", false;
  // Duplicate keys first: nlohmann would keep the last value where another reader keeps the first.
  if (const auto dup = first_duplicate_key(text)) return error = "manifest: " + *dup + ": a key that appears twice", false;
  // Syntax errors, and numbers too large for a double (out_of_range), which a hostile server
  // can send just as easily: both read as "discarded", without an exception per bad input.
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return error = "manifest: not valid JSON", false;
  if (!j.is_object() || text_field(j, "format") != kBundleFormat)
    return error = std::string("manifest: format: expected \"") + kBundleFormat + "\"", false;
  if (!j.contains("version") || !j["version"].is_number_integer() || j["version"].get<long>() < 1)
    return error = "manifest: version: expected a whole number of at least 1", false;
  m.version = j["version"].get<long>();
  m.created = text_field(j, "created");
  m.expires = text_field(j, "expires");
  const int64_t created_at = parse_rfc3339(m.created);
  if (created_at < 0) return error = "manifest: created: expected an RFC 3339 time", false;
  m.expires_at = parse_rfc3339(m.expires);
  if (m.expires_at < 0) return error = "manifest: expires: expected an RFC 3339 time", false;
  if (created_at > m.expires_at) return error = "manifest: created (" + m.created + ") is after expires (" + m.expires + ")", false;
  if (!j.contains("content") || !read_file(j["content"], "content", "content", m.content, error)) {
    if (error.empty()) error = "manifest: content: missing";
    return false;
  }
  if (m.content.size > kContentMaxBytes)
    return error = "manifest: content.size: " + std::to_string(m.content.size) + " bytes is more than the " +
                   std::to_string(kContentMaxBytes >> 20) + " MiB a content document may have", false;
  m.media.clear();
  if (j.contains("media")) {
    if (!j["media"].is_array()) return error = "manifest: media: expected a list", false;
    if (j["media"].size() > kMediaMaxCount)
      return error = "manifest: media: " + std::to_string(j["media"].size()) + " pictures, more than " + std::to_string(kMediaMaxCount), false;
    for (size_t i = 0; i < j["media"].size(); ++i) {
      BundleFile f;
      if (!read_file(j["media"][i], "media", "media[" + std::to_string(i) + "]", f, error)) return false;
      if (f.size > kMediaMaxBytes)
        return error = "manifest: media[" + std::to_string(i) + "].size: " + std::to_string(f.size) + " bytes is more than the " +
                       std::to_string(kMediaMaxBytes >> 20) + " MiB a picture may have", false;
      m.media.push_back(std::move(f));
    }
  }
  return true;
}

std::string manifest_to_json(const BundleManifest& m) {
  auto file = [](const BundleFile& f) { return json{{"path", f.path}, {"sha256", f.sha256}, {"size", f.size}}; };
  json media = json::array();
  for (const auto& f : m.media) media.push_back(file(f));
  json j{{"format", kBundleFormat}, {"version", m.version}, {"created", m.created}, {"expires", m.expires},
         {"content", file(m.content)}, {"media", media}};
  return j.dump(2) + "\n";
}

}  // namespace kiosk
