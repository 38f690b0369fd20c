#include <GLFW/glfw3.h>

#include <atomic>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>

#include "kiosk/platform/gl_platform.hpp"

namespace kiosk {
namespace {

class GlfwPlatform final : public GlPlatform {
 public:
  ~GlfwPlatform() override {
    if (backends_) {
      detach_gl_renderer();
      ImGui_ImplGlfw_Shutdown();
    }
    if (window_) glfwDestroyWindow(window_);
    if (initialised_) glfwTerminate();
  }

  std::string_view name() const override { return "glfw"; }

  std::optional<std::pair<int, int>> planned_framebuffer_size(const WindowSpec& spec) override {
    std::string error;  // open() starts again and reports it
    if (!start(error)) return std::nullopt;
    if (!spec.fullscreen) return std::make_pair(spec.width, spec.height);
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (mode == nullptr) return std::nullopt;
    return std::make_pair(mode->width, mode->height);
  }

  bool open(const WindowSpec& spec, std::string& error) override {
    if (!start(error)) return false;
    GLFWmonitor* monitor = nullptr;
    int w = spec.width, h = spec.height;
    if (spec.fullscreen) {
      monitor = glfwGetPrimaryMonitor();
      if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
        w = mode->width;
        h = mode->height;
      }
    }
    window_ = glfwCreateWindow(w, h, spec.title.c_str(), monitor, nullptr);
    if (window_ == nullptr) {
      error = "GLFW could not open a window: " + last_error();
      return false;
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    if (spec.fullscreen) glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    // Our callbacks first: ImGui's backend chains to them, so we learn that input arrived.
    glfwSetWindowUserPointer(window_, this);
    glfwSetCursorPosCallback(window_, [](GLFWwindow* win, double, double) { self(win)->input_ = self(win)->pointer_ = true; });
    glfwSetMouseButtonCallback(window_, [](GLFWwindow* win, int, int, int) { self(win)->input_ = self(win)->pointer_ = true; });
    glfwSetScrollCallback(window_, [](GLFWwindow* win, double, double) { self(win)->input_ = true; });
    glfwSetKeyCallback(window_, [](GLFWwindow* win, int, int, int, int) { self(win)->input_ = true; });
    glfwSetCharCallback(window_, [](GLFWwindow* win, unsigned int) { self(win)->input_ = true; });
    glfwSetWindowSizeCallback(window_, [](GLFWwindow* win, int, int) { self(win)->input_ = true; });
    glfwSetWindowRefreshCallback(window_, [](GLFWwindow* win) { self(win)->input_ = true; });
    return true;
  }

  // After our callbacks: ImGui's backend chains to them, so we learn that input arrived.
  void attach_imgui() override {
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    attach_gl_renderer();
    backends_ = true;
  }

  PumpResult pump_events(int timeout_ms) override {
    input_ = pointer_ = false;
    woken_ = false;
    if (timeout_ms < 0) glfwWaitEvents();
    else if (timeout_ms == 0) glfwPollEvents();
    else glfwWaitEventsTimeout(timeout_ms / 1000.0);
    PumpResult r;
    r.input = input_;
    r.pointer = pointer_;
    r.woken = woken_.exchange(false);
    r.quit = glfwWindowShouldClose(window_) != 0;
    return r;
  }

  void framebuffer_size(int& w, int& h) const override { glfwGetFramebufferSize(window_, &w, &h); }

  void new_frame() override {
    new_gl_frame();
    ImGui_ImplGlfw_NewFrame();
  }

  void swap_buffers() override { glfwSwapBuffers(window_); }

  void wake() override {
    woken_ = true;
    glfwPostEmptyEvent();
  }

 private:
  bool start(std::string& error) {
    if (initialised_) return true;
    glfwSetErrorCallback([](int, const char*) {});
    if (!glfwInit()) {
      error = "GLFW could not start: " + last_error();
      return false;
    }
    initialised_ = true;
    return true;
  }

  static GlfwPlatform* self(GLFWwindow* w) { return static_cast<GlfwPlatform*>(glfwGetWindowUserPointer(w)); }
  static std::string last_error() {
    const char* d = nullptr;
    glfwGetError(&d);
    return d ? d : "unknown error";
  }

  GLFWwindow* window_ = nullptr;
  bool initialised_ = false;
  bool backends_ = false;
  bool input_ = false;
  bool pointer_ = false;
  std::atomic<bool> woken_{false};
};

}  // namespace

std::unique_ptr<Platform> make_glfw_platform() { return std::make_unique<GlfwPlatform>(); }

}  // namespace kiosk
