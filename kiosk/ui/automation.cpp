#include "kiosk/ui/automation.hpp"

namespace kiosk::ui {

void Automation::begin_frame(std::string_view screen) {
  screen_.assign(screen);
  widgets_.clear();
}

void Automation::record(WidgetRecord record) { widgets_.push_back(std::move(record)); }

const WidgetRecord* Automation::find(std::string_view id) const {
  for (const auto& w : widgets_)
    if (w.id == id) return &w;
  return nullptr;
}

}  // namespace kiosk::ui
