#include "kiosk/app/screenshot.hpp"

#include <stb_image_write.h>

namespace kiosk {

bool write_png(const Image& image, const std::string& path, std::string& error) {
  if (image.width <= 0 || image.height <= 0) {
    error = "nothing was rendered to capture";
    return false;
  }
  if (!stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4)) {
    error = "could not write " + path;
    return false;
  }
  return true;
}

}  // namespace kiosk
