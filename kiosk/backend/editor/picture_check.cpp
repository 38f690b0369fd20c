#include "kiosk/backend/editor/picture_check.hpp"

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include <memory>

namespace kiosk::backend {

namespace {

void append(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
}

}  // namespace

CheckedPicture check_picture(const std::string& bytes, const PictureLimits& limits) {
  CheckedPicture out;
  if (bytes.empty()) return out.problem = "picture_missing", out;
  if (bytes.size() > limits.max_bytes) return out.problem = "picture_large", out;
  const bool png = bytes.size() > 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0;
  const bool jpeg = bytes.size() > 3 && bytes.compare(0, 3, "\xff\xd8\xff") == 0;
  if (!png && !jpeg) return out.problem = "picture_type", out;
  int w = 0, h = 0, channels = 0;
  const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
  const int length = static_cast<int>(bytes.size());
  // The header first: a small file may claim a huge picture, and decoding it would take the memory.
  if (!stbi_info_from_memory(data, length, &w, &h, &channels)) return out.problem = "picture_type", out;
  if (w < limits.min_width || w > limits.max_side || h < 1 || h > limits.max_side) return out.problem = "picture_dimensions", out;
  const int want = png ? 4 : 3;
  std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load_from_memory(data, length, &w, &h, &channels, want), stbi_image_free);
  if (!pixels) return out.problem = "picture_type", out;
  const bool ok = png ? stbi_write_png_to_func(append, &out.bytes, w, h, want, pixels.get(), w * want) != 0
                      : stbi_write_jpg_to_func(append, &out.bytes, w, h, want, pixels.get(), 88) != 0;
  if (!ok || out.bytes.empty()) return out.bytes.clear(), out.problem = "picture_type", out;
  // A photo saved as PNG can grow many times over; kiosks take pictures of up to 8 MiB.
  if (out.bytes.size() > 8u * 1024 * 1024) return out.bytes.clear(), out.problem = "picture_large", out;
  out.extension = png ? ".png" : ".jpg";
  out.width = w;
  out.height = h;
  return out;
}

}  // namespace kiosk::backend
