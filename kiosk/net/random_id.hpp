#pragma once
// Identifiers nobody can guess or predict, from libsodium's CSPRNG.
#include <string>

namespace kiosk {

// A random UUID (version 4): a registration's id and its idempotency key at the backend.
std::string new_uuid();

}  // namespace kiosk
