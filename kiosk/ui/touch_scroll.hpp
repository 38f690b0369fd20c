#pragma once
// Drag-to-scroll with inertia for every scrolling region, the way phones do it: a finger that
// moves more than a small slop scrolls the region under it and cancels the button it started
// on; when it lifts, the list coasts and slows down. The innermost region under the finger
// owns the drag, so a list inside a scrolling screen scrolls itself, not the screen.
#include <imgui.h>

#include <optional>
#include <string>
#include <unordered_map>

#include "kiosk/core/accessible_tree.hpp"

namespace kiosk::ui {

class TouchScroll {
 public:
  // Begins a child window of `size` (0 = remaining space); always pair with end().
  void begin(const char* id, ImVec2 size, float em, ImGuiWindowFlags flags = 0);
  void end();

  // Scrolls the current region (between begin and end) so that the screen rows `top` to
  // `bottom` are inside it, with a margin: the field the keyboard types into is never hidden.
  void reveal(float top, float bottom);

  // Scrolls whichever region holds `rect` (a widget of last frame, in screen pixels) until it
  // shows: the focus a keypad or a flick moved to. Done when that region ends, this frame.
  void request_reveal(const WidgetRect& rect);
  // Scrolls the innermost region under (x, y) by most of its height (direction 1: towards the
  // end), when its region ends this frame. After the frame, take_page_result() says whether it
  // moved (false: no region there, or already at that end); empty while nothing was asked.
  void request_page(float x, float y, int direction);
  std::optional<bool> take_page_result();

  // A list is coasting: the app must keep rendering frames until it stops.
  bool coasting() const;
  // Forgets every position and motion (the next visitor starts at the top).
  void reset();
  // A drag that started this press has moved beyond the slop (no button will fire).
  bool drag_in_progress() const { return dragging_ != 0; }

 private:
  struct Region {
    ImGuiID window = 0;
    bool tracking = false;
    float press_y = 0;
    float velocity = 0;  // pixels per second, positive = content moves up
  };
  std::unordered_map<ImGuiID, Region> regions_;
  ImGuiID dragging_ = 0;
  ImGuiID current_ = 0;
  float em_ = 16.0f;
  std::optional<WidgetRect> pending_reveal_;
  struct PageRequest {
    float x = 0, y = 0;
    int direction = 1;
  };
  std::optional<PageRequest> pending_page_;
  std::optional<bool> page_result_;
};

}  // namespace kiosk::ui
