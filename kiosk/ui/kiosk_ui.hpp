#pragma once
// The visitor-facing UI as a whole: the attract loop, then a header, the current screen and
// the navigation bar with language and accessibility switches; the on-screen keyboard while
// typing; the "Sind Sie noch da?" question when the visitor seems gone. It owns the screens,
// the navigation and the visitor's session; the app owns everything that touches the outside
// (platform, fonts on the GPU, files, workers).
#include <memory>
#include <optional>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/idle_timer.hpp"
#include "kiosk/core/navigation.hpp"
#include "kiosk/core/search_index.hpp"
#include "kiosk/core/visitor_session.hpp"
#include "kiosk/ui/automation.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/on_screen_keyboard.hpp"
#include "kiosk/ui/registration_sink.hpp"
#include "kiosk/ui/screen.hpp"
#include "kiosk/ui/touch_scroll.hpp"

namespace kiosk::ui {

class AttractScreen;

struct UiOptions {
  double idle_timeout_s = 90.0;  // without a touch, then the question
  double idle_warning_s = 20.0;  // the question's countdown
  double thank_you_s = 30.0;     // the thank-you screen, then the visit ends
  double assisted_idle_timeout_s = 600.0;  // while a volunteer assists ("Beratung")
  double staff_entry_s = 3.0;    // how long the logo must be held for the PIN pad
};

class KioskUi {
 public:
  explicit KioskUi(SnapshotPtr content, UiOptions options = {});
  ~KioskUi();

  // Takes effect from the next frame; screens keep their place where the item still exists.
  // A worker builds the search index beside the snapshot, so the swap costs the UI nothing.
  void set_content(SnapshotPtr content, std::shared_ptr<const SearchIndex> index = nullptr);
  const ContentSnapshot& content() const { return *content_; }

  // Builds one frame; call between ImGui::NewFrame() and ImGui::Render(). `now` is seconds on
  // a monotonic clock (tests pass their own).
  void draw(const FontSet& fonts, double now);

  // Something moves (a coasting list, a fade, a finger on the glass): render the next frame too.
  bool needs_frames(double now) const;
  // When the screen next changes by itself (countdown, attract rotation); the loop may sleep until then.
  double next_wake(double now) const;
  // Body text scale the fonts must be built for (large-text mode).
  float text_scale() const { return session_.large_text ? 1.4f : 1.0f; }

  const Automation& automation() const { return automation_; }
  ScreenId current_screen() const { return nav_.current().screen; }
  const Route& current_route() const { return nav_.current(); }
  const VisitorSession& session() const { return session_; }
  bool typing() const { return !focus_.empty(); }
  const std::string& focus() const { return focus_; }
  bool asking_still_there(double now) const;

  void set_language(Lang lang) { session_.lang = lang; }
  // Where submitted forms go; without one the offers say "ask at the counter".
  void set_registration_sink(RegistrationSink* sink) { sink_ = sink; }
  // Pictures for the current content (the app owns the textures).
  void set_images(UiImages images) { images_ = std::move(images); }
  // The app's side of staff mode; without one the long press leads to a pad that says so.
  void set_staff_console(StaffConsole* console) {
    console_ = console;
    staff_.checking = false;  // a check the old console had queued will not be answered
  }
  // From a (re)loaded configuration; a visit in progress gets the new times from now on.
  void set_idle_timeouts(double visitor_s, double assisted_s);
  // The worker's answer to a PIN, on the main thread.
  void pin_checked(const PinCheck& result);
  const StaffSession& staff() const { return staff_; }
  StaffConsole* staff_console() const { return console_; }
  void open(Route route);

 private:
  void draw_header(const UiContext& ui, float height);
  float navigation_height(const UiContext& ui, bool& two_rows) const;
  void draw_navigation(const UiContext& ui, float height, bool two_rows);
  void draw_keyboard(const UiContext& ui, float top, float height, VisitorText& target, KeyboardMode mode);
  void draw_still_there(const UiContext& ui, double now);
  void draw_leave_form(const UiContext& ui);
  bool leaves_typed_form(const Intent& i) const;
  void consume_typed_keys();
  void apply(const std::vector<Intent>& intents, double now);
  void end_visit(double now);
  Screen& screen_for(ScreenId id);

  SnapshotPtr content_;
  std::shared_ptr<const SearchIndex> index_;
  Navigator nav_;
  VisitorSession session_;
  IdleTimer idle_;
  std::string focus_;  // the field the keyboard types into; empty: keyboard down
  // The buffer and keyboard kind for a text field id; null for an unknown id.
  VisitorText* field_for(std::string_view id, KeyboardMode& mode);
  Automation automation_;
  TouchScroll scroll_;
  OnScreenKeyboard keyboard_;
  std::vector<std::unique_ptr<Screen>> screens_;
  AttractScreen* attract_ = nullptr;
  std::vector<Intent> intents_;
  UiImages images_;
  RegistrationSink* sink_ = nullptr;
  StaffConsole* console_ = nullptr;
  StaffSession staff_;
  UiOptions options_;
  double logo_pressed_since_ = -1.0;
  double staff_refreshed_at_ = -1e9;
  void apply_staff(const Intent& intent, double now);
  void set_assisted(bool on);
  void draw_assisted_banner(const UiContext& ui, ImVec2 header_min, float height);
  double thanks_until_ = 0.0;
  // Where the visitor wanted to go from a form holding typed text, while we ask first.
  std::optional<Intent> leave_pending_;
  uint64_t visit_number_ = 0;  // counts visits, so a late answer for an ended visit is ignored
  double thank_you_s_ = 30.0;
  void submit_registration();
  void registration_saved(bool ok, uint64_t visit, const std::string& offer_id);
  double last_now_ = 0.0;
  bool started_ = false;
};

}  // namespace kiosk::ui
