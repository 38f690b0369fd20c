#include "kiosk/app/script_runner.hpp"

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

bool run_step(KioskApp& app, const ScriptStep& step, std::string& error) {
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
  for (const ScriptStep& step : steps) {
    if (!run_step(app, step, error)) return {false, false, path + ": " + step.source + ": " + error};
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
