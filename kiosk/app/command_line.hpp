#pragma once
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/lang.hpp"
#include "kiosk/core/navigation.hpp"
#include "kiosk/platform/platform.hpp"

namespace kiosk {

struct KioskOptions {
  std::string platform = "sdl2";
  WindowSpec window{720, 1280, false, "Berswordt-Halle"};
  std::string content_dir;
  std::string screenshot;        // write a PNG of the settled screen and exit
  std::string script;            // run these steps (see script_runner.hpp)
  std::optional<double> idle_timeout_s;  // overrides kiosk.json
  std::string config = "/etc/berswordt-kiosk/kiosk.json";
  std::string state_dir;         // overrides kiosk.json and $STATE_DIRECTORY
  std::string cache_dir;         // overrides kiosk.json and $CACHE_DIRECTORY
  std::string backend;           // overrides kiosk.json
  std::vector<std::string> public_keys;
  std::optional<int> poll_interval_s;
  bool allow_http_loopback = false;
  Lang lang = Lang::De;
  std::optional<Route> start;    // --screen offer_detail:ID
  bool verbose = false;
  bool test_freeze_on_usr1 = false;
  std::string today;                 // tests: the local date (YYYY-MM-DD) instead of the clock's
  bool sync_in_script = false;       // tests: a --script run syncs content as a running kiosk does
  std::string speech_wav;            // start with speech on and write everything said to this WAV
  bool speech = false;               // start with speech on (the loudspeaker)
  bool speech_headphones = false;    // speech goes to headphones only: typed text may be spoken
  std::string frame_log;             // benchmarks: write every frame's timings here at exit  // tests only: SIGUSR1 hangs the main loop (the watchdog test)
};

// Parses argv; on --help or an error prints to stdout/stderr and returns an exit code to use.
std::optional<int> parse_command_line(int argc, char** argv, KioskOptions& out);

}  // namespace kiosk
