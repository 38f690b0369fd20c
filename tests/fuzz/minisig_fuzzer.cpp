// libFuzzer: manifest.json.minisig as a server sends it. Its first line is signed by nobody, so
// any byte may be there; what the cache would store of it must still be valid JSON text.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "kiosk/net/minisign.hpp"
#include "kiosk/store/bundle_cache.hpp"

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
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::string comment, error;
  kiosk::minisign_verify({fuzz_key()}, "message", input, comment, error);
  return 0;
}
