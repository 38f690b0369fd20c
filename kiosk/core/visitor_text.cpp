#include "kiosk/core/visitor_text.hpp"

#include <sodium.h>

#include <cstring>

namespace kiosk {
namespace {
// A plain memset may be optimised away when the buffer is freed next; volatile stores are not.
// libsodium's zeroing, which the compiler may not drop as a dead store.
void secure_zero(char* p, size_t n) { sodium_memzero(p, n); }
}  // namespace

VisitorText::VisitorText(size_t max_bytes) : capacity_(max_bytes), data_(new char[max_bytes + 1]()) {}

VisitorText::~VisitorText() { wipe(); }

bool VisitorText::append(std::string_view utf8) {
  if (size_ + utf8.size() > capacity_) return false;
  std::memcpy(data_.get() + size_, utf8.data(), utf8.size());
  size_ += utf8.size();
  data_[size_] = '\0';
  return true;
}

void VisitorText::backspace() {
  if (size_ == 0) return;
  size_t n = size_ - 1;
  while (n > 0 && (static_cast<unsigned char>(data_[n]) & 0xC0) == 0x80) --n;  // continuation bytes
  secure_zero(data_.get() + n, size_ - n);
  size_ = n;
}

void VisitorText::wipe() {
  secure_zero(data_.get(), capacity_ + 1);
  size_ = 0;
}

}  // namespace kiosk
