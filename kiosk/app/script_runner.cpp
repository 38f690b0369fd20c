#include "kiosk/app/script_runner.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/screenshot.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/script_steps.hpp"

namespace kiosk {
namespace {

// Renders frames until `ms` of real time have passed, sleeping in the platform between them.
void wait_real_time(KioskApp& app, int ms) {
  const double until = app.now() + ms / 1000.0;
  while (app.now() < until) {
    const int left = static_cast<int>((until - app.now()) * 1000.0);
    app.platform().pump_events(std::max(1, std::min(left, 16)));
    app.run_posted();  // workers' answers (a PIN check, a sync) arrive as in the real loop
    app.render_frame();
  }
}

// Expectations may depend on a worker's answer (the outbox saying a registration is on disk):
// the loop runs posted tasks and renders until `holds` is true, waking whenever a worker posts,
// for at most ten seconds of real time. The condition ends the wait, not a fixed delay.
template <class Holds>
bool settle_until(KioskApp& app, const Holds& holds) {
  const double until = app.now() + 10.0;
  for (;;) {
    app.run_posted();
    app.driver().settle();
    if (holds() || app.now() >= until) return holds();
    app.platform().pump_events(50);
  }
}

// Calls `each(n, utterance)` for everything said from utterance number `from` on (numbers count
// every utterance ever logged; the log keeps the latest 2,000) until `each` returns true.
template <class Each>
bool said_from(const KioskApp& app, size_t from, const Each& each) {
  const auto& log = app.speech_log();
  const size_t first = app.speech_said() - log.size();
  for (size_t n = std::max(from, first); n < app.speech_said(); ++n)
    if (each(n, log[n - first])) return true;
  return false;
}

// The fragment may span parts ("Filter, Hörde, gewählt"); with a language, a part in it must be
// among what matched.
bool speech_matches(const Utterance& u, const ScriptStep& step) {
  if (u.text().find(step.text) == std::string::npos) return false;
  if (!step.lang) return true;
  for (const SpokenPart& p : u.parts)
    if (p.lang == *step.lang && (step.text.find(p.text) != std::string::npos || p.text.find(step.text) != std::string::npos)) return true;
  return false;
}

// `next`: the first utterance not yet matched past (expectations are met in order).
bool expect_speech(KioskApp& app, const ScriptStep& step, size_t& next, std::string& error) {
  size_t hit = 0;
  const auto find = [&] {  // asked more than once: it only looks
    return said_from(app, next, [&](size_t n, const Utterance& u) { return speech_matches(u, step) && (hit = n, true); });
  };
  if (settle_until(app, find)) {
    next = hit + 1;
    return true;
  }
  error = "expected speech containing \"" + step.text + "\"" + (step.lang ? " in " + std::string(lang_code(*step.lang)) : "") +
          ", but the kiosk said:";
  said_from(app, next, [&](size_t, const Utterance& u) {
    error += " [" + u.text() + (u.parts.empty() ? "" : " (" + std::string(lang_code(u.parts.front().lang)) + ")") + "]";
    return false;
  });
  if (next >= app.speech_said()) error += " nothing since the last match";
  return false;
}

bool press_key(KioskApp& app, const std::string& name) {
  static const std::pair<const char*, int> keys[] = {{"tab", ImGuiKey_Tab}, {"shift+tab", ImGuiKey_Tab}, {"enter", ImGuiKey_Enter},
                                                     {"escape", ImGuiKey_Escape}, {"left", ImGuiKey_LeftArrow},
                                                     {"right", ImGuiKey_RightArrow}, {"up", ImGuiKey_UpArrow},
                                                     {"down", ImGuiKey_DownArrow}, {"insert", ImGuiKey_Insert}};
  for (const auto& [n, k] : keys)
    if (name == n) {
      app.driver().key(k, name == "shift+tab");
      return true;
    }
  app.driver().type(name);  // one character: the keypad's ? + - * r
  return true;
}

bool run_step(KioskApp& app, const ScriptStep& step, std::string& error, size_t& speech_next) {
  auto& driver = app.driver();
  using A = ScriptStep::Action;
  switch (step.action) {
    case A::Tap: return driver.tap(step.text, error);
    case A::DragAt:  // {"drag_at": [x, y], "dy": -800}: a drag from a point (benchmarks)
      driver.drag_from(step.x, step.y, step.dx, step.dy);
      return true;
    case A::Drag: return driver.drag(step.text, step.dx, step.dy, error);
    case A::Hold:  // {"hold": "staff.entry", "ms": 3200}: a long press
      if (!driver.press(step.text, error)) return false;
      wait_real_time(app, step.ms);
      driver.release();
      return true;
    case A::Type: driver.type(step.text); return true;
    case A::ExpectSpeech: return expect_speech(app, step, speech_next, error);
    case A::Explore:  // a finger resting on the widget: with speech on, it is said, not activated
      if (!driver.press(step.text, error)) return false;
      wait_real_time(app, step.ms);
      driver.release();
      return true;
    case A::DoubleTap: {
      // A visitor double-taps after the last gesture is over: a tap just before would make this
      // double tap's first tap its second one. Wait until the reader has closed that window.
      const double ready_at = app.ui().screen_reader().next_deadline();
      if (std::isfinite(ready_at) && ready_at > app.now()) wait_real_time(app, static_cast<int>((ready_at - app.now()) * 1000.0) + 1);
      const ImVec2 size = ImGui::GetIO().DisplaySize;
      driver.double_tap_at(size.x * 0.5f, size.y * 0.5f);
      // The tap it hands to ImGui takes a few more frames; the next step sees what it did.
      for (int i = 0; i < 30 && app.ui().screen_reader().busy(); ++i) app.render_frame();
      driver.settle();
      return true;
    }
    case A::Flick: {
      const ImVec2 size = ImGui::GetIO().DisplaySize;
      const float dx = step.text == "right" ? 0.3f * size.x : step.text == "left" ? -0.3f * size.x : 0.0f;
      const float dy = step.text == "down" ? 0.2f * size.y : step.text == "up" ? -0.2f * size.y : 0.0f;
      driver.flick_from(size.x * 0.5f - dx * 0.5f, size.y * 0.5f - dy * 0.5f, dx, dy);
      return true;
    }
    case A::Key:
      if (step.until.empty()) return press_key(app, step.text);
      // As a blind visitor does: press and listen until the wanted element is said.
      for (int i = 0; i < 300 && app.ui().screen_reader().focus() != step.until; ++i) press_key(app, step.text);
      if (app.ui().screen_reader().focus() == step.until) return true;
      error = "pressed " + step.text + " 300 times on screen \"" + std::string(app.ui().automation().screen()) + "\", but \"" +
              step.until + "\" never got the focus (it is on \"" + app.ui().screen_reader().focus() + "\")";
      return false;
    case A::Wait: wait_real_time(app, step.ms); return true;
    case A::ExpectScreen: {
      if (settle_until(app, [&] { return app.ui().automation().screen() == step.text; })) return true;
      const std::string_view have = app.ui().automation().screen();
      error = "expected screen \"" + step.text + "\", but the kiosk shows \"" + std::string(have) + "\"";
      return false;
    }
    case A::ExpectWidget: {
      if (settle_until(app, [&] {
            const auto* w = app.ui().automation().find(step.text);
            return w != nullptr && w->is_visible();
          }))
        return true;
      const auto* w = app.ui().automation().find(step.text);
      error = "expected widget \"" + step.text + "\" to be visible on screen \"" + std::string(app.ui().automation().screen()) +
              "\"" + (w ? ", but it is scrolled out of view" : ", but it is not there");
      return false;
    }
    case A::Screenshot: {
      Image image;
      return app.capture_screen(image) && write_png(image, step.text, error);
    }
    case A::Quit: return true;
  }
  return false;
}

}  // namespace

ScriptOutcome run_script(KioskApp& app, const std::string& path) {
  std::ifstream in(path);
  if (!in) return {false, false, path + ": cannot read the script"};
  std::stringstream text;
  text << in.rdbuf();
  std::vector<ScriptStep> steps;
  std::string error;
  if (!parse_script(text.str(), steps, error)) return {false, false, path + ": " + error};
  app.driver().settle();
  size_t speech_next = 0;
  for (const ScriptStep& step : steps) {
    if (!run_step(app, step, error, speech_next)) return {false, false, path + ": " + step.source + ": " + error};
    log::debug("script: " + step.source + " done");
    if (step.action == ScriptStep::Action::Quit) return {true, true, {}};
  }
  return {true, false, {}};
}

std::optional<int> run_unattended(KioskApp& app, const std::string& script_path, const std::string& screenshot_path) {
  if (!script_path.empty()) {
    const ScriptOutcome outcome = run_script(app, script_path);
    if (!outcome.ok) {
      log::error("script: " + outcome.message);
      return 3;
    }
    log::info("script: " + script_path + ": every step done");
    if (outcome.quit && screenshot_path.empty()) return 0;
  }
  if (screenshot_path.empty()) return std::nullopt;
  Image image;
  std::string error;
  if (!app.capture_screen(image) || !write_png(image, screenshot_path, error)) {
    log::error("screenshot: " + (error.empty() ? std::string("the platform cannot capture") : error));
    return 1;
  }
  log::info("screenshot: wrote " + screenshot_path);
  return 0;
}

}  // namespace kiosk
