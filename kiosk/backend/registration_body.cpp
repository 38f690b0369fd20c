#include "kiosk/backend/registration_body.hpp"

#include <sodium.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <vector>

#include "kiosk/core/json_depth.hpp"

namespace kiosk::backend {

namespace {

bool is_uuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

// Base64 of at least the box's overhead plus "{}": anything else could never be opened by the
// agency, so it is refused now, not at export.
bool could_be_sealed_box(const std::string& b64) {
  std::vector<unsigned char> bin(b64.size());
  size_t len = 0;
  return sodium_base642bin(bin.data(), bin.size(), b64.data(), b64.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) == 0 &&
         len >= crypto_box_SEALBYTES + 2;
}

BodyCheck refused(int status, std::string why) {
  BodyCheck c;
  c.status = status;
  c.why = std::move(why);
  return c;
}

}  // namespace

BodyCheck check_registration_body(std::string_view body, const std::string& token_kiosk, const std::string& idempotency_key,
                                  size_t max_depth) {
  using json = nlohmann::json;
  if (!json_nesting_within(body, max_depth)) return refused(400, "the JSON nests deeper than " + std::to_string(max_depth) + " levels");
  const json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return refused(400, "the body is not a JSON object");
  for (const char* k : {"id", "kiosk", "offer", "created", "consent_version", "sealed"}) {
    const auto it = j.find(k);
    if (it == j.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) return refused(422, std::string("missing ") + k);
  }
  BodyCheck c;
  c.registration = {j["id"], j["kiosk"], j["offer"], j["created"], j["consent_version"], j["sealed"]};
  const Registration& r = c.registration;
  if (!is_uuid(r.id)) return refused(422, "id is not a UUID");
  if (r.kiosk != token_kiosk) return refused(403, "this token belongs to another kiosk");
  if (idempotency_key != r.id) return refused(422, "Idempotency-Key must equal id");
  if (!could_be_sealed_box(r.sealed)) return refused(422, "sealed is not a base64 crypto_box_seal");
  return c;
}

}  // namespace kiosk::backend
