#pragma once
// Identifiers nobody can guess or predict, from libsodium's CSPRNG.
#include <string>

namespace kiosk {

// A random UUID (version 4): a registration's id and its idempotency key at the backend.
std::string new_uuid();

// `bytes` random bytes as URL-safe base64 without padding: session ids, CSRF tokens, one-time
// passwords (32 bytes: 256 bits, as OWASP asks of session ids at least 64).
std::string random_token(size_t bytes = 32);

}  // namespace kiosk
