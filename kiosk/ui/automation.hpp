#pragma once
// Every widget records itself here each frame: a stable dotted id (`home.offers`,
// `offer.<id>`, `lang.en`), its rectangle on screen, its label, and what a screen reader says
// about it (role, value, state, language): the accessible tree (kiosk/core/accessible_tree.hpp).
// Tests and `--script` runs find widgets by id, never by pixel positions, so layouts can change
// without breaking them; the screen reader speaks the same records in reading order.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/accessible_tree.hpp"

namespace kiosk::ui {

using kiosk::Role;
using kiosk::WidgetRecord;
using kiosk::WidgetRect;

class Automation {
 public:
  // `lang`: the UI's language, which every record carries unless its text fell back.
  void begin_frame(std::string_view screen, Lang lang = Lang::De);
  void record(WidgetRecord record);
  // The record just made, so a caller can say more about it (its role, that it is an alert).
  WidgetRecord* last() { return widgets_.empty() ? nullptr : &widgets_.back(); }
  WidgetRecord& at(size_t index) { return widgets_.at(index); }
  // Moves the record just made to position `index` of the reading order (a dialog's panel,
  // measured after its answers, is read before them).
  void move_last_to(size_t index);
  // An id for text that has none of its own ("text.7"): the n-th text of the frame.
  std::string next_text_id() { return "text." + std::to_string(texts_++); }

  std::string_view screen() const { return screen_; }
  Lang lang() const { return lang_; }
  const std::vector<WidgetRecord>& widgets() const { return widgets_; }
  const WidgetRecord* find(std::string_view id) const;

 private:
  std::string screen_;
  Lang lang_ = Lang::De;
  int texts_ = 0;
  std::vector<WidgetRecord> widgets_;
};

}  // namespace kiosk::ui
