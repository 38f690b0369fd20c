#pragma once
#include <string>

#include "kiosk/platform/platform.hpp"

namespace kiosk {

// Writes the image as PNG; false (with a reason) when the file cannot be written.
bool write_png(const Image& image, const std::string& path, std::string& error);

}  // namespace kiosk
