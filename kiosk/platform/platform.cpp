#include "kiosk/platform/platform.hpp"


namespace kiosk {

std::unique_ptr<Platform> make_platform(std::string_view name) {
  if (name == "sdl2") return make_sdl2_platform();
  if (name == "glfw") return make_glfw_platform();
  if (name == "null") return make_null_platform();
  return nullptr;
}

}  // namespace kiosk
