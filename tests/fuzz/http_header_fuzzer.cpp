// libFuzzer: one HTTP response header line as a server sends it (ETag, Retry-After, …), and
// what the kiosk then writes of it to its state (trust.json).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "kiosk/net/http_client.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kiosk::HttpResponse r;
  kiosk::read_response_header(std::string_view(reinterpret_cast<const char*>(data), size), r);
  if (r.retry_after_s && (*r.retry_after_s < 0 || *r.retry_after_s > 3600)) __builtin_trap();
  (void)nlohmann::json{{"etag", r.etag}}.dump();  // throws on invalid UTF-8: a crash here is a bug
  return 0;
}
