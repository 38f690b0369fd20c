#pragma once
// The on-screen keyboard as data: which keys, in which rows, for which kind of field. The UI
// draws it and the tests read it; nothing here knows how a key looks.
#include <string>
#include <vector>

namespace kiosk {

enum class KeyboardMode { Text, Email, Phone };
enum class KeyboardPage { Letters, Symbols };

enum class KeyAction { Insert, Shift, Backspace, Space, Enter, ToSymbols, ToLetters, Hide };

struct Key {
  KeyAction action = KeyAction::Insert;
  std::string text;     // what Insert types
  std::string shifted;  // what it types with shift or caps lock (from an explicit table: ä→Ä)
  float width = 1.0f;   // in key units
  std::string id() const;  // automation id: "osk.key.ü", "osk.key..de", "osk.shift", "osk.backspace" …
};

using KeyRow = std::vector<Key>;

std::vector<KeyRow> keyboard_rows(KeyboardMode mode, KeyboardPage page);

// Upper case for the keyboard's own letters (a–z, ä ö ü); ß has no capital on the keyboard.
std::string keyboard_upper(const std::string& key_text);

}  // namespace kiosk
