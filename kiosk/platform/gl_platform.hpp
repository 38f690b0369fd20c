#pragma once
// What the SDL2 and GLFW platforms share: they differ in windows and events, and draw alike.
// Both use ImGui's fixed-function backend (OpenGL2): it needs no GLSL, and on Mesa's llvmpipe
// the GLSL compiler's first use (ImGui's OpenGL3 program) cost about 20 ms of the first frame.
// Any context a driver gives by default draws it.
#include "kiosk/platform/platform.hpp"

namespace kiosk {

class GlPlatform : public Platform {
 public:
  // Clears to the kiosk's background, draws, copies the back buffer into `capture`, swaps.
  void present(ImDrawData* draw_data, Image* capture) final;
  void fonts_changed() final;  // uploads io.Fonts' atlas; its CPU pixels may be freed afterwards
  void* create_texture(const unsigned char* rgba, int width, int height) final;
  void destroy_texture(void* texture) final;

 protected:
  virtual void swap_buffers() = 0;
  // After the window system's ImGui backend is attached / before it is shut down.
  void attach_gl_renderer();
  void detach_gl_renderer();
  void new_gl_frame();
  bool gl_attached() const { return gl_attached_; }

 private:
  bool gl_attached_ = false;
};

}  // namespace kiosk
