#pragma once
// A question over the whole screen: a framed panel with a title, an explanation and one or
// more answers stacked as full-width buttons. The dimmed window behind takes every touch, so
// nothing underneath fires by accident. Used for "Sind Sie noch da?" and "Eingaben verwerfen?".
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

struct Answer {
  std::string id;  // automation id, e.g. "idle.continue"
  std::string_view label;
  ButtonStyle style = ButtonStyle::Secondary;
};

// Draws the question; returns the index of the answer tapped this frame, or -1.
int modal_question(const UiContext& ui, const char* window_id, std::string_view title, std::string_view explain,
                   const std::vector<Answer>& answers);

}  // namespace kiosk::ui
