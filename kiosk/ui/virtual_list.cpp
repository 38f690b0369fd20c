#include "kiosk/ui/virtual_list.hpp"

#include <imgui_internal.h>

namespace kiosk::ui {

void VirtualList::reset(size_t count, float estimate) { heights_.assign(count, estimate); }

void VirtualList::draw(const std::function<void(size_t)>& draw_item) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  // One screen of margin above and below: a fling shows its next cards already built.
  const float view = window->ClipRect.GetHeight();
  const float visible_top = window->ClipRect.Min.y - view;
  const float visible_bottom = window->ClipRect.Max.y + view;
  drawn_ = 0;
  first_shown_ = last_shown_ = 0;
  float y = origin.y;
  for (size_t i = 0; i < heights_.size(); ++i) {
    const float h = heights_[i];
    if (y + h >= visible_top && y <= visible_bottom) {
      ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
      draw_item(i);
      heights_[i] = ImGui::GetCursorScreenPos().y - y;  // what it really took, for the next frame
      ++drawn_;
      const float mid = y + heights_[i] * 0.5f;
      if (mid >= window->ClipRect.Min.y && mid <= window->ClipRect.Max.y) {
        if (first_shown_ == 0) first_shown_ = i + 1;
        last_shown_ = i + 1;
      }
    }
    y += heights_[i];
  }
  // The space of everything below, so the region can scroll to the last item.
  ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
  ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace kiosk::ui
