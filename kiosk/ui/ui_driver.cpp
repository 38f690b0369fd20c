#include "kiosk/ui/ui_driver.hpp"

namespace kiosk::ui {

void UiDriver::apply_pointer(ImGuiIO& io) const {
  io.MousePos = ImVec2(pointer_.x, pointer_.y);
  io.MouseDown[0] = pointer_.down;
}

void UiDriver::settle(int frames) {
  for (int i = 0; i < frames; ++i) render_frame_();
}

bool UiDriver::tap(std::string_view id, std::string& error) {
  const WidgetRecord* w = automation_.find(id);
  if (w == nullptr) {
    error = "no widget \"" + std::string(id) + "\" on screen \"" + std::string(automation_.screen()) + "\"";
    return false;
  }
  if (!w->is_visible()) {
    error = "widget \"" + std::string(id) + "\" is not visible (scrolled out of view)";
    return false;
  }
  if (!w->enabled) {
    error = "widget \"" + std::string(id) + "\" is disabled";
    return false;
  }
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
