#include "kiosk/ui/automation.hpp"

#include <algorithm>

namespace kiosk::ui {

void Automation::begin_frame(std::string_view screen, Lang lang) {
  screen_.assign(screen);
  lang_ = lang;
  texts_ = 0;
  widgets_.clear();
}

void Automation::record(WidgetRecord record) {
  record.lang = lang_;
  widgets_.push_back(std::move(record));
}

void Automation::move_last_to(size_t index) {
  if (index >= widgets_.size()) return;
  std::rotate(widgets_.begin() + static_cast<std::ptrdiff_t>(index), widgets_.end() - 1, widgets_.end());
}

const WidgetRecord* Automation::find(std::string_view id) const {
  for (const auto& w : widgets_)
    if (w.id == id) return &w;
  return nullptr;
}

}  // namespace kiosk::ui
