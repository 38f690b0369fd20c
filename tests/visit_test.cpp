// The visit's rules, driven directly (no window, no ImGui): each test plays what a visitor or a
// volunteer does, with its own clock, and checks what the next visitor or the counter would see.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "kiosk/core/visit.hpp"
#include "kiosk/store/content_directory.hpp"
#include "kiosk/store/kiosk_config.hpp"
#include "support.hpp"

using namespace kiosk;

namespace {

SnapshotPtr bundled() {
  static const SnapshotPtr content = [] {
    ContentParseResult r = load_content_directory(test::bundled_content());
    REQUIRE(r.ok());
    return r.snapshot;
  }();
  return content;
}

// Keeps the outbox's answer until the test releases it, as a slow disk would.
struct HeldSink final : RegistrationSink {
  std::function<void(bool)> pending;
  int submitted = 0;
  bool available() const override { return true; }
  void submit(const RegistrationForm&, const Offer&, const std::string&, std::function<void(bool)> done) override {
    ++submitted;
    pending = std::move(done);
  }
};

struct CountingConsole final : StaffConsole {
  std::string last_pin;
  int refreshes = 0;
  bool pin_configured() const override { return true; }
  int64_t locked_for_s() const override { return 0; }
  void check_pin(std::string pin) override { last_pin = std::move(pin); }
  StaffStatus status() const override {
    StaffStatus s;
    s.outbox_pending = 3;
    return s;
  }
  void refresh() override { ++refreshes; }
  void sync_now() override {}
  void load_preview() override { ++previews; }
  int previews = 0;
};

void fill_form(Visit& v) {
  KeyboardMode mode;
  v.field("form.first_name", mode)->append("Ayla");
  v.field("form.last_name", mode)->append("Demir");
  v.field("form.email", mode)->append("ayla@example.org");
  v.typed();
}

Intent kind(Intent::Kind k) { return Intent::of(k); }

}  // namespace

TEST_CASE("visit: a script, a screen and the app reach a route by the same rules") {
  Visit v(bundled());
  v.tick(0, true);
  CHECK(v.screen() == ScreenId::Attract);
  v.apply(kind(Intent::Kind::StartVisit), 1);
  CHECK(v.screen() == ScreenId::Home);

  // The staff screen needs the PIN, whichever way it is asked for.
  v.apply(Intent::open(ScreenId::Staff), 2);
  CHECK(v.screen() == ScreenId::StaffPin);
  v.apply(kind(Intent::Kind::Home), 3);
  v.open({ScreenId::Staff, {}});
  CHECK(v.screen() == ScreenId::StaffPin);

  // Opening the attract loop ends the visit: the language chosen is gone with it.
  v.apply(Intent::language(Lang::Tr), 4);
  v.apply(Intent::open(ScreenId::Attract), 5);
  CHECK(v.screen() == ScreenId::Attract);
  CHECK(v.session().lang == Lang::De);
  CHECK(v.number() == 1);
  const Visit::Resets r = v.take_resets();
  CHECK((r.attract && r.keyboard && r.scroll));
  CHECK_FALSE(v.take_resets().attract);  // taken once
}

TEST_CASE("visit: leaving a typed form asks first, the privacy notice does not") {
  Visit v(bundled());
  v.apply(Intent::open(ScreenId::Register, "tafel-hoerde"), 1);
  v.apply(Intent::focus("form.first_name"), 1);
  fill_form(v);

  v.apply(Intent::open(ScreenId::Privacy), 2);
  CHECK(v.screen() == ScreenId::Privacy);
  CHECK_FALSE(v.asking_to_discard());
  v.apply(kind(Intent::Kind::Back), 3);
  CHECK(v.screen() == ScreenId::Register);

  for (Intent::Kind leave : {Intent::Kind::Home, Intent::Kind::Back, Intent::Kind::StaffEntry, Intent::Kind::FinishVisit}) {
    CAPTURE(static_cast<int>(leave));
    v.apply(kind(leave), 4);
    CHECK(v.asking_to_discard());
    CHECK(v.screen() == ScreenId::Register);
    v.apply(kind(Intent::Kind::KeepEditing), 5);
    CHECK_FALSE(v.asking_to_discard());
    CHECK(v.session().form.has_typed_text());
  }
  // The same rule for a route a script opens.
  v.open({ScreenId::Offers, {}});
  CHECK(v.asking_to_discard());
  v.apply(kind(Intent::Kind::DiscardForm), 6);
  CHECK(v.screen() == ScreenId::Offers);
  CHECK_FALSE(v.session().form.has_typed_text());
  CHECK(v.focus().empty());  // the keyboard went away with the form
}

TEST_CASE("visit: idle asks, then ends the visit and wipes it, assisted mode waits longer") {
  VisitOptions o;
  o.idle_timeout_s = 90;
  o.idle_warning_s = 20;
  o.assisted_idle_timeout_s = 600;
  Visit v(bundled(), o);
  v.tick(0, true);
  v.apply(kind(Intent::Kind::StartVisit), 0);
  v.apply(Intent::open(ScreenId::Offers), 1);
  v.apply(Intent::focus("offers.search"), 1);
  KeyboardMode mode;
  v.field("offers.search", mode)->append("Tafel");
  v.tick(89, false);
  CHECK_FALSE(v.asking_still_there(89));
  v.tick(91, false);
  CHECK(v.asking_still_there(91));
  CHECK(v.seconds_left(91) == 19);
  v.tick(111, false);
  CHECK(v.screen() == ScreenId::Attract);
  CHECK(v.session().search.empty());
  CHECK(v.focus().empty());

  // A volunteer assisting: ten minutes without a touch before the question.
  CountingConsole console;
  v.set_staff_console(&console);
  v.apply(kind(Intent::Kind::StartVisit), 200);
  v.apply(kind(Intent::Kind::StaffEntry), 200);
  for (char d : std::string("123456")) v.apply(Intent::pin_digit(std::string(1, d)), 201);
  v.apply(kind(Intent::Kind::PinSubmit), 202);
  CHECK(console.last_pin == "123456");
  v.pin_checked({true, 0, 0});
  REQUIRE(v.screen() == ScreenId::Staff);
  v.apply(kind(Intent::Kind::ToggleAssisted), 203);
  CHECK(v.screen() == ScreenId::Home);
  CHECK_FALSE(v.staff().unlocked);  // staff mode closed when its screen was left
  v.tick(203 + 300, false);
  CHECK_FALSE(v.asking_still_there(203 + 300));
  v.tick(203 + 601, false);
  CHECK(v.asking_still_there(203 + 601));
}

TEST_CASE("visit: a registration saved leads to thank-you, whose time ends the visit, a late answer is ignored") {
  VisitOptions o;
  o.thank_you_s = 30;
  Visit v(bundled(), o);
  HeldSink sink;
  v.set_registration_sink(&sink);
  v.tick(0, true);
  v.apply(kind(Intent::Kind::StartVisit), 0);
  v.apply(Intent::open(ScreenId::OfferDetail, "tafel-hoerde"), 1);
  v.apply(Intent::open(ScreenId::Register, "tafel-hoerde"), 2);
  fill_form(v);
  v.apply(kind(Intent::Kind::Submit), 3);
  CHECK(sink.submitted == 0);  // no consent yet: the problems show, nothing leaves
  CHECK(v.session().form_checked);
  v.apply(kind(Intent::Kind::ToggleConsent), 4);
  v.apply(kind(Intent::Kind::ToggleAgeConfirmed), 4);
  v.apply(kind(Intent::Kind::Submit), 5);
  v.apply(kind(Intent::Kind::Submit), 5);  // a second tap while it saves
  CHECK(sink.submitted == 1);
  CHECK(v.session().form_sending);
  sink.pending(true);
  CHECK(v.screen() == ScreenId::ThankYou);
  CHECK_FALSE(v.session().form.has_typed_text());
  v.apply(kind(Intent::Kind::Back), 6);
  CHECK(v.screen() == ScreenId::Home);  // not back to the emptied form
  v.apply(Intent::open(ScreenId::ThankYou, "tafel-hoerde"), 10);
  CHECK(v.next_deadline(10) <= 40);
  v.tick(40, false);
  CHECK(v.screen() == ScreenId::Attract);

  // The outbox answers after the visit ended (idle): the next visitor sees nothing of it.
  v.apply(kind(Intent::Kind::StartVisit), 100);
  v.apply(Intent::open(ScreenId::Register, "tafel-hoerde"), 101);
  fill_form(v);
  v.apply(kind(Intent::Kind::ToggleConsent), 102);
  v.apply(kind(Intent::Kind::ToggleAgeConfirmed), 102);
  v.apply(kind(Intent::Kind::Submit), 103);
  REQUIRE(sink.submitted == 2);
  v.end(104);
  v.apply(kind(Intent::Kind::StartVisit), 105);
  sink.pending(true);
  CHECK(v.screen() == ScreenId::Home);
}

TEST_CASE("visit: the staff screens get values, never the PIN, the status is gathered while shown") {
  VisitOptions o;
  o.staff_refresh_s = 5;
  Visit v(bundled(), o);
  CountingConsole console;
  v.set_staff_console(&console);
  v.apply(kind(Intent::Kind::StartVisit), 0);
  v.apply(kind(Intent::Kind::StaffEntry), 0);
  v.apply(Intent::pin_digit("7"), 1);
  v.apply(Intent::pin_digit("3"), 1);
  StaffView view = v.staff_view();
  CHECK(view.console);
  CHECK(view.pin_configured);
  CHECK(view.pin_digits == 2);
  for (const char* d : {"1", "9", "0", "2"}) v.apply(Intent::pin_digit(d), 2);
  v.apply(kind(Intent::Kind::PinSubmit), 2);
  CHECK(v.staff_view().pin_digits == 0);  // handed to the worker and wiped
  v.pin_checked({true, 0, 0});
  REQUIRE(v.screen() == ScreenId::Staff);
  CHECK(v.staff_view().status.outbox_pending == 3);
  const int before = console.refreshes;
  v.tick(3, false);    // the first frame on the screen gathers
  v.tick(6, false);    // not again within five seconds
  v.tick(8.5, false);  // then again
  CHECK(console.refreshes == before + 2);
  v.apply(kind(Intent::Kind::LeaveStaff), 12);
  CHECK(v.screen() == ScreenId::Home);
  CHECK_FALSE(v.staff().unlocked);
  CHECK(v.staff_view().status.outbox_pending == 0);  // not gathered off the staff screens
}

TEST_CASE("visit: the keyboard's Enter leads through the form's fields and sends on the last, in search it is done") {
  Visit v(bundled());
  HeldSink sink;
  v.set_registration_sink(&sink);
  v.apply(Intent::open(ScreenId::Register, "tafel-hoerde"), 1);
  v.apply(Intent::focus("form.first_name"), 1);
  CHECK(v.enter_key() == Visit::EnterKey::Next);
  const char* order[] = {"form.last_name", "form.email", "form.phone", "form.message"};
  for (const char* next : order) {
    v.take_resets();
    v.apply(kind(Intent::Kind::NextField), 2);
    CHECK(v.focus() == next);
    CHECK(v.take_resets().keyboard);  // the new field's keyboard (the phone pad, the email keys)
  }
  CHECK(v.enter_key() == Visit::EnterKey::Send);
  v.apply(kind(Intent::Kind::NextField), 3);
  CHECK(v.focus().empty());
  CHECK(v.session().form_checked);  // sent: nothing typed, so the problems show by the fields
  CHECK(sink.submitted == 0);

  v.apply(Intent::open(ScreenId::Offers), 4);
  v.apply(Intent::focus("offers.search"), 4);
  CHECK(v.enter_key() == Visit::EnterKey::Done);
  v.apply(kind(Intent::Kind::NextField), 5);
  CHECK(v.focus().empty());
}

TEST_CASE("visit: reach mode can be every visit's default (a low-mounted screen), and a visitor's choice ends with the visit") {
  VisitOptions o;
  o.reach_mode = true;
  Visit v(bundled(), o);
  CHECK(v.session().reach_mode);
  v.apply(kind(Intent::Kind::ToggleReach), 1);
  CHECK_FALSE(v.session().reach_mode);
  v.end(2);
  CHECK(v.session().reach_mode);
  Visit plain(bundled());
  plain.apply(kind(Intent::Kind::ToggleReach), 1);
  CHECK(plain.session().reach_mode);
  plain.end(2);
  CHECK_FALSE(plain.session().reach_mode);
  const ConfigLoad c = parse_config(R"({"reach_mode": true})", "kiosk.json");
  CHECK(c.config.reach_mode);
  CHECK(parse_config(R"({"reach_mode": "yes"})", "kiosk.json").problems.size() == 1);
}

TEST_CASE("visit: the editor's preview is asked for by staff, shown until the visit ends, never to whoever comes next") {
  Visit v(bundled());
  CountingConsole console;
  v.set_staff_console(&console);
  v.tick(0, true);
  v.apply(kind(Intent::Kind::StartVisit), 1);
  v.apply(kind(Intent::Kind::StaffPreview), 2);
  CHECK(console.previews == 0);  // not without the PIN
  auto unlock = [&](double t) {
    v.apply(kind(Intent::Kind::StaffEntry), t);
    for (const char* d : {"1", "2", "3", "4", "5", "6"}) v.apply(Intent::pin_digit(d), t);
    v.apply(kind(Intent::Kind::PinSubmit), t);
    v.pin_checked({true, 0, 0});
    REQUIRE(v.screen() == ScreenId::Staff);
  };
  unlock(3);
  v.apply(kind(Intent::Kind::StaffPreview), 4);
  v.apply(kind(Intent::Kind::StaffPreview), 4);  // a second tap while loading asks nothing more
  CHECK(console.previews == 1);
  CHECK(v.staff_view().preview_loading);
  v.preview_loaded(false, 0, "version 7 is signed as live content, not as channel=preview");
  CHECK_FALSE(v.staff().preview);
  CHECK(v.staff_view().preview_error.find("channel=preview") != std::string::npos);
  CHECK(v.screen() == ScreenId::Staff);

  v.apply(kind(Intent::Kind::StaffPreview), 5);
  v.preview_loaded(true, 8, "");
  CHECK(v.staff().preview);
  CHECK(v.staff_view().preview_version == 8);
  CHECK(v.screen() == ScreenId::Home);  // staff look at it as a visitor would
  v.apply(kind(Intent::Kind::EndPreview), 6);
  CHECK_FALSE(v.staff().preview);

  // A preview that arrives after staff left their screen is not shown.
  unlock(7);
  v.apply(kind(Intent::Kind::StaffPreview), 8);
  v.apply(kind(Intent::Kind::LeaveStaff), 9);
  v.preview_loaded(true, 9, "");
  CHECK_FALSE(v.staff().preview);

  // Shown, then the visit ends by the idle timeout: the next visitor sees live content.
  unlock(10);
  v.apply(kind(Intent::Kind::StaffPreview), 11);
  v.preview_loaded(true, 10, "");
  REQUIRE(v.staff().preview);
  v.tick(10000, false);
  CHECK(v.screen() == ScreenId::Attract);
  CHECK_FALSE(v.staff().preview);
  v.preview_loaded(true, 11, "");  // late answers change nothing
  CHECK_FALSE(v.staff().preview);
}
