// libFuzzer: a --script walk as a file can hold it; every step is checked before any runs.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "kiosk/core/script_steps.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<kiosk::ScriptStep> steps;
  std::string error;
  kiosk::parse_script(std::string_view(reinterpret_cast<const char*>(data), size), steps, error);
  return 0;
}
