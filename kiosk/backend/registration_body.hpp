#pragma once
// What a kiosk posts to /v1/registrations, checked before anything is stored: JSON of bounded
// depth, every field a non-empty string, an id that is a UUID and equals the Idempotency-Key,
// the kiosk of the token, and a sealed value that can be a crypto_box_seal. Pure, so the
// fuzzer runs it on any bytes.
#include <string>
#include <string_view>

#include "kiosk/backend/backend_store.hpp"

namespace kiosk::backend {

struct BodyCheck {
  int status = 0;    // 0: acceptable; else the HTTP status to answer (400, 403, 422)
  std::string why;   // for the answer's body
  Registration registration;
};

BodyCheck check_registration_body(std::string_view body, const std::string& token_kiosk, const std::string& idempotency_key,
                                  size_t max_depth);

}  // namespace kiosk::backend
