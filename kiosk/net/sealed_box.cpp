#include "kiosk/net/sealed_box.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>
#include <vector>

namespace kiosk {
namespace {
void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}
}  // namespace

BoxKeyPair::~BoxKeyPair() { sodium_memzero(secret_key.data(), secret_key.size()); }

BoxKeyPair box_generate() {
  ensure_sodium();
  BoxKeyPair kp;
  crypto_box_keypair(kp.public_key.data(), kp.secret_key.data());
  return kp;
}

std::string box_key_to_base64(const std::array<uint8_t, 32>& key) {
  std::string out(sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), key.data(), key.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool box_key_from_base64(std::string_view text, std::array<uint8_t, 32>& out) {
  ensure_sodium();
  size_t len = 0;
  return sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \n\r\t", &len, nullptr,
                           sodium_base64_VARIANT_ORIGINAL) == 0 &&
         len == out.size();
}

std::string seal(std::string_view plaintext, const std::array<uint8_t, 32>& pk) {
  ensure_sodium();
  std::vector<uint8_t> sealed(crypto_box_SEALBYTES + plaintext.size());
  crypto_box_seal(sealed.data(), reinterpret_cast<const uint8_t*>(plaintext.data()), plaintext.size(), pk.data());
  std::string out(sodium_base64_ENCODED_LEN(sealed.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), sealed.data(), sealed.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool unseal(std::string_view b64, const BoxKeyPair& keys, std::string& plaintext) {
  ensure_sodium();
  std::vector<uint8_t> sealed(b64.size());
  size_t len = 0;
  if (sodium_base642bin(sealed.data(), sealed.size(), b64.data(), b64.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 || len < crypto_box_SEALBYTES)
    return false;
  plaintext.assign(len - crypto_box_SEALBYTES, '\0');
  return crypto_box_seal_open(reinterpret_cast<uint8_t*>(plaintext.data()), sealed.data(), len, keys.public_key.data(),
                              keys.secret_key.data()) == 0;
}

}  // namespace kiosk
