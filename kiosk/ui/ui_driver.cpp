#include "kiosk/ui/ui_driver.hpp"

namespace kiosk::ui {

void UiDriver::apply_pointer(ImGuiIO& io) const {
  if (!engaged_) return;
  io.MousePos = ImVec2(pointer_.x, pointer_.y);
  io.MouseDown[0] = pointer_.down;
}

void UiDriver::settle(int frames) {
  for (int i = 0; i < frames; ++i) render_frame_();
}

const WidgetRecord* UiDriver::touchable(std::string_view id, std::string& error) {
  const WidgetRecord* w = automation_.find(id);
  if (w == nullptr) {
    error = "no widget \"" + std::string(id) + "\" on screen \"" + std::string(automation_.screen()) + "\"";
    return nullptr;
  }
  if (!w->interactive) {
    error = "widget \"" + std::string(id) + "\" is text, not something to tap";
    return nullptr;
  }
  if (!w->is_visible()) {
    error = "widget \"" + std::string(id) + "\" is not visible (scrolled out of view)";
    return nullptr;
  }
  if (!w->enabled) {
    error = "widget \"" + std::string(id) + "\" is disabled";
    return nullptr;
  }
  engaged_ = true;  // a gesture follows
  return w;
}

bool UiDriver::drag(std::string_view id, float dx, float dy, std::string& error) {
  const WidgetRecord* w = touchable(id, error);
  if (w == nullptr) return false;
  drag_from(w->visible.center_x(), w->visible.center_y(), dx, dy);
  return true;
}

void UiDriver::drag_from(float x, float y, float dx, float dy) { stroke(x, y, dx, dy, 10, true); }

// A finger that lands (after a frame of arriving, so ImGui sees the hover first, or at once), moves
// by (dx, dy) over `steps` frames and lifts.
void UiDriver::stroke(float x, float y, float dx, float dy, int steps, bool arrive) {
  engaged_ = true;
  pointer_ = {x, y, !arrive};
  render_frame_();
  if (arrive) {
    pointer_.down = true;
    render_frame_();
  }
  for (int i = 1; i <= steps; ++i) {
    pointer_.x = x + dx * static_cast<float>(i) / static_cast<float>(steps);
    pointer_.y = y + dy * static_cast<float>(i) / static_cast<float>(steps);
    render_frame_();
  }
  pointer_.down = false;
  render_frame_();
  pointer_ = PointerState{};
  settle(2);
}

bool UiDriver::hold(std::string_view id, int frames, std::string& error) {
  const WidgetRecord* w = touchable(id, error);
  if (w == nullptr) return false;
  pointer_ = {w->visible.center_x(), w->visible.center_y(), false};
  render_frame_();
  pointer_.down = true;
  for (int i = 0; i < frames; ++i) render_frame_();
  pointer_.down = false;
  render_frame_();
  pointer_ = PointerState{};
  settle(2);
  return true;
}

bool UiDriver::press(std::string_view id, std::string& error) {
  const WidgetRecord* w = touchable(id, error);
  if (w == nullptr) return false;
  pointer_ = {w->visible.center_x(), w->visible.center_y(), false};
  render_frame_();
  pointer_.down = true;
  render_frame_();
  return true;
}

void UiDriver::release() {
  pointer_.down = false;
  render_frame_();
  pointer_ = PointerState{};
  settle(2);
}

void UiDriver::double_tap_at(float x, float y) {
  engaged_ = true;
  pointer_ = {x, y, false};
  render_frame_();
  for (int i = 0; i < 2; ++i) {
    pointer_.down = true;
    render_frame_();
    pointer_.down = false;
    render_frame_();
  }
  pointer_ = PointerState{};
  settle(2);
}

void UiDriver::flick_from(float x, float y, float dx, float dy) { stroke(x, y, dx, dy, 3, false); }

void UiDriver::key(int imgui_key, bool shift) {
  ImGuiIO& io = ImGui::GetIO();
  const int index = io.KeyMap[imgui_key];
  if (index < 0 || index >= static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) return;
  io.KeyShift = shift;
  io.KeysDown[index] = true;
  render_frame_();
  io.KeysDown[index] = false;
  io.KeyShift = false;
  render_frame_();
  settle(2);
}

void UiDriver::type(std::string_view utf8) {
  const std::string text(utf8);
  ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
  settle(2);
}

bool UiDriver::tap(std::string_view id, std::string& error) {
  const WidgetRecord* w = touchable(id, error);
  if (w == nullptr) return false;
  const float x = w->visible.center_x();
  const float y = w->visible.center_y();
  pointer_ = {x, y, false};  // arrive
  render_frame_();
  pointer_.down = true;      // press
  render_frame_();
  pointer_.down = false;     // release: the button fires here
  render_frame_();
  pointer_ = PointerState{};  // lift the finger away
  settle(2);
  return true;
}

}  // namespace kiosk::ui
