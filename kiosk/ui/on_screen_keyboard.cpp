#include "kiosk/ui/on_screen_keyboard.hpp"

#include <algorithm>

#include "kiosk/ui/icons.hpp"

namespace kiosk::ui {
namespace {
constexpr float kGapEm = 0.3f;           // ≥ 8 px between keys at 1080p
constexpr double kDoubleTapSeconds = 0.4;  // shift twice within this = caps lock
}  // namespace

float OnScreenKeyboard::height(const UiContext& ui, KeyboardMode mode) const {
  const auto rows = keyboard_rows(KeyboardLayout::German, mode, page_);  // every layout has as many rows
  const float em = ui.em();
  return static_cast<float>(rows.size()) * (kMinTargetEm * em + kGapEm * em) + kGapEm * em;
}

void OnScreenKeyboard::reset() {
  page_ = KeyboardPage::Letters;
  switched_ = false;
  shift_ = caps_ = false;
  last_shift_tap_ = -1.0;
}

OnScreenKeyboard::Result OnScreenKeyboard::draw(const UiContext& ui, VisitorText& text, KeyboardMode mode, Lang lang,
                                                std::string_view space_label, std::string_view enter_label) {
  if (mode == KeyboardMode::Phone) page_ = KeyboardPage::Letters;
  const float em = ui.em();
  const float gap = kGapEm * em;
  const float width = ImGui::GetContentRegionAvail().x;
  const KeyboardLayout current = layout(lang);
  const auto rows = keyboard_rows(current, mode, page_);
  float units = 0;
  for (const auto& row : rows) {
    float u = 0;
    for (const auto& k : row) u += k.width;
    units = std::max(units, u);
  }
  const float unit_w = (width - gap * (units - 1)) / units;
  const bool upper = shift_ || caps_;
  Result result = Result::None;

  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  ImGui::Dummy(ImVec2(0, 0));
  for (const auto& row : rows) {
    float row_units = 0;
    for (const auto& k : row) row_units += k.width;
    // Shorter rows are centred, as on a physical keyboard.
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (units - row_units) * (unit_w + gap) * 0.5f);
    for (size_t i = 0; i < row.size(); ++i) {
      const Key& k = row[i];
      if (i > 0) ImGui::SameLine();
      const ImVec2 size(k.width * unit_w + (k.width - 1) * gap, 0);
      const std::string id = k.id();
      switch (k.action) {
        case KeyAction::Insert: {
          const std::string& t = upper ? k.shifted : k.text;
          if (button(ui, id, t, size)) {
            if (text.append(t)) result = Result::Changed;
            if (shift_ && !caps_) shift_ = false;  // one letter, then back to lower case
          }
          break;
        }
        case KeyAction::Backspace:
          if (repeat_button(ui, id, icon::kBackspace, size)) {
            text.backspace();
            result = Result::Changed;
          }
          break;
        case KeyAction::Shift:
          if (button(ui, id, icon::kShift, size, caps_ ? ButtonStyle::Selected : shift_ ? ButtonStyle::Accent : ButtonStyle::Secondary)) {
            const double now = ImGui::GetTime();
            if (shift_ && now - last_shift_tap_ < kDoubleTapSeconds) {
              caps_ = true;
            } else {
              caps_ = false;
              shift_ = !shift_;
            }
            last_shift_tap_ = now;
          }
          break;
        case KeyAction::Space:
          if (button(ui, id, space_label, size) && text.append(" ")) result = Result::Changed;
          break;
        case KeyAction::Enter:
          if (button(ui, id, enter_label, size, ButtonStyle::Primary)) result = Result::Enter;
          break;
        case KeyAction::ToSymbols:
          if (button(ui, id, "?123", size)) page_ = KeyboardPage::Symbols;
          break;
        case KeyAction::ToLetters:
          if (button(ui, id, "ABC", size)) page_ = KeyboardPage::Letters;
          break;
        case KeyAction::NextLayout: {
          const std::string label = std::string(icon::kGlobe) + " " + std::string(layout_code(current));
          if (button(ui, id, label, size)) {
            layout_ = next_layout(current);
            switched_ = true;
            shift_ = caps_ = false;
          }
          break;
        }
        case KeyAction::Hide:
          if (button(ui, id, icon::kKeyboardHide, size)) result = Result::Hide;
          break;
      }
    }
  }
  ImGui::PopStyleVar();
  return result;
}

}  // namespace kiosk::ui
