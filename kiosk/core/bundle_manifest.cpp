#include "kiosk/core/bundle_manifest.hpp"

#include <cctype>
#include <ctime>
#include <nlohmann/json.hpp>

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

bool is_calendar_date(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

int64_t parse_rfc3339(std::string_view s) {
  // 2026-11-01T09:30:00Z or with a +01:00 offset; fractional seconds allowed. Every field in
  // its range: 2030-02-31 or 25:61:61 is no time at all.
  auto number = [&](size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y, mo, d, h, mi, sec;
  if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':') return -1;
  if (!number(0, 4, y) || !number(5, 2, mo) || !number(8, 2, d) || !number(11, 2, h) || !number(14, 2, mi) || !number(17, 2, sec))
    return -1;
  if (!is_calendar_date(y, mo, d) || h > 23 || mi > 59 || sec > 60) return -1;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  const int64_t t = static_cast<int64_t>(timegm(&tm));
  size_t i = 19;
  if (i < s.size() && s[i] == '.')
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    }
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) return t;
  int oh = 0, om = 0;
  if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && number(i + 1, 2, oh) && s[i + 3] == ':' && number(i + 4, 2, om) &&
      oh <= 23 && om <= 59)
    return t - (s[i] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
  return -1;
}

namespace {
std::string format_epoch(int64_t epoch, const char* format, bool local) {
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  if (local) localtime_r(&t, &tm);
  else gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}
}  // namespace

int64_t epoch_now() { return static_cast<int64_t>(std::time(nullptr)); }

std::string format_rfc3339(int64_t epoch) { return format_epoch(epoch, "%Y-%m-%dT%H:%M:%SZ", false); }
std::string format_local_time(int64_t epoch) { return format_epoch(epoch, "%d.%m.%Y %H:%M", true); }

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
