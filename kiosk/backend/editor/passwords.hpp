#pragma once
// Staff passwords, as OWASP's Password Storage and Authentication cheat sheets ask: Argon2id
// (libsodium, 64 MiB and 2 passes: above OWASP's minimum of 19 MiB), a length rule and no
// composition rules, at most 128 characters so hashing cannot be made expensive.
#include <string>

namespace kiosk::backend {

inline constexpr size_t kMinPasswordLength = 12;
inline constexpr size_t kMaxPasswordLength = 128;

// What is wrong with `password` as a new password for `user`, in words; "" when it is fine.
std::string password_problem(const std::string& password, const std::string& user);

// The encoded hash ("$argon2id$v=19$m=…"), salt included.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);

// A hash that no password matches, verified against for unknown accounts: a sign-in with an
// unknown name costs as long as one with a wrong password, so timing does not tell which.
const std::string& decoy_hash();

}  // namespace kiosk::backend
