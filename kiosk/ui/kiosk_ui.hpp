#pragma once
// The visitor-facing UI as a whole: the attract loop, then a header, the current screen and
// the navigation bar with language and accessibility switches; the on-screen keyboard while
// typing; the "Sind Sie noch da?" question when the visitor seems gone. It draws; the Visit
// (kiosk/core/visit.hpp) decides, from the intents the screens emit. The app owns everything
// that touches the outside (platform, fonts on the GPU, files, workers).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/core/search_index.hpp"
#include "kiosk/core/visit.hpp"
#include "kiosk/ui/automation.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/on_screen_keyboard.hpp"
#include "kiosk/ui/screen.hpp"
#include "kiosk/ui/speech_layer.hpp"
#include "kiosk/ui/touch_scroll.hpp"

namespace kiosk::ui {

class AttractScreen;

class KioskUi {
 public:
  explicit KioskUi(SnapshotPtr content, VisitOptions options = {});
  ~KioskUi();

  // Takes effect from the next frame; screens keep their place where the item still exists.
  // A worker builds the search index beside the snapshot, so the swap costs the UI nothing.
  void set_content(SnapshotPtr content, std::shared_ptr<const SearchIndex> index = nullptr);
  // The editor's preview: shown instead of the live content while the visit's staff state says
  // so (Visit::preview_loaded), with a VORSCHAU banner; live content returns when it ends.
  void set_preview(SnapshotPtr content, std::shared_ptr<const SearchIndex> index);

  // Before ImGui::NewFrame(): the screen reader and the keypad take the raw pointer and keys
  // (kiosk/ui/speech_layer.hpp) and leave in `io` what ImGui should see.
  void before_frame(ImGuiIO& io, double now);
  // Builds one frame; call between ImGui::NewFrame() and ImGui::Render(). `now` is seconds on
  // a monotonic clock (tests pass their own).
  void draw(const FontSet& fonts, double now);
  // Speech and the focus ring: what to say comes out of take_speech() after each frame.
  ScreenReader& screen_reader() { return speech_.reader(); }
  const ScreenReader& screen_reader() const { return speech_.reader(); }
  std::vector<SpeechCommand> take_speech() { return speech_.take_commands(); }

  // Something moves (a coasting list, a fade, a finger on the glass): render the next frame too.
  bool needs_frames(double now) const;
  // When the screen next changes by itself (countdown, attract rotation); the loop may sleep until then.
  double next_wake(double now) const;
  // Body text scale the fonts must be built for (large-text mode).
  float text_scale() const { return visit_.session().large_text ? 1.4f : 1.0f; }

  // The visit's state and rules: where the visitor is, what they typed, staff mode.
  Visit& visit() { return visit_; }
  const Visit& visit() const { return visit_; }
  const Automation& automation() const { return automation_; }
  // Where the local date comes from (YYYY-MM-DD): the wall clock, or a test's fixed day. Read
  // every frame, so an offer past its valid_until goes at midnight without a restart.
  void set_date_source(std::function<std::string()> today) { today_source_ = std::move(today); }
  // Pictures for the current content (the app owns the textures).
  void set_images(UiImages images) { images_ = std::move(images); }

 private:
  void draw_header(const UiContext& ui, float height);
  float navigation_height(const UiContext& ui, bool& two_rows) const;
  void draw_navigation(const UiContext& ui, float height, bool two_rows);
  void draw_sample_notice(const UiContext& ui);
  void draw_reach_gap(const UiContext& ui);
  void draw_action_bar(const ScreenContext& ctx, const ScreenAction& action, float top, float height);
  void draw_keyboard(const UiContext& ui, float top, float height, VisitorText& target, KeyboardMode mode);
  void draw_still_there(const UiContext& ui, double now);
  // The keyboard's keys are keys to the screen reader, and those drawn as pictograms get words
  // ("Löschen", "Großbuchstaben", "Tastatur schließen").
  void name_keys(size_t first_key);
  void draw_leave_form(const UiContext& ui);
  // A header button that names a mode and ends it when tapped ("Beratung ✕", "VORSCHAU ✕"),
  // right-aligned before `right`; returns its left edge.
  float draw_mode_banner(const UiContext& ui, const char* id, const std::string& label, float right, ImVec2 header_min,
                         float height, std::optional<Intent::Kind> ends);
  float banner_width(const UiContext& ui, const std::string& text) const;
  void follow_preview();
  // A flick up or down with speech on: the page under it scrolls, or else the volume changes.
  void follow_page_scroll();
  struct Tool {
    const char* id;
    const char* icon;
    std::string_view label;
    bool selected, enabled;
    Intent::Kind intent;
  };
  std::vector<Tool> tools() const;
  void consume_typed_keys();
  void forget_what_the_visit_left();
  void reveal_focused_field();
  std::string_view t(std::string_view key) const { return visit_.content().text(key, visit_.session().lang); }
  Screen& screen_for(ScreenId id);

  Visit visit_;
  std::shared_ptr<const SearchIndex> index_;
  // Live content and the staff's preview; index_ and the visit's content are one of them.
  SnapshotPtr live_content_, preview_content_;
  std::shared_ptr<const SearchIndex> live_index_, preview_index_;
  bool showing_preview_ = false;
  Automation automation_;
  SpeechLayer speech_;
  bool touched_ = false;
  std::optional<bool> page_moved_;  // a page scroll's answer, told to the reader once it is drawn  // the visitor did something this frame that ImGui may not have seen
  TouchScroll scroll_;
  OnScreenKeyboard keyboard_;
  std::vector<std::unique_ptr<Screen>> screens_;
  AttractScreen* attract_ = nullptr;
  std::vector<Intent> intents_;
  UiImages images_;
  double logo_pressed_since_ = -1.0;
  double last_now_ = 0.0;
  float last_em_ = 16.0f;
  std::function<std::string()> today_source_ = [] { return local_date(epoch_now()); };
  std::string today_;
  bool started_ = false;
  bool reveal_pending_ = false;
  std::pair<std::string, float> short_page_;  // the page drawn last and its height without the spacer
};

}  // namespace kiosk::ui
