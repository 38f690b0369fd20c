#pragma once
// Pictures of units and offers, decoded from the verified cache into pixels off the UI thread;
// the main loop only uploads them as textures.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/content.hpp"

namespace kiosk {

struct DecodedImage {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgba;
};

using MediaImages = std::map<std::string, DecodedImage>;  // "media/<sha>.png" → pixels

// Decodes every image the snapshot names from `cache_dir`. A file that is missing or does not
// decode is logged and left out: the screen shows the text without the picture.
std::shared_ptr<const MediaImages> decode_media(const std::filesystem::path& cache_dir, const ContentSnapshot& content);

}  // namespace kiosk
