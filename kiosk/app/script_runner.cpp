#include "kiosk/app/script_runner.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/screenshot.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk {
namespace {

using json = nlohmann::json;

std::string describe_step(size_t i, const json& step) { return "step " + std::to_string(i + 1) + " " + step.dump(); }

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

bool run_step(KioskApp& app, const json& step, std::string& error, bool& quit) {
  auto& driver = app.driver();
  if (!step.is_object() || (step.size() != 1 && !step.contains("drag") && !step.contains("drag_at") && !step.contains("hold"))) {
    error = "expected an object with one action (tap, drag, hold, type, wait_ms, expect_screen, expect_widget, screenshot, quit)";
    return false;
  }
  if (step.contains("tap")) return step["tap"].is_string() && driver.tap(step["tap"].get<std::string>(), error);
  if (step.contains("drag_at")) {  // {"drag_at": [x, y], "dy": -800}: a drag from a point (benchmarks)
    const json& at = step["drag_at"];
    if (!at.is_array() || at.size() != 2 || !at[0].is_number() || !at[1].is_number())
      return error = "\"drag_at\" takes [x, y] in pixels", false;
    driver.drag_from(at[0].get<float>(), at[1].get<float>(), step.value("dx", 0.0f), step.value("dy", 0.0f));
    return true;
  }
  if (step.contains("drag")) {
    const float dx = step.value("dx", 0.0f), dy = step.value("dy", 0.0f);
    return step["drag"].is_string() && driver.drag(step["drag"].get<std::string>(), dx, dy, error);
  }
  if (step.contains("hold")) {  // {"hold": "staff.entry", "ms": 3200}: a long press
    const int ms = step.value("ms", 1000);
    if (!step["hold"].is_string() || ms < 0) return error = "\"hold\" takes a widget id and \"ms\"", false;
    if (!driver.press(step["hold"].get<std::string>(), error)) return false;
    wait_real_time(app, ms);
    driver.release();
    return true;
  }
  if (step.contains("type")) {
    if (!step["type"].is_string()) return error = "\"type\" takes a text", false;
    driver.type(step["type"].get<std::string>());
    return true;
  }
  if (step.contains("wait_ms")) {
    if (!step["wait_ms"].is_number_integer() || step["wait_ms"].get<int>() < 0) return error = "\"wait_ms\" takes milliseconds", false;
    wait_real_time(app, step["wait_ms"].get<int>());
    return true;
  }
  if (step.contains("expect_screen")) {
    const std::string want = step["expect_screen"].is_string() ? step["expect_screen"].get<std::string>() : "";
    driver.settle();
    const std::string_view have = app.ui().automation().screen();
    if (have == want) return true;
    error = "expected screen \"" + want + "\", but the kiosk shows \"" + std::string(have) + "\"";
    return false;
  }
  if (step.contains("expect_widget")) {
    const std::string id = step["expect_widget"].is_string() ? step["expect_widget"].get<std::string>() : "";
    driver.settle();
    const auto* w = app.ui().automation().find(id);
    if (w != nullptr && w->is_visible()) return true;
    error = "expected widget \"" + id + "\" to be visible on screen \"" + std::string(app.ui().automation().screen()) +
            "\"" + (w ? ", but it is scrolled out of view" : ", but it is not there");
    return false;
  }
  if (step.contains("screenshot")) {
    Image image;
    return step["screenshot"].is_string() && app.capture_screen(image) &&
           write_png(image, step["screenshot"].get<std::string>(), error);
  }
  if (step.contains("quit")) {
    quit = true;
    return true;
  }
  error = "unknown action; use tap, drag, hold, type, wait_ms, expect_screen, expect_widget, screenshot or quit";
  return false;
}

}  // namespace

ScriptOutcome run_script(KioskApp& app, const std::string& path) {
  std::ifstream in(path);
  if (!in) return {false, false, path + ": cannot read the script"};
  std::stringstream text;
  text << in.rdbuf();
  json steps;
  try {
    steps = json::parse(text.str());
  } catch (const json::exception& e) {
    return {false, false, path + ": not valid JSON: " + e.what()};
  }
  if (!steps.is_array()) return {false, false, path + ": expected a list of steps"};
  app.driver().settle();
  for (size_t i = 0; i < steps.size(); ++i) {
    std::string error;
    bool quit = false;
    if (!run_step(app, steps[i], error, quit)) return {false, false, path + ": " + describe_step(i, steps[i]) + ": " + error};
    log::debug("script: " + describe_step(i, steps[i]) + " done");
    if (quit) return {true, true, {}};
  }
  return {true, false, {}};
}

}  // namespace kiosk
