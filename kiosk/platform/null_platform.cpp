#include "kiosk/platform/null_platform.hpp"

#include <imgui.h>

#include <chrono>
#include <cstdint>

namespace kiosk {

bool NullPlatform::open(const WindowSpec& spec, std::string&) {
  resize(spec.width, spec.height);
  return true;
}

void NullPlatform::attach_imgui() {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "kiosk-null";
  // No keyboard of its own: keys are ImGui's own numbers, so a test's driver can press them.
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
}

void NullPlatform::resize(int width, int height) {
  width_ = width;
  height_ = height;
}

PumpResult NullPlatform::pump_events(int timeout_ms) {
  waits_.push_back(timeout_ms);
  if (on_wait_ && !queued_.empty()) on_wait_(timeout_ms);
  if (!queued_.empty()) {
    PumpResult r = queued_.front();
    queued_.pop_front();
    return r;
  }
  PumpResult r;
  r.quit = timeout_ms != 0;  // a wait with nothing left to deliver: the run is over
  return r;
}

void NullPlatform::framebuffer_size(int& w, int& h) const {
  w = width_;
  h = height_;
}

void NullPlatform::new_frame() {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
  io.DeltaTime = 1.0f / 60.0f;
  // No pointer of its own, like a touchscreen nobody touches: what the screen reader wrote into
  // io last frame must not come back as this frame's finger (a test's driver sets its own).
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  io.MouseDown[0] = false;
}

void NullPlatform::fonts_changed() {
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
}

void* NullPlatform::create_texture(const unsigned char*, int, int) {
  ++textures_;
  return reinterpret_cast<void*>(next_texture_++);
}

void NullPlatform::wake() {
  {
    std::lock_guard<std::mutex> lock(wake_mutex_);
    wake_pending_ = true;
  }
  woken_.notify_all();
}

bool NullPlatform::wait_for_wake(int timeout_ms) {
  std::unique_lock<std::mutex> lock(wake_mutex_);
  const bool woken = woken_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [this] { return wake_pending_; });
  wake_pending_ = false;
  return woken;
}

std::unique_ptr<Platform> make_null_platform() { return std::make_unique<NullPlatform>(); }

}  // namespace kiosk
