#pragma once
// Text a visitor types (search words now, names and contact details in the form later). It
// lives in one fixed buffer that never reallocates, so no stray copies are left in freed
// memory, and wipe() overwrites every byte before the next visitor comes.
#include <cstddef>
#include <memory>
#include <string_view>

namespace kiosk {

class VisitorText {
 public:
  explicit VisitorText(size_t max_bytes = 120);
  ~VisitorText();
  VisitorText(const VisitorText&) = delete;
  VisitorText& operator=(const VisitorText&) = delete;

  std::string_view view() const { return {data_.get(), size_}; }
  const char* c_str() const { return data_.get(); }
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }

  // Appends valid UTF-8; false (nothing appended) when it would not fit.
  bool append(std::string_view utf8);
  // Removes the last code point, however many bytes it has.
  void backspace();
  // Zeroes the whole buffer, not only the used part.
  void wipe();
  // The raw buffer, for tests that check wipe() really zeroes memory.
  const char* storage() const { return data_.get(); }

 private:
  size_t capacity_;
  size_t size_ = 0;
  std::unique_ptr<char[]> data_;
};

}  // namespace kiosk
