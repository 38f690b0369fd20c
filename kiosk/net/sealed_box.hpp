#pragma once
// Personal data leaves the visitor's hands sealed: crypto_box_seal to the backend's public key.
// The kiosk can seal but never open again; only the agency, holding the secret key, can
// (`kioskctl registrations export`).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

struct BoxKeyPair {
  std::array<uint8_t, 32> public_key{};
  std::array<uint8_t, 32> secret_key{};
  ~BoxKeyPair();
};

BoxKeyPair box_generate();
std::string box_key_to_base64(const std::array<uint8_t, 32>& key);
bool box_key_from_base64(std::string_view text, std::array<uint8_t, 32>& out);

// base64 of crypto_box_seal(plaintext).
std::string seal(std::string_view plaintext, const std::array<uint8_t, 32>& recipient_public_key);
bool unseal(std::string_view sealed_base64, const BoxKeyPair& keys, std::string& plaintext);

}  // namespace kiosk
