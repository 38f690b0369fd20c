#pragma once
// The one seam between the kiosk and a windowing system. SDL2 is the default, GLFW the
// alternative, and the null platform runs the UI without a window (tests, headless checks).
// Each owns its window, GL context and ImGui backend; the app only asks for events, frames and
// pixels, so nothing above this line knows which one it got.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct ImDrawData;

namespace kiosk {

struct WindowSpec {
  int width = 1080;
  int height = 1920;
  bool fullscreen = false;
  std::string title = "Berswordt-Halle";
};

struct Image {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgba;  // top row first
};

struct PumpResult {
  bool quit = false;   // the window was closed or the session ends
  bool input = false;  // touch, mouse, keys or a window change: the screen may have to change
  bool pointer = false;  // of which a finger or the mouse (a script's driver gives the pointer back)
  bool woken = false;  // another thread called wake()
};

class Platform {
 public:
  virtual ~Platform() = default;
  virtual std::string_view name() const = 0;

  // Starts the window system and says how many pixels the drawable of `spec` will have (for a
  // full screen window: the display's), so the app can render its fonts on another core while
  // open() runs. Nothing when the platform cannot tell before the window exists.
  // Always starts it, windowed too: starting may fork (SDL connects to D-Bus, whose autolaunch
  // forks before it execs), and a fork while the font thread holds an allocator lock leaves
  // the child waiting for that lock forever, and the kiosk waiting for the child.
  virtual std::optional<std::pair<int, int>> planned_framebuffer_size(const WindowSpec&) { return std::nullopt; }

  // Creates the window and its GL context. No ImGui yet: the context may not exist.
  virtual bool open(const WindowSpec& spec, std::string& error) = 0;

  // Connects the ImGui backends, once the app has created the ImGui context.
  virtual void attach_imgui() = 0;

  // Waits at most timeout_ms (-1: until something happens, 0: not at all) and feeds every
  // event to ImGui. This is where the kiosk sleeps when nothing moves.
  virtual PumpResult pump_events(int timeout_ms) = 0;

  // Size of the drawable area in pixels, valid after open().
  virtual void framebuffer_size(int& width, int& height) const = 0;

  virtual void new_frame() = 0;
  // Draws the frame and shows it; with `capture`, first copies the finished frame into it.
  virtual void present(ImDrawData* draw_data, Image* capture) = 0;

  // The font atlas was rebuilt (new size or large-text mode): upload it again.
  virtual void fonts_changed() = 0;

  // Thread-safe: makes a pump_events() that is waiting return with woken = true.
  virtual void wake() = 0;

  // Pictures: RGBA pixels as a texture ImGui can draw (an ImTextureID), and back. Main thread only.
  virtual void* create_texture(const unsigned char* rgba, int width, int height) = 0;
  virtual void destroy_texture(void* texture) = 0;
};

std::unique_ptr<Platform> make_sdl2_platform();
std::unique_ptr<Platform> make_glfw_platform();
std::unique_ptr<Platform> make_null_platform();

// "sdl2", "glfw" or "null"; nullptr for anything else.
std::unique_ptr<Platform> make_platform(std::string_view name);

}  // namespace kiosk
