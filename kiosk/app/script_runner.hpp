#pragma once
// Runs a walk through the real program, step by step, with the same driver the tests use:
//   [{"tap": "home.offers"}, {"type": "Anna"}, {"drag": "offers.list", "dy": -600},
//    {"wait_ms": 300}, {"expect_screen": "offer_detail"}, {"expect_widget": "offer.x"},
//    {"screenshot": "detail.png"}, {"quit": true}]
// A step that cannot be done stops the run with a message naming the step.
#include <optional>
#include <string>

namespace kiosk {

class KioskApp;

struct ScriptOutcome {
  bool ok = true;
  bool quit = false;  // the script asked to end the program
  std::string message;
};

ScriptOutcome run_script(KioskApp& app, const std::string& script_path);

// --script and --screenshot: runs the script (if any), then writes the screenshot (if any).
// The program's exit code when it should end now (0 done, 1 no screenshot, 3 a step failed);
// nothing when it should go on running interactively.
std::optional<int> run_unattended(KioskApp& app, const std::string& script_path, const std::string& screenshot_path);

}  // namespace kiosk
