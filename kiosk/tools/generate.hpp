#pragma once
// `kioskctl generate`: deterministic, realistic content of any size for benchmarks and load
// tests — the bundled units, taxonomy and strings, and N made-up offers in German and English
// with every field, spread over all districts. The same seed gives the same bytes everywhere.
#include <cstddef>
#include <cstdint>
#include <string>

namespace kiosk {

struct GenerateRequest {
  size_t offers = 10000;
  uint32_t seed = 1;
  std::string out_dir;
  std::string template_dir;  // the bundled content: units, taxonomy, strings, meta
};

int generate_content(const GenerateRequest& request);

}  // namespace kiosk
