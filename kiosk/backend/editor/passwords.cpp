#include "kiosk/backend/editor/passwords.hpp"

#include <sodium.h>

#include <stdexcept>

#include "kiosk/core/text_fold.hpp"
#include "kiosk/net/random_id.hpp"

namespace kiosk::backend {

namespace {

size_t code_points(const std::string& s) {
  size_t n = 0;
  for (const char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

std::string password_problem(const std::string& password, const std::string& user) {
  const size_t n = code_points(password);
  if (n < kMinPasswordLength)
    return "Das Passwort braucht mindestens " + std::to_string(kMinPasswordLength) + " Zeichen (es hat " + std::to_string(n) +
           "). The password needs at least " + std::to_string(kMinPasswordLength) + " characters (it has " + std::to_string(n) + ").";
  if (password.size() > kMaxPasswordLength)
    return "Das Passwort darf höchstens " + std::to_string(kMaxPasswordLength) + " Bytes haben. The password may have at most " +
           std::to_string(kMaxPasswordLength) + " bytes.";
  if (!user.empty() && fold_text(password).find(fold_text(user)) != std::string::npos)
    return "Das Passwort darf den Kontonamen nicht enthalten. The password must not contain the account name.";
  return {};
}

std::string hash_password(const std::string& password) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("hashing the password ran out of memory");
  return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
  if (sodium_init() < 0 || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

const std::string& decoy_hash() {
  static const std::string hash = hash_password(random_token(24));
  return hash;
}

}  // namespace kiosk::backend
