#pragma once
// The on-screen keyboard: the visitor's language's layout (kiosk/core/keyboard_layout.hpp) and
// a key to the others, shift (tap) and caps lock (double tap), a symbols page, and email and
// phone variants. It edits a string the model owns; backspace removes a whole code point and
// repeats while held.
#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/visitor_text.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

class OnScreenKeyboard {
 public:
  enum class Result { None, Changed, Enter, Hide };

  // Pixels needed for the given mode at the current font size.
  float height(const UiContext& ui, KeyboardMode mode) const;
  // Draws full width at the cursor and applies taps to `text`.
  // `lang` picks the layout until the visitor switches it; reset() goes back to the language's.
  Result draw(const UiContext& ui, VisitorText& text, KeyboardMode mode, Lang lang, std::string_view space_label,
              std::string_view enter_label);
  void reset();
  KeyboardLayout layout(Lang lang) const { return switched_ ? layout_ : layout_for(lang); }

 private:
  KeyboardPage page_ = KeyboardPage::Letters;
  bool switched_ = false;  // the visitor chose a layout with the layout key
  KeyboardLayout layout_ = KeyboardLayout::German;
  bool shift_ = false;
  bool caps_ = false;
  double last_shift_tap_ = -1.0;
};

}  // namespace kiosk::ui
