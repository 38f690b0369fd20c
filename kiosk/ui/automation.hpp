#pragma once
// Every interactive widget records itself here each frame: a stable dotted id (`home.offers`,
// `offer.<id>`, `lang.en`), its rectangle on screen and its label. Tests and `--script` runs
// find widgets by id, never by pixel positions, so layouts can change without breaking them.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct WidgetRect {
  float x = 0, y = 0, w = 0, h = 0;
  float center_x() const { return x + w * 0.5f; }
  float center_y() const { return y + h * 0.5f; }
  bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

struct WidgetRecord {
  std::string id;
  std::string label;
  WidgetRect rect;     // the whole widget, in screen pixels
  WidgetRect visible;  // the part not clipped by a scrolling region (w or h 0 when hidden)
  bool enabled = true;
  bool clipped_label = false;  // the label did not fit its widget
  bool primary = false;        // drawn as the screen's main action (filled in the primary colour)
  bool selected = false;       // a switch or chip that is on, a group that is open
  bool interactive = true;     // false: text a screen says (recorded by record_text), not a target
  bool is_visible() const { return visible.w > 0 && visible.h > 0; }
};

class Automation {
 public:
  void begin_frame(std::string_view screen);
  void record(WidgetRecord record);

  std::string_view screen() const { return screen_; }
  const std::vector<WidgetRecord>& widgets() const { return widgets_; }
  const WidgetRecord* find(std::string_view id) const;

 private:
  std::string screen_;
  std::vector<WidgetRecord> widgets_;
};

}  // namespace kiosk::ui
