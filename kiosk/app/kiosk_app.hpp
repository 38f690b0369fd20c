#pragma once
// Wires platform, fonts and the visitor UI together and runs the main loop. The loop sleeps
// in the platform until input or a wake-up arrives, then renders a few frames and sleeps
// again: a static screen costs no frames and no CPU.
#include <filesystem>
#include <functional>
#include <vector>
#include <memory>
#include <string>

#include "kiosk/core/content.hpp"
#include "kiosk/platform/platform.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/kiosk_ui.hpp"
#include "kiosk/ui/ui_driver.hpp"

struct ImGuiContext;

namespace kiosk {

class KioskApp {
 public:
  KioskApp(std::unique_ptr<Platform> platform, SnapshotPtr content, ui::UiOptions options = {});
  ~KioskApp();
  KioskApp(const KioskApp&) = delete;
  KioskApp& operator=(const KioskApp&) = delete;

  bool open(const WindowSpec& window, std::string& error);

  // One complete frame: fonts for the current size, input, UI, render, present.
  void render_frame(Image* capture = nullptr);

  // Renders until the screen has settled and returns what it shows.
  bool capture_screen(Image& out);

  // The event loop; returns when the window is closed.
  void run();

  ui::KioskUi& ui() { return *ui_; }
  ui::UiDriver& driver() { return *driver_; }
  Platform& platform() { return *platform_; }
  long frames_rendered() const { return frames_; }

  // Seconds on a monotonic clock; tests replace it to let minutes pass without waiting.
  void set_clock(std::function<double()> clock) { clock_ = std::move(clock); }
  double now() const { return clock_(); }

 private:
  bool ensure_fonts(std::string& error);
  int wait_ms(int frames_due) const;

  std::unique_ptr<Platform> platform_;
  ImGuiContext* imgui_ = nullptr;
  std::unique_ptr<ui::KioskUi> ui_;
  std::unique_ptr<ui::UiDriver> driver_;
  ui::FontSet fonts_;
  float fonts_em_ = 0.0f;
  long frames_ = 0;
  std::function<double()> clock_;
};

struct StartupInputs {
  std::string content_dir;                 // --content-dir: an admin's preview, wins when valid
  std::filesystem::path cache_dir;         // the last bundle the kiosk verified
  std::filesystem::path state_dir;         // the trusted version
  std::vector<std::string> public_keys;    // from kiosk.json
  int64_t now = 0;                         // seconds since the epoch, for expiry
};

struct StartupContent {
  SnapshotPtr snapshot;  // null only when even the bundled content is unusable
  std::string source;    // "content folder …", "cached bundle version N", "bundled content"
  long version = 0;      // of the cached bundle, 0 otherwise
  bool stale = false;    // the cached bundle has expired: shown, but marked as such
};

// The content to start with: `content_dir` when given and valid; else the cached bundle if it
// passes every check of PRODUCT.md §5 against the configured keys and the trusted version; else
// the bundled content. Every problem is logged, none is fatal.
StartupContent load_startup_content(const StartupInputs& in);

}  // namespace kiosk
