// libFuzzer: the body of POST /v1/registrations, as any client holding a token can send it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kiosk/backend/registration_body.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kiosk::backend::check_registration_body(std::string_view(reinterpret_cast<const char*>(data), size), "berswordt-1",
                                          "3f2b6c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c", 16);
  return 0;
}
