#include "kiosk/platform/platform.hpp"

#include <GL/gl.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include <cstdint>
#include <cstring>

namespace kiosk {

std::unique_ptr<Platform> make_platform(std::string_view name) {
  if (name == "sdl2") return make_sdl2_platform();
  if (name == "glfw") return make_glfw_platform();
  if (name == "null") return make_null_platform();
  return nullptr;
}

void render_gl_frame(ImDrawData* draw_data, int width, int height, Image* capture) {
  glViewport(0, 0, width, height);
  glClearColor(0.f, 0.f, 0.f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(draw_data);
  if (capture != nullptr) read_gl_back_buffer(width, height, *capture);  // before the swap: the back buffer
}

void reload_gl_fonts() {
  // The whole set, not just the font texture: the backend would otherwise create its device
  // objects (and the font texture a second time) on the next NewFrame, after the app has let
  // go of the atlas's pixels — and ImGui would quietly rebuild every font to get them back.
  ImGui_ImplOpenGL3_DestroyDeviceObjects();
  ImGui_ImplOpenGL3_CreateDeviceObjects();
}

void read_gl_back_buffer(int width, int height, Image& out) {
  out.width = width;
  out.height = height;
  out.rgba.assign(static_cast<size_t>(width) * height * 4, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, out.rgba.data());
  // GL's first row is the bottom one; images start at the top.
  const size_t row = static_cast<size_t>(width) * 4;
  std::vector<uint8_t> tmp(row);
  for (int y = 0; y < height / 2; ++y) {
    uint8_t* a = out.rgba.data() + y * row;
    uint8_t* b = out.rgba.data() + (height - 1 - y) * row;
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  for (size_t i = 3; i < out.rgba.size(); i += 4) out.rgba[i] = 255;  // the window is opaque
}

void* create_gl_texture(const unsigned char* rgba, int width, int height) {
  GLuint tex = 0;
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
  return reinterpret_cast<void*>(static_cast<intptr_t>(tex));
}

void destroy_gl_texture(void* texture) {
  const auto tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(texture));
  glDeleteTextures(1, &tex);
}

}  // namespace kiosk
