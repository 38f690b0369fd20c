#include "kiosk/platform/gl_platform.hpp"

#include <GL/gl.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl2.h>

#include <cstdint>
#include <cstring>

namespace kiosk {

namespace {

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

void render_gl_frame(ImDrawData* draw_data, int width, int height, Image* capture) {
  glViewport(0, 0, width, height);
  // The clear paints the kiosk's background (the root window draws none): a software
  // rasteriser clears for free, but blends a full-screen rectangle pixel by pixel.
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL2_RenderDrawData(draw_data);
  if (capture != nullptr) read_gl_back_buffer(width, height, *capture);  // before the swap: the back buffer
}

GLuint font_texture = 0;  // the one GL context's font atlas; freed with the context at exit

// A texture of pixels drawn with linear filtering (the font atlas, pictures).
GLuint upload_texture(GLint internal_format, GLenum format, const unsigned char* pixels, int width, int height) {
  GLuint tex = 0;
  glGenTextures(1, &tex);
  glBindTexture(GL_TEXTURE_2D, tex);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, internal_format, width, height, 0, format, GL_UNSIGNED_BYTE, pixels);
  return tex;
}

void prepare_gl_device_objects() {
  // The fixed-function backend's one device object is its font texture, made on the first
  // NewFrame from whatever io.Fonts holds, as RGBA, unless it has one. It gets a white pixel
  // (set, so no font is built for it); ours is uploaded by fonts_changed() as one byte per pixel.
  ImGuiIO& io = ImGui::GetIO();
  ImFontAtlas* ours = io.Fonts;
  ImFontAtlas stand_in;
  stand_in.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(sizeof(unsigned int)));  // freed by the atlas
  stand_in.TexPixelsRGBA32[0] = 0xFFFFFFFFu;
  stand_in.TexWidth = stand_in.TexHeight = 1;
  io.Fonts = &stand_in;
  ImGui_ImplOpenGL2_CreateFontsTexture();
  io.Fonts = ours;
}

}  // namespace

void GlPlatform::fonts_changed() {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  if (font_texture != 0) glDeleteTextures(1, &font_texture);
  font_texture = 0;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
  // The atlas as one byte per pixel: an alpha texture, which fixed-function texturing modulates
  // as (vertex colour, vertex alpha x coverage), just as ImGui's RGBA upload of white pixels
  // would, in a quarter of the memory. For 1920x1080 that is 2 MB instead of 8 MB in the driver,
  // and no 8 MB RGBA copy on the CPU; the upload is also that much faster.
  font_texture = upload_texture(GL_ALPHA8, GL_ALPHA, pixels, width, height);
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(font_texture)));
}

void* GlPlatform::create_texture(const unsigned char* rgba, int width, int height) {
  return reinterpret_cast<void*>(static_cast<intptr_t>(upload_texture(GL_RGBA, GL_RGBA, rgba, width, height)));
}

void GlPlatform::destroy_texture(void* texture) {
  const auto tex = static_cast<GLuint>(reinterpret_cast<intptr_t>(texture));
  glDeleteTextures(1, &tex);
}

void GlPlatform::present(ImDrawData* draw_data, Image* capture) {
  int w = 0, h = 0;
  framebuffer_size(w, h);
  render_gl_frame(draw_data, w, h, capture);
  swap_buffers();
}

void GlPlatform::attach_gl_renderer() {
  ImGui_ImplOpenGL2_Init();
  prepare_gl_device_objects();
  gl_attached_ = true;
}

void GlPlatform::detach_gl_renderer() {
  if (gl_attached_) ImGui_ImplOpenGL2_Shutdown();
  gl_attached_ = false;
}

void GlPlatform::new_gl_frame() { ImGui_ImplOpenGL2_NewFrame(); }

}  // namespace kiosk
