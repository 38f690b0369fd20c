#pragma once
// Wires platform, fonts and the visitor UI together and runs the main loop. The loop sleeps
// in the platform until input or a wake-up arrives, then renders a few frames and sleeps
// again: a static screen costs no frames and no CPU.
#include <filesystem>
#include <deque>
#include <functional>
#include <vector>
#include <memory>
#include <mutex>
#include <string>

#include "kiosk/app/preview_loader.hpp"
#include "kiosk/app/speech_output.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/core/search_index.hpp"
#include "kiosk/net/sync_engine.hpp"
#include "kiosk/store/media_images.hpp"
#include "kiosk/platform/platform.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/kiosk_ui.hpp"
#include "kiosk/ui/ui_driver.hpp"

struct ImGuiContext;

namespace kiosk {

// What the counter staff and the admins' heartbeat need to know about the content shown.
struct ContentStatus {
  std::string source;        // "bundled content", "cached bundle version 4", …
  long version = 0;          // of the signed bundle shown, 0 for bundled content
  std::string expires;       // RFC 3339, when a signed bundle is shown
  int64_t expires_at = 0;
  int64_t created_at = 0;    // when the bundle was published
  std::string last_sync;     // RFC 3339 of the last successful check
  std::string last_error;    // why the last check failed or what it refused, in words; empty after success
  bool stale(int64_t now) const { return version > 0 && now >= expires_at; }
};

class KioskApp {
 public:
  KioskApp(std::unique_ptr<Platform> platform, SnapshotPtr content, VisitOptions options = {});
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

  // Thread-safe: runs `task` on the main loop soon, and wakes the loop for it. Workers hand
  // their results over this way; nothing else of theirs touches the UI.
  void post(std::function<void()> task);
  // Runs what was posted (the loop does this itself; tests call it).
  void run_posted();

  // A sync outcome, on the main thread: a new snapshot is swapped in whole; the status notes
  // success or the reason for failure.
  void apply_sync(const SyncOutcome& outcome, std::shared_ptr<const SearchIndex> index, int64_t now_epoch);
  // A copy, safe from any thread (the heartbeat reads it on its worker).
  ContentStatus content_status() const;
  void set_content_status(ContentStatus status);
  // Content read at start-up on another thread (cache, --content-dir); false when a sync has
  // shown this version or a newer one meanwhile, which then stays.
  bool offer_startup_content(SnapshotPtr content, std::shared_ptr<const SearchIndex> index, ContentStatus status);
  std::string content_status_json(int64_t now_epoch) const;
  // New pictures for the content shown: uploaded as textures here, the old ones released.
  void apply_media(std::shared_ptr<const MediaImages> images);
  // Staff mode's preview, fetched: shown until the visit ends, or its reason given to staff.
  void apply_preview(const LoadedPreview& preview);

  // Where speech goes (none: it is only logged). Everything said is kept in speech_log() as
  // well, the last 2,000 utterances, for `expect_speech` steps; it holds no typed text unless
  // speech goes to headphones, and it is never written anywhere.
  void set_speech_output(std::unique_ptr<SpeechOutput> output) { speech_ = std::move(output); }
  SpeechOutput* speech_output() { return speech_.get(); }
  const std::deque<Utterance>& speech_log() const { return speech_log_; }
  // Counts every utterance ever logged, so a reader of the log can tell what is new.
  size_t speech_said() const { return speech_said_; }

  ui::KioskUi& ui() { return *ui_; }
  ui::UiDriver& driver() { return *driver_; }
  Platform& platform() { return *platform_; }
  long frames_rendered() const { return frames_; }

  // Benchmarks: every frame's start (CLOCK_MONOTONIC), the UI thread's CPU time from NewFrame
  // to Render (building the UI, not drawing it) and the frame's wall time, all in ns.
  struct FrameRecord {
    int64_t start_ns, ui_cpu_ns, wall_ns;
  };
  void record_frames(bool on) { recording_ = on; }
  const std::vector<FrameRecord>& frame_records() const { return frame_records_; }

  // Benchmarks: writes the frame records as "start_ns ui_cpu_ns wall_ns" lines.
  bool write_frame_log(const std::string& file) const;

  // Called once, after the first frame is presented (systemd's READY=1).
  void on_first_frame(std::function<void()> f) { first_frame_ = std::move(f); }
  // Called from the loop at least every `interval_s` while the loop runs (systemd's watchdog):
  // a loop that hangs stops calling it. The loop wakes for it even on a static screen, but
  // renders nothing for it.
  void set_keepalive(double interval_s, std::function<void()> f) {
    keepalive_s_ = interval_s;
    keepalive_ = std::move(f);
  }

  // Seconds on a monotonic clock; tests replace it to let minutes pass without waiting.
  void set_clock(std::function<double()> clock) { clock_ = std::move(clock); }
  double now() const { return clock_(); }

 private:
  bool ensure_fonts(std::string& error);
  void use_fonts(const ui::FontSet& set);  // applies the style for its size, uploads the atlas
  float font_em_for(int width, int height) const;
  int wait_ms(int frames_due) const;
  mutable double ui_wake_at_ = 0.0;  // when the UI said it next changes by itself (set by wait_ms)

  std::unique_ptr<Platform> platform_;
  std::unique_ptr<ImFontAtlas> atlas_;  // io.Fonts; built before the context when it can be
  ImGuiContext* imgui_ = nullptr;
  std::unique_ptr<ui::KioskUi> ui_;
  std::unique_ptr<ui::UiDriver> driver_;
  ui::FontSet fonts_;
  long frames_ = 0;
  bool recording_ = false;
  std::vector<FrameRecord> frame_records_;
  std::function<double()> clock_;
  mutable std::mutex status_mutex_;
  ContentStatus status_;
  std::vector<void*> textures_;
  std::shared_ptr<const MediaImages> live_media_;  // the live content's, kept while a preview shows
  void upload_media(const std::shared_ptr<const MediaImages>& images);
  std::function<void()> first_frame_;
  double keepalive_s_ = 0.0;
  std::function<void()> keepalive_;
  double next_keepalive_ = 0.0;
  void keep_alive();
  std::unique_ptr<SpeechOutput> speech_;
  std::deque<Utterance> speech_log_;
  size_t speech_said_ = 0;
  std::mutex posted_mutex_;
  std::vector<std::function<void()>> posted_;
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
  std::string expires;
  int64_t expires_at = 0;
  int64_t created_at = 0;
  ContentStatus status() const;  // what the staff screen and the heartbeat say about it
};

// The content to start with: `content_dir` when given and valid; else the cached bundle if it
// passes every check of PRODUCT.md §5 against the configured keys and the trusted version; else
// the bundled content. Every problem is logged, none is fatal.
StartupContent load_startup_content(const StartupInputs& in);

}  // namespace kiosk
