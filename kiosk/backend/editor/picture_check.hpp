#pragma once
// A picture staff upload, checked and re-encoded before it is stored: the type by its bytes
// (PNG or JPEG, whatever the name says), its size and dimensions, and then decoded and encoded
// again, so nothing but pixels reaches a kiosk: no camera metadata (EXIF with GPS position,
// owner, serial number), no comments, no trailing data.
#include <string>

namespace kiosk::backend {

struct PictureLimits {
  size_t max_bytes = 4 * 1024 * 1024;
  int max_side = 4000;
  int min_width = 200;
};

struct CheckedPicture {
  std::string problem;  // an editor_texts key ("picture_type", …), "" when fine
  std::string bytes;    // the re-encoded picture
  std::string extension;  // ".png" or ".jpg"
  int width = 0, height = 0;
};

CheckedPicture check_picture(const std::string& bytes, const PictureLimits& limits = {});

}  // namespace kiosk::backend
