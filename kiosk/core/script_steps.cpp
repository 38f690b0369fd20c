#include "kiosk/core/script_steps.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "kiosk/core/json_depth.hpp"
#include "kiosk/core/lang.hpp"

namespace kiosk {

namespace {

using json = nlohmann::json;

constexpr const char* kActions =
    "tap, drag, drag_at, hold, type, wait_ms, expect_screen, expect_widget, expect_speech, explore, double_tap, flick, key, "
    "screenshot or quit";
constexpr const char* kKeys = "tab, shift+tab, enter, escape, left, right, up, down, insert, or one character such as ? + - * r";

// A finite number of pixels within any screen's reach.
bool pixels(const json& step, const char* key, float& out) {
  const auto it = step.find(key);
  if (it == step.end()) return true;
  if (!it->is_number() || !std::isfinite(it->get<double>()) || std::fabs(it->get<double>()) > 100000) return false;
  out = static_cast<float>(it->get<double>());
  return true;
}

// Milliseconds from 0 to an hour.
bool millis(const json& v, int& out) {
  if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > 3'600'000) return false;
  out = static_cast<int>(v.get<int64_t>());
  return true;
}

std::string read_step(const json& step, ScriptStep& s) {
  if (!step.is_object() || (step.size() != 1 && !step.contains("drag") && !step.contains("drag_at") && !step.contains("hold") &&
                            !step.contains("expect_speech") && !step.contains("explore") && !step.contains("key")))
    return std::string("expected an object with one action (") + kActions + ")";
  const auto text = [&](const char* key) -> bool {
    const auto it = step.find(key);
    if (it == step.end() || !it->is_string()) return false;
    s.text = it->get<std::string>();
    return true;
  };
  if (step.contains("tap")) return s.action = ScriptStep::Action::Tap, text("tap") ? "" : "\"tap\" takes a widget id";
  if (step.contains("drag_at")) {
    s.action = ScriptStep::Action::DragAt;
    const json& at = step["drag_at"];
    if (!at.is_array() || at.size() != 2 || !at[0].is_number() || !at[1].is_number() || !std::isfinite(at[0].get<double>()) ||
        !std::isfinite(at[1].get<double>()))
      return "\"drag_at\" takes [x, y] in pixels";
    s.x = static_cast<float>(at[0].get<double>());
    s.y = static_cast<float>(at[1].get<double>());
    return pixels(step, "dx", s.dx) && pixels(step, "dy", s.dy) ? "" : "\"dx\" and \"dy\" take pixels";
  }
  if (step.contains("drag")) {
    s.action = ScriptStep::Action::Drag;
    if (!text("drag")) return "\"drag\" takes a widget id";
    return pixels(step, "dx", s.dx) && pixels(step, "dy", s.dy) ? "" : "\"dx\" and \"dy\" take pixels";
  }
  if (step.contains("hold")) {
    s.action = ScriptStep::Action::Hold;
    s.ms = 1000;
    if (!text("hold") || (step.contains("ms") && !millis(step["ms"], s.ms))) return "\"hold\" takes a widget id and \"ms\"";
    return "";
  }
  if (step.contains("type")) return s.action = ScriptStep::Action::Type, text("type") ? "" : "\"type\" takes a text";
  if (step.contains("wait_ms"))
    return s.action = ScriptStep::Action::Wait, millis(step["wait_ms"], s.ms) ? "" : "\"wait_ms\" takes milliseconds (up to an hour)";
  if (step.contains("expect_screen"))
    return s.action = ScriptStep::Action::ExpectScreen, text("expect_screen") ? "" : "\"expect_screen\" takes a screen name";
  if (step.contains("expect_widget"))
    return s.action = ScriptStep::Action::ExpectWidget, text("expect_widget") ? "" : "\"expect_widget\" takes a widget id";
  if (step.contains("screenshot"))
    return s.action = ScriptStep::Action::Screenshot, text("screenshot") ? "" : "\"screenshot\" takes a file name";
  if (step.contains("expect_speech")) {  // {"expect_speech": "Ehrenamt", "lang": "de"}
    s.action = ScriptStep::Action::ExpectSpeech;
    if (!text("expect_speech") || s.text.empty()) return "\"expect_speech\" takes a part of what should be said";
    if (step.contains("lang")) {
      const json& l = step["lang"];
      if (!l.is_string() || !lang_from_code(l.get<std::string>())) return "\"lang\" takes de, en, tr or uk";
      s.lang = lang_from_code(l.get<std::string>());
    }
    return step.size() == 1 + (s.lang ? 1u : 0u) ? "" : "\"expect_speech\" takes only \"lang\" beside it";
  }
  if (step.contains("explore")) {  // {"explore": "home.offers", "ms": 300}: a finger resting on it
    s.action = ScriptStep::Action::Explore;
    s.ms = 300;
    if (!text("explore") || (step.contains("ms") && !millis(step["ms"], s.ms))) return "\"explore\" takes a widget id and \"ms\"";
    return step.size() == 1 + (step.contains("ms") ? 1u : 0u) ? "" : "\"explore\" takes only \"ms\" beside it";
  }
  if (step.contains("double_tap")) {  // anywhere: the middle of the screen
    s.action = ScriptStep::Action::DoubleTap;
    return step["double_tap"] == true ? "" : "\"double_tap\" takes true";
  }
  if (step.contains("flick")) {
    s.action = ScriptStep::Action::Flick;
    if (!text("flick") || (s.text != "left" && s.text != "right" && s.text != "up" && s.text != "down"))
      return "\"flick\" takes left, right, up or down";
    return "";
  }
  if (step.contains("key")) {
    s.action = ScriptStep::Action::Key;
    static const char* const names[] = {"tab", "shift+tab", "enter", "escape", "left", "right", "up", "down", "insert"};
    if (!text("key")) return std::string("\"key\" takes ") + kKeys;
    if (step.contains("until")) {  // {"key": "tab", "until": "home.offers"}: pressed until that has the focus
      const json& until = step["until"];
      if (!until.is_string() || until.get<std::string>().empty()) return "\"until\" takes a widget id";
      if (s.text != "tab" && s.text != "shift+tab" && s.text != "left" && s.text != "right" && s.text != "up" && s.text != "down")
        return "\"until\" goes with a key that moves the focus (tab, shift+tab or an arrow)";
      s.until = until.get<std::string>();
      return step.size() == 2 ? "" : "\"key\" takes only \"until\" beside it";
    }
    if (step.size() != 1) return "\"key\" takes only \"until\" beside it";
    for (const char* n : names)
      if (s.text == n) return "";
    if (s.text.size() == 1 && s.text[0] > ' ' && s.text[0] < 127) return "";
    return std::string("\"key\" takes ") + kKeys;
  }
  if (step.contains("quit")) return s.action = ScriptStep::Action::Quit, "";
  return std::string("unknown action; use ") + kActions;
}

}  // namespace

bool parse_script(std::string_view text, std::vector<ScriptStep>& steps, std::string& error) {
  steps.clear();
  if (!json_nesting_within(text, 16)) return error = "nested deeper than any script", false;
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) return error = "not valid JSON", false;
  if (!doc.is_array()) return error = "expected a list of steps", false;
  for (size_t i = 0; i < doc.size(); ++i) {
    ScriptStep s;
    s.source = "step " + std::to_string(i + 1) + " " + doc[i].dump(-1, ' ', false, json::error_handler_t::replace);
    const std::string why = read_step(doc[i], s);
    if (!why.empty()) return error = s.source + ": " + why, false;
    steps.push_back(std::move(s));
  }
  return true;
}

}  // namespace kiosk
