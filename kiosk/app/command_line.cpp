#include "kiosk/app/command_line.hpp"

#include <CLI/CLI.hpp>

#include "kiosk/core/content_formats.hpp"

namespace kiosk {
namespace {

bool parse_size(const std::string& s, int& w, int& h) {
  auto x = s.find('x');
  if (x == std::string::npos) return false;
  try {
    w = std::stoi(s.substr(0, x));
    h = std::stoi(s.substr(x + 1));
  } catch (...) {
    return false;
  }
  return w >= 200 && h >= 200 && w <= 8192 && h <= 8192;
}

}  // namespace

std::optional<int> parse_command_line(int argc, char** argv, KioskOptions& out) {
  CLI::App app{"berswordt-kiosk: the touchscreen of the FreiwilligenAgentur in the Berswordt-Halle"};
  std::string windowed, lang = "de", screen;
  app.add_option("--platform", out.platform, "Window system: sdl2 (default) or glfw")
      ->check(CLI::IsMember({"sdl2", "glfw"}));
  app.add_flag("--fullscreen", out.window.fullscreen, "Cover the whole screen (the kiosk's normal mode)");
  app.add_option("--windowed", windowed, "Run in a window of WIDTHxHEIGHT pixels, e.g. 1080x1920")
      ->excludes("--fullscreen");
  app.add_option("--content-dir", out.content_dir,
                 "Show the content in this folder (falls back to the bundled content if it is invalid)");
  app.add_option("--screenshot", out.screenshot, "Write a PNG of the settled screen to FILE and exit (after --script)");
  app.add_option("--script", out.script, "Run the steps in this JSON file (tap, drag, type, wait_ms, expect_screen, "
                                          "expect_widget, expect_speech, explore, double_tap, flick, key, screenshot, quit); exit non-zero naming a step that fails");
  app.add_option("--idle-timeout", out.idle_timeout_s, "Seconds without a touch before \"Sind Sie noch da?\" (default 90)")
      ->check(CLI::Range(5.0, 86400.0));
  app.add_option("--config", out.config, "Configuration file (default /etc/berswordt-kiosk/kiosk.json; missing = bundled content only)");
  app.add_option("--state-dir", out.state_dir, "Where the trusted version is kept (default: systemd's StateDirectory)");
  app.add_option("--cache-dir", out.cache_dir, "Where verified bundles are kept (default: systemd's CacheDirectory)");
  app.add_option("--backend", out.backend, "Base URL of the published bundle (overrides kiosk.json \"backend\")");
  app.add_option("--public-key", out.public_keys, "A trusted minisign public key (RW…); give it twice during a key rotation")
      ->expected(1);
  app.add_option("--poll-interval", out.poll_interval_s, "Seconds between content checks (default 300)")->check(CLI::Range(10, 86400));
  app.add_flag("--allow-http-loopback", out.allow_http_loopback, "Allow plain http to 127.0.0.1/localhost (tests only)");
  app.add_option("--lang", lang, "Start in this language: de, en, tr or uk")->check(CLI::IsMember({"de", "en", "tr", "uk"}));
  app.add_option("--screen", screen, "Start on a screen: attract (default), home, units, offers, unit_detail:ID or offer_detail:ID");
  app.add_flag("-v,--verbose", out.verbose, "Log debug messages");
  app.add_flag("--speech", out.speech, "Start with speech on (visitors turn it on and off by holding the bottom bar's left end for 3 s, or with * on a keypad)")
      ->group("Accessibility");
  app.add_flag("--speech-headphones", out.speech_headphones,
               "Speech goes to a headphone jack only, so what a visitor types may be read back to them (on a loudspeaker only its length is said)")
      ->group("Accessibility");
  app.add_option("--speech-wav", out.speech_wav, "Start with speech on and write everything said to this WAV file instead of the sound card")
      ->group("Testing");
  app.add_flag("--test-freeze-on-usr1", out.test_freeze_on_usr1,
               "Tests only: SIGUSR1 makes the main loop hang, so a test can watch the watchdog pings stop")
      ->group("Testing");
  app.add_flag("--sync-in-script", out.sync_in_script,
               "Tests only: with --script, sync content from the backend as a running kiosk does (scripts otherwise show what is on disk)")
      ->group("Testing");
  app.add_option("--today", out.today,
                 "Tests only: take this day (YYYY-MM-DD) as the local date, for offers' valid_until")
      ->check([](const std::string& d) { return is_date(d) ? std::string() : "expected a date like 2026-12-31"; })
      ->group("Testing");
  app.add_option("--frame-log", out.frame_log,
                 "Benchmarks: at exit write each frame's start, UI CPU time (NewFrame to Render) and wall time, in ns")
      ->group("Testing");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (!windowed.empty() && !parse_size(windowed, out.window.width, out.window.height)) {
    std::fprintf(stderr, "--windowed: expected WIDTHxHEIGHT such as 1080x1920, got \"%s\"\n", windowed.c_str());
    return 2;
  }
  out.lang = *lang_from_code(lang);
  if (!screen.empty()) {
    Route r;
    const auto colon = screen.find(':');
    if (!screen_from_name(screen.substr(0, colon), r.screen)) {
      std::fprintf(stderr, "--screen: unknown screen \"%s\" (home, units, offers, unit_detail:ID, offer_detail:ID)\n",
                   screen.c_str());
      return 2;
    }
    if (colon != std::string::npos) r.item = screen.substr(colon + 1);
    out.start = r;
  }
  return std::nullopt;
}

}  // namespace kiosk
