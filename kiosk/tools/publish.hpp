#pragma once
// The admin's side of PRODUCT.md §5: key pairs and signed, content-addressed bundles that any
// static web server can serve.
#include <filesystem>
#include <string>

#include "kiosk/net/bundle_writer.hpp"

namespace kiosk {


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

}  // namespace kiosk
