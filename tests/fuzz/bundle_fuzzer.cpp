// libFuzzer over everything a kiosk reads from the network before it trusts it: the manifest,
// the minisign signature file, and the content document. The first byte picks the parser.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/core/content_parser.hpp"
#include "kiosk/net/minisign.hpp"

namespace {
const kiosk::MinisignPublicKey& fuzz_key() {
  static const kiosk::MinisignPublicKey key = [] {
    kiosk::MinisignPublicKey k;
    std::string error;
    kiosk::minisign_parse_public_key("RWREKj3niYih7zLU/gZwxtSXVM8Q3E2dNt9dbWtd5iSeO2q0g5KHKYiV", k, error);
    return k;
  }();
  return key;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0: {
      kiosk::BundleManifest m;
      std::string error;
      kiosk::parse_manifest(input, m, error);
      break;
    }
    case 1: {
      std::string comment, error;
      kiosk::minisign_verify({fuzz_key()}, "message", input, comment, error);
      break;
    }
    default: kiosk::parse_content({{"content.json", input}}); break;
  }
  return 0;
}
