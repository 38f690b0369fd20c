#pragma once
// The staff PIN at rest: an Argon2id string (libsodium's crypto_pwhash_str) of the PIN keyed
// with a pepper. The pepper is a random secret in its own file, apart from kiosk.json, so a
// copied configuration alone does not let anyone try PINs offline. `kioskctl hash-pin` writes
// the stored form; the kiosk checks PINs on a worker thread (Argon2id takes ~0.1 s by design).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/pin_lockout.hpp"

namespace kiosk {

// 6 to 8 digits (kPinMinDigits … kPinMaxDigits): what a PIN pad can enter.
bool plausible_pin(std::string_view pin);

// 32 random bytes, base64: the content of a new pepper file.
std::string new_pepper();
// The pepper from its file; nullopt with a reason when missing or not a pepper.
std::optional<std::string> read_pepper(const std::filesystem::path& file, std::string& error);

// "$argon2id$v=19$m=…" for `pin` with `pepper`; false with a reason (not a PIN, bad pepper, no memory).
bool hash_pin(std::string_view pin, std::string_view pepper, std::string& stored, std::string& error);
bool pin_matches(std::string_view pin, std::string_view pepper, const std::string& stored);

// Failures and lock time, kept in the state directory so a restart does not reset them.
PinLockout load_pin_lockout(const std::filesystem::path& state_dir);
bool save_pin_lockout(const std::filesystem::path& state_dir, const PinLockout& lockout, std::string& error);

}  // namespace kiosk
