#pragma once
#include <string>
#include <string_view>

namespace kiosk {

// SHA-256 as lower-case hex (libsodium), the name content-addressed bundle files carry.
std::string sha256_hex(std::string_view bytes);

}  // namespace kiosk
