#include "kiosk/core/keyboard_layout.hpp"

#include <utility>

namespace kiosk {
namespace {

Key special(KeyAction a, float width) { return {a, "", "", width}; }

struct Builder {
  KeyboardLayout layout;
  Key insert(const std::string& t, float width = 1.0f) const { return {KeyAction::Insert, t, keyboard_upper(t, layout), width}; }
  KeyRow letters(const std::vector<std::string>& chars) const {
    KeyRow row;
    for (const auto& c : chars) row.push_back(insert(c));
    return row;
  }
};

// The three rows of letters; the third sits between shift and backspace.
struct Letters {
  std::vector<std::string> r1, r2, r3;
};

Letters letters_of(KeyboardLayout l) {
  switch (l) {
    case KeyboardLayout::German:
      return {{"q", "w", "e", "r", "t", "z", "u", "i", "o", "p", "ü"},
              {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ö", "ä"},
              {"y", "x", "c", "v", "b", "n", "m", "ß"}};
    case KeyboardLayout::English:
      return {{"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
              {"a", "s", "d", "f", "g", "h", "j", "k", "l"},
              {"z", "x", "c", "v", "b", "n", "m"}};
    case KeyboardLayout::Turkish:  // Turkish Q, as printed on keyboards sold in Turkey
      return {{"q", "w", "e", "r", "t", "y", "u", "ı", "o", "p", "ğ", "ü"},
              {"a", "s", "d", "f", "g", "h", "j", "k", "l", "ş", "i"},
              {"z", "x", "c", "v", "b", "n", "m", "ö", "ç"}};
    case KeyboardLayout::Ukrainian:  // ЙЦУКЕН (ДСТУ 4246); ґ beside є, as on many phones
      return {{"й", "ц", "у", "к", "е", "н", "г", "ш", "щ", "з", "х", "ї"},
              {"ф", "і", "в", "а", "п", "р", "о", "л", "д", "ж", "є", "ґ"},
              {"я", "ч", "с", "м", "и", "т", "ь", "б", "ю"}};
  }
  return letters_of(KeyboardLayout::German);
}

// One code point as UTF-8 (the Cyrillic letters' capitals are computed, not listed).
std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    s.push_back(static_cast<char>(0xC0 | (c >> 6)));
    s.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    s.push_back(static_cast<char>(0xE0 | (c >> 12)));
    s.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  return s;
}

// The code point of a one- or two-byte UTF-8 letter; 0 for anything else.
char32_t code_point(const std::string& t) {
  if (t.size() == 1) return static_cast<unsigned char>(t[0]);
  if (t.size() == 2 && (static_cast<unsigned char>(t[0]) & 0xE0) == 0xC0)
    return (static_cast<char32_t>(static_cast<unsigned char>(t[0]) & 0x1F) << 6) | (static_cast<unsigned char>(t[1]) & 0x3F);
  return 0;
}

}  // namespace

KeyboardLayout layout_for(Lang lang) {
  switch (lang) {
    case Lang::De: return KeyboardLayout::German;
    case Lang::En: return KeyboardLayout::English;
    case Lang::Tr: return KeyboardLayout::Turkish;
    case Lang::Uk: return KeyboardLayout::Ukrainian;
  }
  return KeyboardLayout::German;
}

KeyboardLayout next_layout(KeyboardLayout l) {
  switch (l) {
    case KeyboardLayout::German: return KeyboardLayout::English;
    case KeyboardLayout::English: return KeyboardLayout::Turkish;
    case KeyboardLayout::Turkish: return KeyboardLayout::Ukrainian;
    case KeyboardLayout::Ukrainian: return KeyboardLayout::German;
  }
  return KeyboardLayout::German;
}

std::string_view layout_code(KeyboardLayout l) {
  switch (l) {
    case KeyboardLayout::German: return "DE";
    case KeyboardLayout::English: return "EN";
    case KeyboardLayout::Turkish: return "TR";
    case KeyboardLayout::Ukrainian: return "\xD0\xA3\xD0\x9A";  // УК
  }
  return "DE";
}

std::string keyboard_upper(const std::string& t, KeyboardLayout layout) {
  static const std::pair<const char*, const char*> kLatin[] = {{"ä", "Ä"}, {"ö", "Ö"}, {"ü", "Ü"}, {"ş", "Ş"},
                                                              {"ğ", "Ğ"}, {"ç", "Ç"}, {"ı", "I"}};
  if (layout == KeyboardLayout::Turkish && t == "i") return "İ";
  if (t.size() == 1 && t[0] >= 'a' && t[0] <= 'z') return std::string(1, static_cast<char>(t[0] - 'a' + 'A'));
  for (const auto& [lower, upper] : kLatin)
    if (t == lower) return upper;
  const char32_t c = code_point(t);
  if (c >= 0x430 && c <= 0x44F) return utf8(c - 0x20);  // а–я → А–Я
  if (c >= 0x450 && c <= 0x45F) return utf8(c - 0x50);  // і ї є … → І Ї Є …
  if (c == 0x491) return utf8(0x490);                   // ґ → Ґ
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
    case KeyAction::NextLayout: return "osk.layout";
    case KeyAction::Hide: return "osk.hide";
  }
  return "osk.unknown";
}

std::vector<KeyRow> keyboard_rows(KeyboardLayout layout, KeyboardMode mode, KeyboardPage page) {
  if (mode == KeyboardMode::Email) layout = layout == KeyboardLayout::German ? KeyboardLayout::German : KeyboardLayout::English;
  const Builder b{layout};
  if (mode == KeyboardMode::Phone) {
    return {b.letters({"1", "2", "3"}), b.letters({"4", "5", "6"}), b.letters({"7", "8", "9"}),
            {b.insert("+"), b.insert("0"), special(KeyAction::Backspace, 1.0f)},
            {special(KeyAction::Hide, 1.0f), special(KeyAction::Enter, 2.0f)}};
  }
  // Enter is wide: its label ("Weiter", "Далі") must fit in large-text mode too.
  if (page == KeyboardPage::Symbols) {
    KeyRow r3 = b.letters({".", ",", "?", "!", "'", "#", "%", "&", "/"});
    r3.push_back(special(KeyAction::Backspace, 2.0f));
    return {b.letters({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}),
            b.letters({"-", "_", ":", ";", "(", ")", "€", "@", "\"", "+"}),
            r3,
            {special(KeyAction::ToLetters, 2.0f), special(KeyAction::Space, 4.0f), special(KeyAction::Enter, 2.5f),
             special(KeyAction::Hide, 1.5f)}};
  }
  const Letters l = letters_of(layout);
  KeyRow r3{special(KeyAction::Shift, 1.5f)};
  for (const auto& c : l.r3) r3.push_back(b.insert(c));
  r3.push_back(special(KeyAction::Backspace, 1.5f));
  KeyRow r4{special(KeyAction::ToSymbols, 1.5f)};
  if (mode == KeyboardMode::Email) {
    r4.push_back(b.insert("@", 1.5f));
    r4.push_back(b.insert("."));
    r4.push_back(b.insert("-"));
    r4.push_back(b.insert(".de", 1.5f));
  } else {
    r4.push_back(special(KeyAction::NextLayout, 1.5f));
    // Ukrainian names and words take an apostrophe (Мар'яна, п'ять); the others a comma.
    r4.push_back(b.insert(layout == KeyboardLayout::Ukrainian ? "'" : ","));
    r4.push_back(special(KeyAction::Space, 3.0f));
    r4.push_back(b.insert("."));
  }
  r4.push_back(special(KeyAction::Enter, 2.5f));
  r4.push_back(special(KeyAction::Hide, 1.5f));
  return {b.letters(l.r1), b.letters(l.r2), r3, r4};
}

}  // namespace kiosk
