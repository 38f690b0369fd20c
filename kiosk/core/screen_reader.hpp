#pragma once
// The screen reader: speech for visitors who cannot see the screen (EN 301 549 5.1.3, closed
// functionality) and a focus that a keypad moves for those who cannot use the touchscreen
// (5.1.6). It works on the accessible tree (accessible_tree.hpp) and on the raw pointer, before
// Dear ImGui turns the pointer into clicks; it has no ImGui, no audio and no threads in it. It
// says what to speak (SpeechCommand) and what ImGui should see of the pointer (PointerOut).
//
// With speech on, a finger explores: what it touches or slides over is spoken at once and nothing
// is activated; a double tap anywhere activates what was in focus before it (what was spoken
// last before the double tap; a tap on its centre is handed to ImGui); a flick right or left moves to the next or previous element in reading
// order, up or down makes speech louder or quieter. One finger only (5.9). Any touch stops
// speech at once. A 3 s press on the toggle area (the bottom bar's left end, which carries a
// tactile mark) turns speech on or off; so does the keypad's speech key. The end of a visit
// turns it off and sets the volume back.
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/accessible_tree.hpp"

namespace kiosk {

struct TouchSample {
  float x = 0, y = 0;
  bool down = false;
};
// The pointer ImGui sees this frame; `away` moves it off the screen (nothing under it).
struct PointerOut {
  float x = 0, y = 0;
  bool down = false;
  bool away = false;
};

enum class ReaderKey { Next, Previous, Activate, Help, Repeat, VolumeUp, VolumeDown, Toggle };

struct SpeechCommand {
  enum class Kind { Say, Stop };
  Kind kind = Kind::Say;
  Utterance utterance;
  int volume = 80;  // percent
};

struct ReaderOptions {
  double toggle_hold_s = 3.0;    // the press that turns speech on or off
  double tap_max_s = 0.3;        // shorter, and not moved: a tap
  double double_tap_s = 0.4;     // the second tap of a double tap starts within this
  double flick_max_s = 0.35;     // a quick stroke of at least 1.5 em: a flick
  bool headphones = false;       // speech goes to headphones only: typed text may be spoken
  int default_volume = 80;
};

class ScreenReader {
 public:
  // Typed text of a personal field, by widget id; asked only when speech goes to headphones.
  using PrivateText = std::function<std::optional<std::string>(std::string_view id)>;

  explicit ScreenReader(ReaderOptions options = {}) : options_(options), volume_(options.default_volume) {}

  // The words in the UI's language and the form's typed text; set before each frame.
  void set_context(const ReaderWords* words, PrivateText private_text);

  bool on() const { return on_; }
  void set_headphones(bool headphones) { options_.headphones = headphones; }
  void set_on(bool on);  // says so ("Sprachausgabe an. Ziehen Sie den Finger …")

  // Before ImGui sees the pointer: the finger's raw state in, what ImGui gets out. `tree` is
  // the last frame's (what the finger is over); distances scale with `em`.
  PointerOut pointer(const TouchSample& raw, double now, const std::vector<WidgetRecord>& tree,
                     const WidgetRect& toggle_area, float em);
  // A keypad's or keyboard's key; false when it means nothing here (Enter with no focus).
  bool key(ReaderKey k, const std::vector<WidgetRecord>& tree);
  // After a frame is built: a new screen is announced (its heading, then its alerts), an alert
  // that appeared or changed is said, and a tap that got no second one explores.
  void after_frame(std::string_view screen_key, const std::vector<WidgetRecord>& tree, double now);
  void end_visit();  // speech off, volume to default, focus gone

  // The text field the keyboard now types into (Enter led there, or a tap): the focus follows it
  // and, with speech on, says it ("Eingabefeld, Nachname, leer").
  void follow_field(const std::string& id, const std::vector<WidgetRecord>& tree);

  // The widget in focus (last spoken, or moved to by keys); the ring shows after a key.
  const std::string& focus() const { return focus_; }
  bool show_focus() const { return show_focus_ || on_; }
  // A widget the focus moved to that should be scrolled into view; cleared when taken.
  std::string take_reveal() { return std::exchange(reveal_, std::string()); }
  // When a tap can no longer become a double tap (the loop renders then); infinity if none.
  double next_deadline() const;
  // A vertical flick asks the region under it to scroll a page (direction 1: on, towards the
  // end); the UI says whether anything moved, a frame later, once the new position is drawn.
  struct ScrollRequest {
    float x = 0, y = 0;
    int direction = 1;
  };
  std::optional<ScrollRequest> take_scroll() {
    if (!scroll_) return std::nullopt;
    asked_ = std::exchange(scroll_, std::nullopt);
    return asked_;
  }
  void scrolled(bool moved, const std::vector<WidgetRecord>& tree);

  // Synthesised pointer frames are queued: the loop must keep rendering.
  bool busy() const { return !synth_.empty() || down_ || scroll_ || asked_; }
  int volume() const { return volume_; }

  std::vector<SpeechCommand> take_commands() { return std::exchange(commands_, {}); }

 private:
  struct Gesture {
    float x0 = 0, y0 = 0, x = 0, y = 0, moved = 0;
    double t0 = 0;
    bool toggle = false;     // began on the toggle area
    bool swallowed = false;  // the toggle fired: the rest of this touch means nothing
    std::string anchor;      // the focus when the finger came down (flicks and double taps use it)
    bool second_tap = false; // came down within the double-tap time of a tap
  };
  struct PendingTap {
    double at = 0;           // when the first tap of a possible double tap ended
    std::string anchor;      // the focus before that tap
  };

  void say(Utterance u);
  void say_word(std::string_view key);
  void stop();
  void speak_widget(const WidgetRecord& w);
  void explore(float x, float y, const std::vector<WidgetRecord>& tree, bool again);
  void activate(const std::vector<WidgetRecord>& tree);
  void move_focus(int direction, const std::string& from, const std::vector<WidgetRecord>& tree);
  void change_volume(int delta);
  void finger_up(double now, float em, const std::vector<WidgetRecord>& tree);

  ReaderOptions options_;
  const ReaderWords* words_ = nullptr;
  PrivateText private_text_;
  bool on_ = false;
  bool announce_pending_ = false;
  int volume_;
  std::string focus_;
  bool show_focus_ = false;
  std::string reveal_;
  bool down_ = false;
  Gesture g_;
  std::optional<PendingTap> tap_;
  std::deque<PointerOut> synth_;
  std::optional<ScrollRequest> scroll_, asked_;
  std::string screen_;
  std::vector<std::pair<std::string, std::string>> alerts_;  // id and label said last
  Utterance last_;
  std::vector<SpeechCommand> commands_;
};

}  // namespace kiosk
