#include "kiosk/core/keyboard_layout.hpp"

#include <utility>

namespace kiosk {
namespace {

Key insert(const std::string& t) { return {KeyAction::Insert, t, keyboard_upper(t), 1.0f}; }

KeyRow letters(const std::vector<std::string>& chars) {
  KeyRow row;
  for (const auto& c : chars) row.push_back(insert(c));
  return row;
}

Key special(KeyAction a, float width) { return {a, "", "", width}; }

}  // namespace

std::string keyboard_upper(const std::string& t) {
  static const std::pair<const char*, const char*> kUmlauts[] = {{"ä", "Ä"}, {"ö", "Ö"}, {"ü", "Ü"}};
  if (t.size() == 1 && t[0] >= 'a' && t[0] <= 'z') return std::string(1, static_cast<char>(t[0] - 'a' + 'A'));
  for (const auto& [lower, upper] : kUmlauts)
    if (t == lower) return upper;
  return t;
}

std::string Key::id() const {
  switch (action) {
    case KeyAction::Insert: return "osk.key." + text;
    case KeyAction::Shift: return "osk.shift";
    case KeyAction::Backspace: return "osk.backspace";
    case KeyAction::Space: return "osk.space";
    case KeyAction::Enter: return "osk.enter";
    case KeyAction::ToSymbols: return "osk.symbols";
    case KeyAction::ToLetters: return "osk.letters";
    case KeyAction::Hide: return "osk.hide";
  }
  return "osk.unknown";
}

std::vector<KeyRow> keyboard_rows(KeyboardMode mode, KeyboardPage page) {
  if (mode == KeyboardMode::Phone) {
    return {letters({"1", "2", "3"}), letters({"4", "5", "6"}), letters({"7", "8", "9"}),
            {insert("+"), insert("0"), special(KeyAction::Backspace, 1.0f)},
            {special(KeyAction::Hide, 1.0f), special(KeyAction::Enter, 2.0f)}};
  }
  if (page == KeyboardPage::Symbols) {
    KeyRow r3 = letters({".", ",", "?", "!", "'", "#", "%", "&", "/"});
    r3.push_back(special(KeyAction::Backspace, 2.0f));
    return {letters({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}),
            letters({"-", "_", ":", ";", "(", ")", "€", "@", "\"", "+"}),
            r3,
            {special(KeyAction::ToLetters, 2.0f), special(KeyAction::Space, 5.0f), special(KeyAction::Enter, 2.0f),
             special(KeyAction::Hide, 1.5f)}};
  }
  KeyRow r3{special(KeyAction::Shift, 1.5f)};
  for (const char* c : {"y", "x", "c", "v", "b", "n", "m"}) r3.push_back(insert(c));
  r3.push_back(insert("ß"));
  r3.push_back(special(KeyAction::Backspace, 1.5f));
  KeyRow r4{special(KeyAction::ToSymbols, 1.5f)};
  // Enter is wide: its label ("Fertig", "Готово") must fit in large-text mode too.
  if (mode == KeyboardMode::Email) {
    r4.push_back(insert("@"));
    r4.push_back(special(KeyAction::Space, 2.0f));
    r4.push_back(insert("."));
    Key de = insert(".de");
    de.width = 1.5f;
    r4.push_back(de);
  } else {
    r4.push_back(insert(","));
    r4.push_back(special(KeyAction::Space, 4.0f));
    r4.push_back(insert("."));
  }
  r4.push_back(special(KeyAction::Enter, 2.5f));
  r4.push_back(special(KeyAction::Hide, 1.5f));
  return {letters({"q", "w", "e", "r", "t", "z", "u", "i", "o", "p", "ü"}),
          letters({"a", "s", "d", "f", "g", "h", "j", "k", "l", "ö", "ä"}), r3, r4};
}

}  // namespace kiosk
