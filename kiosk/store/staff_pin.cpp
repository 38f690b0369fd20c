#include "kiosk/store/staff_pin.hpp"

#include <sodium.h>

#include <array>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "kiosk/store/atomic_file.hpp"

namespace kiosk {
namespace {

constexpr size_t kPepperBytes = 32;

void init_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

bool decode_pepper(std::string_view text, std::array<unsigned char, kPepperBytes>& out) {
  size_t len = 0;
  return sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \n\r\t", &len, nullptr,
                           sodium_base64_VARIANT_ORIGINAL) == 0 &&
         len == kPepperBytes;
}

// The PIN keyed with the pepper (BLAKE2b), as the password Argon2id hashes: without the
// pepper the stored hash says nothing about the PIN, however few digits it has.
bool peppered(std::string_view pin, std::string_view pepper, std::string& out) {
  std::array<unsigned char, kPepperBytes> key{};
  if (!decode_pepper(pepper, key)) return false;
  std::array<unsigned char, 32> mac{};
  crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(pin.data()), pin.size(), key.data(),
                     key.size());
  char b64[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(b64, sizeof b64, mac.data(), mac.size(), sodium_base64_VARIANT_ORIGINAL);
  out = b64;
  sodium_memzero(key.data(), key.size());
  return true;
}

}  // namespace

bool plausible_pin(std::string_view pin) {
  if (pin.size() < kPinMinDigits || pin.size() > kPinMaxDigits) return false;
  for (char c : pin)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string new_pepper() {
  init_sodium();
  std::array<unsigned char, kPepperBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  char b64[sodium_base64_ENCODED_LEN(kPepperBytes, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(b64, sizeof b64, bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  return std::string(b64) + "\n";
}

std::optional<std::string> read_pepper(const std::filesystem::path& file, std::string& error) {
  init_sodium();
  auto text = read_whole_file(file, 4096);
  if (!text) {
    error = file.string() + ": cannot read the pepper (create it with `kioskctl hash-pin --new-pepper`)";
    return std::nullopt;
  }
  std::array<unsigned char, kPepperBytes> key{};
  if (!decode_pepper(*text, key)) {
    error = file.string() + ": expected 32 random bytes in base64, as `kioskctl hash-pin --new-pepper` writes";
    return std::nullopt;
  }
  return text;
}

bool hash_pin(std::string_view pin, std::string_view pepper, std::string& stored, std::string& error) {
  init_sodium();
  if (!plausible_pin(pin)) return error = "a PIN is 6 to 8 digits", false;
  std::string password;
  if (!peppered(pin, pepper, password)) return error = "the pepper is not 32 bytes in base64", false;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return error = "Argon2id ran out of memory", false;
  stored = out;
  return true;
}

bool pin_matches(std::string_view pin, std::string_view pepper, const std::string& stored) {
  init_sodium();
  std::string password;
  if (!plausible_pin(pin) || !peppered(pin, pepper, password)) return false;
  if (stored.rfind("$argon2id$", 0) != 0) return false;
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

PinLockout load_pin_lockout(const std::filesystem::path& state_dir) {
  PinLockout l;
  const auto text = read_whole_file(state_dir / "staff-lockout.json", 4096);
  if (!text) return l;
  const auto j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_object() && j.contains("failures") && j["failures"].is_number_integer() && j.contains("locked_until") &&
      j["locked_until"].is_number_integer()) {
    l.failures = j["failures"].get<int>();
    l.locked_until = j["locked_until"].get<int64_t>();
  } else {
    // A damaged file must not reopen the pad to guessing: treat it as a fresh lock.
    l.failures = PinLockout::kFreeAttempts;
  }
  return l;
}

bool save_pin_lockout(const std::filesystem::path& state_dir, const PinLockout& l, std::string& error) {
  const nlohmann::json j{{"failures", l.failures}, {"locked_until", l.locked_until}};
  return write_file_atomically(state_dir / "staff-lockout.json", j.dump() + "\n", error, 0600);
}

}  // namespace kiosk
