#pragma once
#include <string>
#include <string_view>

namespace kiosk {

// SHA-256 as lower-case hex (libsodium), the name content-addressed bundle files carry.
std::string sha256_hex(std::string_view bytes);

// The same, fed piece by piece (a download on its way to disk).
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;
  void update(std::string_view bytes);
  std::string hex();  // once, at the end

 private:
  void* ctx_;
};

}  // namespace kiosk
