#include "kiosk/ui/touch_scroll.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiosk::ui {
namespace {
constexpr float kSlopEm = 0.4f;        // movement that still counts as a tap
constexpr float kFriction = 3.0f;      // per second: velocity falls to 1/e in a third of a second
constexpr float kStopSpeedEm = 0.4f;   // em per second below which coasting stops
}  // namespace

void TouchScroll::begin(const char* id, ImVec2 size, float em, ImGuiWindowFlags flags) {
  em_ = em;
  ImGui::BeginChild(id, size, false, flags);
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  Region& r = regions_[window->ID];
  r.window = window->ID;
  current_ = window->ID;
  ImGuiIO& io = ImGui::GetIO();
  const float dt = std::max(io.DeltaTime, 1e-4f);

  // Only the innermost region under the finger takes a new touch.
  const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  if (io.MouseClicked[0] && hovered) {
    r.tracking = true;
    r.press_y = io.MousePos.y;
    r.velocity = 0;  // a touch stops a coasting list
  }
  if (r.tracking && io.MouseDown[0]) {
    if (dragging_ != r.window && std::fabs(io.MousePos.y - r.press_y) > kSlopEm * em_ && dragging_ == 0) {
      dragging_ = r.window;
      ImGui::ClearActiveID();  // the button under the finger must not fire on release
    }
    if (dragging_ == r.window) {
      const float dy = io.MouseDelta.y;
      ImGui::SetScrollY(window, std::clamp(window->Scroll.y - dy, 0.0f, window->ScrollMax.y));
      // Smoothed, so the last jittery frame before lifting does not decide the throw.
      r.velocity = 0.6f * r.velocity + 0.4f * (-dy / dt);
    }
  } else if (r.tracking) {  // finger lifted
    r.tracking = false;
    if (dragging_ == r.window) dragging_ = 0;
    else r.velocity = 0;
  } else if (r.velocity != 0) {  // coasting
    const float next = window->Scroll.y + r.velocity * dt;
    ImGui::SetScrollY(window, std::clamp(next, 0.0f, window->ScrollMax.y));
    r.velocity *= std::exp(-kFriction * dt);
    if (std::fabs(r.velocity) < kStopSpeedEm * em_ || next <= 0 || next >= window->ScrollMax.y) r.velocity = 0;
  }
}

void TouchScroll::end() {
  // The focus a keypad or a flick moved to: the innermost region whose content holds it brings it
  // into view (regions end innermost first, so the first that holds it takes it).
  if (pending_reveal_) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const WidgetRect& r = *pending_reveal_;
    const float content_top = window->InnerRect.Min.y - window->Scroll.y;
    const float content_bottom = content_top + std::max(window->ContentSize.y, window->InnerRect.GetHeight()) + 2 * em_;
    if (r.center_x() >= window->InnerRect.Min.x && r.center_x() <= window->InnerRect.Max.x && r.y >= content_top - 1 &&
        r.y + r.h <= content_bottom) {
      reveal(r.y, r.y + r.h);
      pending_reveal_.reset();
    }
  }
  if (pending_page_) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->InnerRect.Contains(ImVec2(pending_page_->x, pending_page_->y))) {
      const float page = window->InnerRect.GetHeight() * 0.8f;
      const float target = std::clamp(window->Scroll.y + static_cast<float>(pending_page_->direction) * page, 0.0f, window->ScrollMax.y);
      page_result_ = std::fabs(target - window->Scroll.y) > 1.0f;
      if (*page_result_) ImGui::SetScrollY(window, target);
      regions_[window->ID].velocity = 0;
      pending_page_.reset();
    }
  }
  ImGui::EndChild();
}

void TouchScroll::request_page(float x, float y, int direction) { pending_page_ = PageRequest{x, y, direction}; }

std::optional<bool> TouchScroll::take_page_result() {
  if (page_result_) return std::exchange(page_result_, std::nullopt);
  if (pending_page_) {  // a whole frame went by and no region under the point took it
    pending_page_.reset();
    return false;
  }
  return std::nullopt;
}

void TouchScroll::request_reveal(const WidgetRect& rect) { pending_reveal_ = rect; }

void TouchScroll::reveal(float top, float bottom) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float margin = 0.5f * em_;
  const float view_top = window->InnerRect.Min.y, view_bottom = window->InnerRect.Max.y;
  float scroll = window->Scroll.y;
  if (top - margin < view_top) scroll -= view_top - (top - margin);
  else if (bottom + margin > view_bottom) scroll += std::min(bottom + margin - view_bottom, top - margin - view_top);
  // ImGui clamps the target to the region's new extent when it applies it, next frame.
  if (scroll != window->Scroll.y) ImGui::SetScrollY(window, std::max(0.0f, scroll));
  regions_[window->ID].velocity = 0;
}

bool TouchScroll::coasting() const {
  for (const auto& [id, r] : regions_)
    if (r.velocity != 0 || r.tracking) return true;
  return false;
}

void TouchScroll::reset() {
  pending_reveal_.reset();
  for (auto& [id, r] : regions_) {
    r.velocity = 0;
    r.tracking = false;
    if (ImGuiWindow* w = ImGui::FindWindowByID(id)) w->Scroll = w->ScrollTarget = ImVec2(0, 0);
  }
  dragging_ = 0;
}

}  // namespace kiosk::ui
