#pragma once
// The admin's side of PRODUCT.md §5: key pairs and signed, content-addressed bundles that any
// static web server can serve.
#include <filesystem>
#include <string>

namespace kiosk {

// Writes `secret_path` (mode 0600) and `secret_path`.pub; refuses to overwrite either.
bool keygen(const std::filesystem::path& secret_path, std::string& message);

struct PublishRequest {
  std::filesystem::path content_dir;
  std::filesystem::path secret_key;
  std::filesystem::path out_dir;
  long version = 0;
  std::string expires_in = "7d";  // "7d", "12h", "30m"
};

// Validates, writes content/<sha256>.json, manifest.json and manifest.json.minisig into the
// output folder. Refuses a version not greater than the one already there. `message` says what
// happened or what is wrong.
bool publish(const PublishRequest& request, std::string& message);

// "7d" → seconds; -1 when not understood.
long parse_duration(const std::string& text);

}  // namespace kiosk
