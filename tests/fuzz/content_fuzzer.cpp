// libFuzzer: the content document, as a kiosk reads it after its hash matched (simdjson DOM,
// duplicate keys, the schema, whole-bundle checks).
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/core/content_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  kiosk::parse_content_document("content.json", input);
  return 0;
}
