#pragma once
// One visit's rules, without ImGui: where the visitor is and how they may move, when the visit
// ends (idle, "Fertig", the thank-you screen running out), the counter's staff session, the
// register form's lifecycle (submit, saved, the question before typed text is left behind),
// the language and display settings. KioskUi draws from it and hands it the intents screens
// emit; tests drive it directly with their own clock.
//
// Every way to a route goes through open(), so the rules hold whether a screen asked, a
// script, or the app at start-up: the attract loop ends the visit, the thank-you screen starts
// its timer, the staff screen needs the PIN, and a form holding typed text is not left without
// asking.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/idle_timer.hpp"
#include "kiosk/core/intent.hpp"
#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/navigation.hpp"
#include "kiosk/core/registration_sink.hpp"
#include "kiosk/core/staff_console.hpp"
#include "kiosk/core/staff_session.hpp"
#include "kiosk/core/visitor_session.hpp"

namespace kiosk {

struct VisitOptions {
  double idle_timeout_s = 90.0;  // without a touch, then the question
  double idle_warning_s = 20.0;  // the question's countdown
  double thank_you_s = 30.0;     // the thank-you screen, then the visit ends
  double assisted_idle_timeout_s = 600.0;  // while a volunteer assists ("Beratung")
  double staff_entry_s = 3.0;    // how long the logo must be held for the PIN pad
  double staff_refresh_s = 5.0;  // the staff screen's counts are gathered anew this often
  bool reach_mode = false;       // each visit starts in reach mode (kiosk.json "reach_mode")
};

// What the staff screens show, as values: copied once per frame, so a screen never calls out.
// The PIN itself stays in the Visit: the pad learns how many digits were typed, never which.
struct StaffView {
  bool console = false;         // this run has staff mode (false in tests and previews)
  bool pin_configured = false;
  size_t pin_digits = 0;
  bool checking = false, unlocked = false, wrong = false, sync_requested = false, assisted = false;
  bool preview_loading = false, preview = false;  // the editor's preview: being fetched, shown
  long preview_version = 0;
  std::string preview_error;
  int attempts_left = 0;
  double locked_until = 0.0;
  StaffStatus status;           // filled on the two staff screens only
};

class Visit {
 public:
  explicit Visit(SnapshotPtr content, VisitOptions options = {});

  // Takes effect at once; lists recompute (the generation moves), detail screens whose item
  // is gone fall back on their own.
  void set_content(SnapshotPtr content);
  const ContentSnapshot& content() const { return *content_; }
  const SnapshotPtr& content_ptr() const { return content_; }

  // Once per frame before drawing: a touch or key keeps the visit alive; the idle timeout or
  // the thank-you screen's end closes it; the staff screen's status is refreshed.
  void tick(double now, bool visitor_active);
  // What screens asked for during a frame, in order.
  void apply(const std::vector<Intent>& intents, double now);
  void apply(const Intent& intent, double now) { apply(std::vector<Intent>{intent}, now); }
  // The one way to a route (see the header comment). Uses the time of the last tick/apply.
  void open(Route route);
  void end(double now);  // the visit is over: everything wiped, the attract loop

  const Route& route() const { return nav_.current(); }
  ScreenId screen() const { return nav_.current().screen; }
  bool can_go_back() const { return nav_.can_go_back(); }
  const VisitorSession& session() const { return session_; }
  void set_language(Lang lang) { session_.lang = lang; }

  // Typing: the focused field (empty: the keyboard is down) and its buffer.
  const std::string& focus() const { return focus_; }
  bool typing() const { return !focus_.empty(); }
  // The buffer and keyboard kind for a text field id; null for an unknown id.
  VisitorText* field(std::string_view id, KeyboardMode& mode);
  VisitorText* focused_field(KeyboardMode& mode) { return focus_.empty() ? nullptr : field(focus_, mode); }
  // The focused field's text changed (keyboard, hardware keys): lists recompute.
  void typed() { ++session_.generation; }
  // What the keyboard's Enter does for the focused field: the form's fields lead one to the
  // next, the last one sends; search is done.
  enum class EnterKey { Done, Next, Send };
  EnterKey enter_key() const;

  // Idle: "Sind Sie noch da?" and its countdown.
  bool asking_still_there(double now) const;
  int seconds_left(double now) const { return idle_.seconds_left(now); }
  // "Eingaben verwerfen?": the visitor tried to leave a form holding typed text.
  bool asking_to_discard() const { return leave_pending_.has_value(); }
  // When the visit's own state next changes by itself (countdown, thank-you, staff second).
  double next_deadline(double now) const;

  // Staff mode. The console is the app's; without one the pad says staff mode is unavailable.
  void set_staff_console(StaffConsole* console);
  StaffConsole* staff_console() const { return console_; }
  const StaffSession& staff() const { return staff_; }
  StaffView staff_view() const;
  void pin_checked(const PinCheck& result);  // the worker's answer, on the main thread
  // The console's answer to load_preview(): shown (staff leave their screen for home, with the
  // preview banner) when `ok` and staff are still on their screen; else `error` is kept for it.
  void preview_loaded(bool ok, long version, const std::string& error);
  // From a (re)loaded configuration; a visit in progress gets the new times from now on.
  void set_idle_timeouts(double visitor_s, double assisted_s);
  double staff_entry_s() const { return options_.staff_entry_s; }

  // Where submitted forms go; without one the offers say "ask at the counter".
  void set_registration_sink(RegistrationSink* sink) { sink_ = sink; }
  bool registration_available() const { return sink_ != nullptr && sink_->available(); }

  // What the drawing side must forget because the visit moved on; cleared when taken.
  struct Resets {
    bool keyboard = false;  // a new field got the focus, or the visit ended
    bool scroll = false;    // the list's top changed (filter chips shown, visit ended)
    bool attract = false;   // the visit ended: the attract loop starts from its first item
  };
  Resets take_resets() { return std::exchange(resets_, Resets{}); }
  // Counts visits, so an answer for an ended visit (a slow outbox) is recognised and ignored.
  uint64_t number() const { return number_; }

 private:
  void apply_one(const Intent& i, double now);
  void apply_staff(const Intent& i, double now);
  bool leaves_typed_form(const Intent& i) const;
  void submit_registration();
  void registration_saved(bool ok, uint64_t visit, const std::string& offer_id);
  void set_assisted(bool on);
  void after_move();

  SnapshotPtr content_;
  VisitOptions options_;
  Navigator nav_;
  VisitorSession session_;
  IdleTimer idle_;
  StaffSession staff_;
  std::string focus_;
  std::optional<Intent> leave_pending_;  // where the visitor wanted to go from a typed form
  double thanks_until_ = 0.0;
  double staff_refreshed_at_ = -1e9;
  double last_now_ = 0.0;
  uint64_t number_ = 0;
  Resets resets_;
  RegistrationSink* sink_ = nullptr;
  StaffConsole* console_ = nullptr;
};

}  // namespace kiosk
