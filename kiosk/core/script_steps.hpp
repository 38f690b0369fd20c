#pragma once
// A --script walk, read and checked as a whole before its first step runs: a step of the wrong
// shape is named with its number, and nothing in the file can end the program (no exception
// escapes, no value is read as a type it is not).
//   [{"tap": "home.offers"}, {"type": "Anna"}, {"drag": "offers.list", "dy": -600},
//    {"drag_at": [540, 1200], "dy": -800}, {"hold": "staff.entry", "ms": 3200}, {"wait_ms": 300},
//    {"expect_screen": "offer_detail"}, {"expect_widget": "offer.x"}, {"screenshot": "detail.png"},
//    {"expect_speech": "Ehrenamt", "lang": "de"}, {"explore": "home.offers", "ms": 300},
//    {"double_tap": true}, {"flick": "right"}, {"key": "tab"}, {"key": "tab", "until": "home.offers"},
//    {"key": "?"}, {"quit": true}]
// expect_speech looks at what was said since the last expect_speech matched (in order).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/lang.hpp"

namespace kiosk {

struct ScriptStep {
  enum class Action {
    Tap, Drag, DragAt, Hold, Type, Wait, ExpectScreen, ExpectWidget, ExpectSpeech, Explore, DoubleTap, Flick, Key, Screenshot, Quit
  };
  Action action = Action::Quit;
  std::string text;  // widget id, text to type, screen name or file
  float x = 0, y = 0, dx = 0, dy = 0;
  int ms = 0;
  std::optional<Lang> lang;  // expect_speech: said in this language
  std::string until;         // key: pressed until this widget has the focus (at most 300 times)
  std::string source;  // "step 3 {"tap":"home.offers"}", for messages
};

// False with "step N {…}: why" (or why the file as a whole is unusable).
bool parse_script(std::string_view text, std::vector<ScriptStep>& steps, std::string& error);

}  // namespace kiosk
