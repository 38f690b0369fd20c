#include "kiosk/store/media_images.hpp"

#include <stb_image.h>

#include "kiosk/core/log.hpp"
#include "kiosk/store/atomic_file.hpp"

namespace kiosk {

namespace {
constexpr int kMaxSide = 4096;  // larger pictures are a mistake in the content; skip, don't exhaust memory
}

std::shared_ptr<const MediaImages> decode_media(const std::filesystem::path& cache_dir, const ContentSnapshot& content) {
  auto images = std::make_shared<MediaImages>();
  std::vector<std::string> paths;
  for (const auto& u : content.units) paths.push_back(u.image);
  for (const auto& o : content.offers) paths.push_back(o.image);
  for (const auto& path : paths) {
    if (path.rfind("media/", 0) != 0 || images->count(path)) continue;
    const auto bytes = read_whole_file(cache_dir / path, 16u << 20);
    if (!bytes) {
      log::warning("media: " + path + " is not in the cache; showing the text without it");
      continue;
    }
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(bytes->data()), static_cast<int>(bytes->size()), &w, &h, &channels) ||
        w > kMaxSide || h > kMaxSide) {
      log::warning("media: " + path + " is not a PNG or JPEG of at most 4096×4096; left out");
      continue;
    }
    stbi_uc* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes->data()), static_cast<int>(bytes->size()), &w, &h, &channels, 4);
    if (pixels == nullptr) {
      log::warning("media: " + path + " does not decode; left out");
      continue;
    }
    DecodedImage img{w, h, std::vector<unsigned char>(pixels, pixels + static_cast<size_t>(w) * h * 4)};
    stbi_image_free(pixels);
    images->emplace(path, std::move(img));
  }
  return images;
}

}  // namespace kiosk
