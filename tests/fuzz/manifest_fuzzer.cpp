// libFuzzer: manifest.json as a server sends it, before its signature is trusted: size caps,
// duplicate keys (nlohmann SAX), RFC 3339 times, content-addressed paths.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kiosk/core/bundle_manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kiosk::BundleManifest m;
  std::string error;
  kiosk::parse_manifest(std::string_view(reinterpret_cast<const char*>(data), size), m, error);
  return 0;
}
