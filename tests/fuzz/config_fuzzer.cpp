// libFuzzer: kiosk.json, which an admin (or a mistake) writes; every problem is reported with its
// JSON path and the kiosk goes on with defaults.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kiosk/store/kiosk_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const kiosk::ConfigLoad c = kiosk::parse_config(std::string_view(reinterpret_cast<const char*>(data), size), "kiosk.json");
  for (const auto& p : c.problems) (void)p.to_string();
  return 0;
}
