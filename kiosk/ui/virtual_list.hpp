#pragma once
// A list whose items are only built while on screen, so 10,000 offers cost what the dozen in
// view cost. Items may differ in height (a long title wraps, large text makes every card
// taller): heights start as an estimate and are replaced by what the item measured when it
// was last drawn; the sums place the items and give the scroll region its full size. Not
// ImGuiListClipper, which needs one fixed height for all items — cards with whole titles in
// large-text mode would not fit it.
#include <imgui.h>

#include <cstddef>
#include <functional>
#include <vector>

namespace kiosk::ui {

class VirtualList {
 public:
  // The items changed (new results, width or text size): every height becomes `estimate`.
  void reset(size_t count, float estimate);
  size_t size() const { return heights_.size(); }
  // Draws the items that intersect the window's visible area, each with `draw_item(i)` at its
  // place, and reserves the space of all others. Must run inside a scrolling window.
  void draw(const std::function<void(size_t index)>& draw_item);
  // How many items the last draw() built (the rest were skipped).
  size_t drawn() const { return drawn_; }
  // The items the last draw() showed at least half of, counted from 1 (0, 0 when none): the
  // screen reader says "Angebote 7 bis 12 von 48" after a list scrolls.
  size_t first_shown() const { return first_shown_; }
  size_t last_shown() const { return last_shown_; }

 private:
  std::vector<float> heights_;
  size_t drawn_ = 0;
  size_t first_shown_ = 0, last_shown_ = 0;
};

}  // namespace kiosk::ui
