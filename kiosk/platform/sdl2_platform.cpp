#include <GL/gl.h>
#include <SDL.h>
#include <imgui.h>
#include <backends/imgui_impl_sdl.h>

#include "kiosk/platform/gl_platform.hpp"

namespace kiosk {
namespace {

class Sdl2Platform final : public GlPlatform {
 public:
  ~Sdl2Platform() override {
    if (backends_) {
      detach_gl_renderer();
      ImGui_ImplSDL2_Shutdown();
    }
    if (gl_) SDL_GL_DeleteContext(gl_);
    if (window_) SDL_DestroyWindow(window_);
    if (initialised_) SDL_Quit();
  }

  std::string_view name() const override { return "sdl2"; }

  std::optional<std::pair<int, int>> planned_framebuffer_size(const WindowSpec& spec) override {
    std::string error;  // open() starts again and reports it
    if (!start_video(error)) return std::nullopt;
    if (!spec.fullscreen) return std::make_pair(spec.width, spec.height);
    SDL_DisplayMode mode;
    if (SDL_GetDesktopDisplayMode(0, &mode) != 0) return std::nullopt;
    return std::make_pair(mode.w, mode.h);
  }

  bool open(const WindowSpec& spec, std::string& error) override {
    if (!start_video(error)) return false;
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (spec.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    window_ = SDL_CreateWindow(spec.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, spec.width,
                               spec.height, flags);
    if (window_ == nullptr) {
      error = std::string("SDL could not open a window: ") + SDL_GetError();
      return false;
    }
    gl_ = SDL_GL_CreateContext(window_);
    if (gl_ == nullptr) {
      error = std::string("SDL could not create an OpenGL context: ") + SDL_GetError();
      return false;
    }
    SDL_GL_MakeCurrent(window_, gl_);
    SDL_GL_SetSwapInterval(1);
    if (spec.fullscreen) SDL_ShowCursor(SDL_DISABLE);  // a touchscreen has no pointer to show
    wake_event_ = SDL_RegisterEvents(1);
    return true;
  }

  void attach_imgui() override {
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
    attach_gl_renderer();
    backends_ = true;
  }

  PumpResult pump_events(int timeout_ms) override {
    PumpResult r;
    SDL_Event ev;
    bool got = timeout_ms < 0 ? SDL_WaitEvent(&ev) == 1 : SDL_WaitEventTimeout(&ev, timeout_ms) == 1;
    while (got) {
      handle(ev, r);
      got = SDL_PollEvent(&ev) == 1;
    }
    return r;
  }

  void framebuffer_size(int& w, int& h) const override { SDL_GL_GetDrawableSize(window_, &w, &h); }

  void new_frame() override {
    new_gl_frame();
    ImGui_ImplSDL2_NewFrame();
  }

  void swap_buffers() override { SDL_GL_SwapWindow(window_); }

  void wake() override {
    SDL_Event ev{};
    ev.type = wake_event_;
    SDL_PushEvent(&ev);
  }

 private:
  // Touch arrives as mouse events (SDL's default); kept explicit because the pre-1.87 ImGui
  // SDL backend only reads the mouse.
  bool start_video(std::string& error) {
    if (initialised_) return true;
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
      error = std::string("SDL could not start the video subsystem: ") + SDL_GetError();
      return false;
    }
    initialised_ = true;
    return true;
  }

  void handle(const SDL_Event& ev, PumpResult& r) {
    if (ev.type == wake_event_) {
      r.woken = true;
      return;
    }
    ImGui_ImplSDL2_ProcessEvent(&ev);
    switch (ev.type) {
      case SDL_QUIT: r.quit = true; break;
      case SDL_WINDOWEVENT:
        if (ev.window.event == SDL_WINDOWEVENT_CLOSE) r.quit = true;
        r.input = true;
        break;
      case SDL_MOUSEMOTION:
      case SDL_MOUSEBUTTONDOWN:
      case SDL_MOUSEBUTTONUP:
      case SDL_MOUSEWHEEL:
      case SDL_FINGERDOWN:
      case SDL_FINGERUP:
      case SDL_FINGERMOTION: r.input = r.pointer = true; break;
      case SDL_KEYDOWN:
      case SDL_KEYUP:
      case SDL_TEXTINPUT: r.input = true; break;
      default: break;
    }
  }

  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  Uint32 wake_event_ = 0;
  bool initialised_ = false;
  bool backends_ = false;
};

}  // namespace

std::unique_ptr<Platform> make_sdl2_platform() { return std::make_unique<Sdl2Platform>(); }

}  // namespace kiosk
