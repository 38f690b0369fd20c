// libFuzzer: a picture staff upload to the editor, decoded and re-encoded before it is stored.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/backend/editor/picture_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kiosk::backend::PictureLimits limits;
  limits.max_side = 1000;  // large pictures are fine, but slow the fuzzer down
  limits.min_width = 1;
  kiosk::backend::check_picture(std::string(reinterpret_cast<const char*>(data), size), limits);
  return 0;
}
