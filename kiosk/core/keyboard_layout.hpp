#pragma once
// The on-screen keyboard as data: which keys, in which rows, for which kind of field and which
// script. The UI draws it and the tests read it; nothing here knows how a key looks.
//
// Each UI language opens its own layout (German QWERTZ, English QWERTY, Turkish Q with ş ğ ı
// İ ç, Ukrainian ЙЦУКЕН with ї є і ґ and the apostrophe), and a key cycles through the others,
// so a Ukrainian visitor can type a Latin street name and a German one a Turkish surname. Email
// addresses are Latin: the email keyboard is QWERTZ in German and QWERTY otherwise, with no
// layout key and no space bar (an address has no spaces). The number pad is the same everywhere.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/lang.hpp"

namespace kiosk {

enum class KeyboardMode { Text, Email, Phone };
enum class KeyboardPage { Letters, Symbols };
enum class KeyboardLayout { German, English, Turkish, Ukrainian };
inline constexpr KeyboardLayout kAllLayouts[] = {KeyboardLayout::German, KeyboardLayout::English, KeyboardLayout::Turkish,
                                                 KeyboardLayout::Ukrainian};

enum class KeyAction { Insert, Shift, Backspace, Space, Enter, ToSymbols, ToLetters, NextLayout, Hide };

struct Key {
  KeyAction action = KeyAction::Insert;
  std::string text;     // what Insert types
  std::string shifted;  // what it types with shift or caps lock (from an explicit table: i→İ in Turkish)
  float width = 1.0f;   // in key units
  std::string id() const;  // automation id: "osk.key.ü", "osk.key..de", "osk.shift", "osk.layout" …
};

using KeyRow = std::vector<Key>;

KeyboardLayout layout_for(Lang lang);          // the layout a language's keyboard opens with
KeyboardLayout next_layout(KeyboardLayout l);  // what the layout key switches to
// The layout key's caption: the layout it shows now ("DE", "EN", "TR", "УК").
std::string_view layout_code(KeyboardLayout l);

std::vector<KeyRow> keyboard_rows(KeyboardLayout layout, KeyboardMode mode, KeyboardPage page);

// Upper case of one of the keyboard's own letters, as the layout's language writes it: i → İ
// and ı → I in Turkish, i → I elsewhere; ß has no capital on the keyboard.
std::string keyboard_upper(const std::string& key_text, KeyboardLayout layout = KeyboardLayout::German);

}  // namespace kiosk
