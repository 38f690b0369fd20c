// The real screens, driven by automation id on the null platform: what a visitor taps, what
// they then see, in every language and both orientations.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <map>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/text_fold.hpp"
#include "kiosk/store/content_directory.hpp"
#include "kiosk/ui/on_screen_keyboard.hpp"
#include "kiosk/ui/qr_code.hpp"
#include "kiosk/ui/theme.hpp"
#include "kiosk/platform/null_platform.hpp"
#include "support.hpp"

using namespace kiosk;

namespace {

// Takes every form: lets the screens that need a registration sink be drawn.
struct AcceptingSink final : RegistrationSink {
  bool available() const override { return true; }
  void submit(const RegistrationForm&, const Offer&, const std::string&, std::function<void(bool)> done) override { done(true); }
};

// A console whose status has something to say in every row: the staff screen's longest variant.
struct BusyConsole final : StaffConsole {
  bool pin_configured() const override { return true; }
  int64_t locked_for_s() const override { return 0; }
  void check_pin(std::string) override {}
  StaffStatus status() const override {
    StaffStatus s;
    s.content_source = "cached bundle version 12";
    s.content_version = 12;
    s.content_created = 1764100000;
    s.content_expires = 1764700000;
    s.stale = true;
    s.backend = "https://kiosk.freiwilligenagentur-dortmund.example/content/";
    s.backend_reachable = false;
    s.last_error = "failed: manifest.json: Could not resolve host: kiosk.freiwilligenagentur-dortmund.example";
    s.registrations_on = true;
    s.outbox_pending = 14;
    s.outbox_quarantined = 2;
    s.oldest_pending_age_s = 3 * 86400 + 7200;
    s.app_version = "0.1.0";
    s.uptime_s = 12 * 86400;
    s.config_problems = {"/etc/berswordt-kiosk/kiosk.json: $.poll_interval_s: expected whole seconds, at least 10, found \"often\""};
    return s;
  }
  void refresh() override {}
  void sync_now() override {}
};

struct Kiosk {
  AcceptingSink sink;
  BusyConsole console;
  NullPlatform* platform = nullptr;
  std::unique_ptr<KioskApp> app;
  std::shared_ptr<double> clock = std::make_shared<double>(0.0);

  // Starts like the real kiosk, on the attract loop, and taps it to begin a visit.
  explicit Kiosk(int width = 1080, int height = 1920, bool start_visit = true) {
    auto p = std::make_unique<NullPlatform>();
    platform = p.get();
    app = std::make_unique<KioskApp>(std::move(p), test::bundled_snapshot());
    app->set_clock([c = clock] { return *c; });
    app->ui().visit().set_registration_sink(&sink);
    app->ui().visit().set_staff_console(&console);
    std::string error;
    REQUIRE_MESSAGE(app->open({width, height, false, "test"}, error), error);
    app->driver().settle();
    if (start_visit) tap("attract.start");
  }

  // Lets time pass without anyone touching the screen, a frame a second as the loop would.
  void wait(double seconds) {
    for (double t = 0; t < seconds; t += 1.0) {
      *clock += std::min(1.0, seconds - t);
      app->render_frame();
    }
    app->driver().settle();
  }

  const ui::Automation& automation() { return app->ui().automation(); }
  std::string screen() { return std::string(automation().screen()); }
  void tap(const std::string& id) {
    std::string error;
    REQUIRE_MESSAGE(app->driver().tap(id, error), error);
  }
  std::string label(const std::string& id) {
    const auto* w = automation().find(id);
    REQUIRE_MESSAGE(w != nullptr, "no widget " << id);
    return w->label;
  }
  void show(Route r) {
    const bool staff = r.screen == ScreenId::Staff;
    app->ui().visit().open(std::move(r));  // the staff screen only through the PIN pad …
    if (staff) app->ui().visit().pin_checked({true, 0, 0});  // … and a right PIN
    app->driver().settle();
  }
};

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::vector<Route> every_route(const ContentSnapshot& s) {
  std::vector<Route> routes{{ScreenId::Home, ""}, {ScreenId::Units, ""}, {ScreenId::Offers, ""}};
  for (const auto& u : s.units) routes.push_back({ScreenId::UnitDetail, u.id});
  for (const auto& o : s.offers) routes.push_back({ScreenId::OfferDetail, o.id});
  // The registration screens, for an offer with a minimum age (the form's longest variant).
  routes.push_back({ScreenId::Register, "lesepaten-aplerbeck"});
  routes.push_back({ScreenId::Privacy, ""});
  routes.push_back({ScreenId::ThankYou, "lesepaten-aplerbeck"});
  routes.push_back({ScreenId::StaffPin, ""});
  routes.push_back({ScreenId::Staff, ""});
  return routes;
}


// Every widget is a real touch target: at least 64 px at 1080p, inside the screen, label whole.
void check_targets(const ui::Automation& a, float width, float height) {
  const float min_px = 64.0f * std::min(width, height) / 1080.0f - 0.5f;
  for (const auto& w : a.widgets()) {
    CAPTURE(w.id);
    CHECK(w.rect.w >= min_px);
    CHECK(w.rect.h >= min_px);
    CHECK(w.rect.x >= 0);
    CHECK(w.rect.x + w.rect.w <= width + 0.5f);
    CHECK_FALSE(w.clipped_label);
    if (w.is_visible()) CHECK(w.visible.y + w.visible.h <= height + 0.5f);
  }
}

}  // namespace

TEST_CASE("every screen renders in all four languages, in portrait and landscape, with whole touch targets") {
  const auto s = test::bundled_snapshot();
  for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
    Kiosk k(w, h);
    for (Lang lang : kAllLangs) {
      CAPTURE(w);
      k.app->ui().visit().set_language(lang);
      for (const Route& r : every_route(*s)) {
        CAPTURE(w);
        CAPTURE(lang_code(lang));
        CAPTURE(r.item);
        k.show(r);
        CHECK(k.screen() == screen_name(r.screen));
        CHECK(k.automation().find("nav.home") != nullptr);
        CHECK(k.automation().find("lang.uk") != nullptr);
        check_targets(k.automation(), static_cast<float>(w), static_cast<float>(h));
        k.app->ui().visit().open({ScreenId::Home, ""});
      }
    }
  }
}

TEST_CASE("large text and high contrast: every screen keeps whole labels and targets inside the screen") {
  const auto s = test::bundled_snapshot();
  for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
    Kiosk k(w, h);
    k.tap("a11y.large_text");
    k.tap("a11y.contrast");
    CHECK(k.app->ui().visit().session().large_text);
    CHECK(k.app->ui().visit().session().high_contrast);
    CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(std::round(28.0f * std::min(w, h) / 1080.0f * 1.4f)));
    for (Lang lang : {Lang::De, Lang::Uk}) {
      k.app->ui().visit().set_language(lang);
      for (const Route& r : every_route(*s)) {
        CAPTURE(w);
        CAPTURE(lang_code(lang));
        CAPTURE(r.item);
        k.show(r);
        check_targets(k.automation(), static_cast<float>(w), static_cast<float>(h));
      }
      // The offers screen with a group of chips open and the keyboard up.
      k.show({ScreenId::Offers, ""});
      k.tap("offers.filter.district");
      k.tap("offers.search");
      CHECK(k.app->ui().visit().typing());
      check_targets(k.automation(), static_cast<float>(w), static_cast<float>(h));
      k.tap("osk.hide");
      k.tap("offers.filter.district");
    }
  }
}

TEST_CASE("a visitor browses: home → offers → an offer → back → home") {
  Kiosk k;
  CHECK(k.screen() == "home");
  k.tap("home.offers");
  CHECK(k.screen() == "offers");
  const std::string first = "offer." + test::bundled_snapshot()->offers.front().id;
  k.tap(first);
  CHECK(k.screen() == "offer_detail");
  CHECK(k.app->ui().visit().route().item == test::bundled_snapshot()->offers.front().id);
  k.tap("nav.back");
  CHECK(k.screen() == "offers");
  k.tap("nav.home");
  CHECK(k.screen() == "home");
  CHECK_FALSE(k.automation().find("nav.back")->enabled);
}

TEST_CASE("a visitor learns about a unit and its parent department") {
  Kiosk k;
  k.tap("home.units");
  CHECK(k.screen() == "units");
  k.tap("unit.freiwilligenagentur");
  CHECK(k.screen() == "unit_detail");
  k.tap("unit.nachhaltigkeit-buergerinteressen");  // "part of" card
  CHECK(k.app->ui().visit().route().item == "nachhaltigkeit-buergerinteressen");
  k.tap("nav.back");
  CHECK(k.app->ui().visit().route().item == "freiwilligenagentur");
}

TEST_CASE("the language switch relabels the screen") {
  Kiosk k;
  CHECK(ends_with(k.label("nav.home"), "Start"));
  CHECK(k.label("home.offers") == "Ehrenamt finden");
  k.tap("lang.en");
  CHECK(ends_with(k.label("nav.home"), "Home"));
  CHECK(k.label("home.offers") == "Find volunteering");
  k.tap("lang.uk");
  CHECK(k.label("nav.back") == "Назад");
  // Each language button keeps its own name, so a visitor can find theirs in any language.
  CHECK(k.label("lang.tr") == "Türkçe");
  CHECK(k.label("lang.de") == "Deutsch");
}

TEST_CASE("a tap on a hidden or unknown widget fails with a message naming it") {
  Kiosk k;
  std::string error;
  CHECK_FALSE(k.app->driver().tap("offer.does-not-exist", error));
  CHECK(error == "no widget \"offer.does-not-exist\" on screen \"home\"");
  CHECK_FALSE(k.app->driver().tap("nav.back", error));  // disabled on home
  CHECK(error.find("disabled") != std::string::npos);
}

TEST_CASE("the fonts hold every character of the content and the UI: no \"?\" boxes") {
  Kiosk k;
  const auto s = test::bundled_snapshot();
  std::vector<std::string> texts{"„Anführungszeichen“ ‚halbe‘ – — … • € ₴ ÄÖÜäöüß ğşıİçĞŞ ґєіїҐЄІЇ"};
  auto add = [&](const LocalizedText& t) {
    for (const auto& v : t.by_lang) texts.push_back(v);
  };
  for (const auto& [k_, t] : s->strings) add(t);
  for (const auto& u : s->units) {
    add(u.name), add(u.summary), add(u.description);
    for (const auto& f : u.facts) add(f.label), add(f.value);
    for (const auto& t : u.topics) add(t);
    texts.push_back(u.contact.address);
  }
  for (const auto& o : s->offers) {
    add(o.title), add(o.summary), add(o.description), add(o.accessibility), add(o.benefits);
    texts.push_back(o.organisation);
    texts.push_back(o.address);
  }
  ImFont* fonts[] = {ImGui::GetIO().Fonts->Fonts[0], ImGui::GetIO().Fonts->Fonts[1]};
  size_t checked = 0;
  for (const std::string& text : texts) {
    const char* p = text.c_str();
    const char* end = p + text.size();
    while (p < end) {
      unsigned int c = 0;
      p += ImTextCharFromUtf8(&c, p, end);
      if (c == '\n') continue;
      for (ImFont* f : fonts) {
        CAPTURE(c);
        CHECK(f->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
      }
      ++checked;
    }
  }
  CHECK(checked > 20000);
}

TEST_CASE("render on demand: after the screen settles the loop sleeps until input arrives") {
  Kiosk k;  // on home, idle timer just touched at t = 0
  const long before = k.app->frames_rendered();
  PumpResult touch;
  touch.input = true;
  for (int i = 0; i < 4; ++i) k.platform->queue(PumpResult{});  // nothing happens while it settles
  k.platform->queue(touch);
  k.app->run();  // ends when the null platform is asked to wait with nothing left to deliver
  // Four settle frames, polling without sleeping; then a sleep until the idle question is due
  // (90 s: no frames, no CPU) that the touch interrupts; three frames for it; then asleep again.
  CHECK(k.platform->waits() == std::vector<int>{0, 0, 0, 0, 90001, 0, 0, 90001});
  CHECK(k.app->frames_rendered() - before == 4 + 3);
}

TEST_CASE("render on demand: the clock alone wakes the loop for the idle question and the attract fade") {
  Kiosk k(1080, 1920);  // on the home screen, nobody touching
  k.platform->on_wait([c = k.clock](int ms) { *c += ms / 1000.0; });  // the sleep really lasts
  for (int i = 0; i < 4; ++i) k.platform->queue(PumpResult{});  // the loop's settle frames
  k.platform->queue(PumpResult{});  // the first sleep ends by its timeout: the question is due
  const long before = k.app->frames_rendered() + 4;
  k.app->run();
  CHECK(k.app->ui().visit().asking_still_there(*k.clock));
  CHECK(k.app->frames_rendered() > before);  // drawn, not slept through
  // Twenty more timeouts: the countdown, then the end of the visit and the attract loop's fade.
  for (int i = 0; i < 30; ++i) k.platform->queue(PumpResult{});
  k.app->run();
  CHECK(k.screen() == "attract");
}

TEST_CASE("render on demand: the attract loop sleeps between items and wakes only for three fade steps") {
  Kiosk k(1080, 1920, false);
  CHECK(k.screen() == "attract");
  *k.clock = 8.0;  // the next item is due: it fades in over 0.6 s, in three steps
  k.app->render_frame();
  CHECK_FALSE(k.app->ui().needs_frames(8.0));  // no frames in a row, even during the fade
  CHECK(k.app->ui().next_wake(8.0) == doctest::Approx(8.2));
  CHECK(k.app->ui().next_wake(8.25) == doctest::Approx(8.4));
  CHECK(k.app->ui().next_wake(8.7) == doctest::Approx(16.0));
}

TEST_CASE("a visitor filters by district, opens an offer, comes back and the filter is still set") {
  Kiosk k;
  k.tap("home.offers");
  k.tap("offers.filter.district");
  k.tap("filter.district.innenstadt-nord");
  CHECK(k.label("offers.filter.district").find("(1)") != std::string::npos);
  const auto s = test::bundled_snapshot();
  size_t listed = 0;
  for (const auto& w : k.automation().widgets()) {
    if (w.id.rfind("offer.", 0) != 0) continue;
    ++listed;
    CHECK(s->find_offer(w.id.substr(6))->district == "innenstadt-nord");
  }
  CHECK(listed == 3);
  k.tap("offer.dkh-jugendkultur");
  CHECK(k.screen() == "offer_detail");
  CHECK(k.automation().find("offer.qr") != nullptr);
  k.tap("nav.back");
  CHECK(k.screen() == "offers");
  CHECK(k.app->ui().visit().session().filter.is_set(FilterGroup::District, "innenstadt-nord"));
  k.tap("filter.district.innenstadt-nord");  // a second tap removes it
  CHECK(k.app->ui().visit().session().filter.empty());
}

TEST_CASE("search \"hoerde\" typed on the on-screen keyboard lists the Hörde offers") {
  Kiosk k;
  k.tap("home.offers");
  k.tap("offers.search");
  REQUIRE(k.automation().find("osk.key.h") != nullptr);
  for (const char* key : {"osk.key.h", "osk.key.o", "osk.key.e", "osk.key.r", "osk.key.d", "osk.key.e"}) k.tap(key);
  CHECK(k.app->ui().visit().session().search.view() == "hoerde");
  k.tap("osk.enter");
  CHECK_FALSE(k.app->ui().visit().typing());
  const auto s = test::bundled_snapshot();
  std::vector<std::string> listed;
  for (const auto& w : k.automation().widgets())
    if (w.id.rfind("offer.", 0) == 0) listed.push_back(w.id.substr(6));
  // The Hörde offers first; a compound that contains the word ("Ausländerbehörde") may follow.
  size_t in_hoerde = 0;
  for (const auto& o : s->offers) in_hoerde += o.district == "hoerde" ? 1 : 0;
  REQUIRE(listed.size() >= in_hoerde);
  for (size_t i = 0; i < in_hoerde; ++i) CHECK(s->find_offer(listed[i])->district == "hoerde");
}

TEST_CASE("keyboard: shift for one capital, umlauts, backspace takes a whole character and repeats while held") {
  Kiosk k;
  k.tap("home.offers");
  k.tap("offers.search");
  k.tap("osk.shift");
  k.tap("osk.key.ü");  // shows Ü while shifted: the id stays the lower-case key
  k.tap("osk.key.b");
  CHECK(k.app->ui().visit().session().search.view() == "Üb");
  k.tap("osk.backspace");
  k.tap("osk.backspace");
  CHECK(k.app->ui().visit().session().search.empty());
  k.tap("osk.symbols");
  k.tap("osk.key.€");
  k.tap("osk.letters");
  k.tap("osk.key.ä");
  CHECK(k.app->ui().visit().session().search.view() == "€ä");
  // Hold backspace: one deletion on touch, then repeats.
  auto& d = k.app->driver();
  std::string error;
  for (const char* key : {"osk.key.a", "osk.key.b", "osk.key.c", "osk.key.d"}) REQUIRE(d.tap(key, error));
  CHECK(k.app->ui().visit().session().search.view() == "€äabcd");
  CHECK(d.hold("osk.backspace", 45, error));  // 45 frames = 0.75 s: a touch, then repeats after 0.5 s
  const size_t left = to_u32(k.app->ui().visit().session().search.view()).size();
  CHECK(left < 5);   // more than one deletion
  CHECK(left >= 2);  // but not everything at once
  CHECK(k.app->ui().visit().session().search.view().find("€ä") == 0);  // whole characters only
}

TEST_CASE("a drag over the list scrolls it and fires no button, it coasts, then the loop may sleep") {
  Kiosk k;
  k.tap("home.offers");
  const auto* first = k.automation().find("offer." + test::bundled_snapshot()->offers.front().id);
  REQUIRE(first != nullptr);
  const float y0 = first->rect.y;
  std::string error;
  REQUIRE(k.app->driver().drag("offer." + test::bundled_snapshot()->offers.front().id, 0, -600, error));
  CHECK(k.screen() == "offers");  // the card under the finger did not open
  const auto* moved = k.automation().find("offer." + test::bundled_snapshot()->offers.front().id);
  REQUIRE(moved != nullptr);
  CHECK(moved->rect.y < y0 - 500);  // followed the finger (and coasted a little)
  bool stopped = false;
  for (int i = 0; i < 600 && !stopped; ++i) {
    k.app->render_frame();
    stopped = !k.app->ui().needs_frames(*k.clock);
  }
  CHECK(stopped);  // inertia decays; no endless frames
  // A tap (no movement) still opens a card.
  std::string visible;
  for (const auto& w : k.automation().widgets())
    if (w.id.rfind("offer.", 0) == 0 && w.is_visible() && w.visible.h == w.rect.h && visible.empty()) visible = w.id;
  REQUIRE_FALSE(visible.empty());
  k.tap(visible);
  CHECK(k.screen() == "offer_detail");
  CHECK(k.app->ui().visit().route().item == visible.substr(6));
}

TEST_CASE("after 90 s the kiosk asks, 20 s later it wipes the half-typed search and returns to attract") {
  Kiosk k;
  k.tap("home.offers");
  k.tap("offers.search");
  k.app->driver().type("Anna Sch");
  k.tap("a11y.large_text");
  k.tap("lang.en");
  CHECK(k.app->ui().visit().session().search.view() == "Anna Sch");
  k.wait(89);
  CHECK_FALSE(k.app->ui().visit().asking_still_there(*k.clock));
  k.wait(2);
  CHECK(k.app->ui().visit().asking_still_there(*k.clock));
  REQUIRE(k.automation().find("idle.continue") != nullptr);
  CHECK(k.label("idle.continue") == "Yes, I’m still here");
  // The question covers the screen: a touch anywhere counts as "still here", and the button
  // under the finger does not fire.
  std::string error;
  k.app->driver().tap("offers.clear_filters", error);
  CHECK(k.app->ui().visit().session().search.view() == "Anna Sch");
  CHECK_FALSE(k.app->ui().visit().asking_still_there(*k.clock));
  k.wait(91);
  REQUIRE(k.app->ui().visit().asking_still_there(*k.clock));
  k.tap("idle.continue");
  CHECK_FALSE(k.app->ui().visit().asking_still_there(*k.clock));
  CHECK(k.app->ui().visit().session().search.view() == "Anna Sch");  // still there: nothing lost
  k.wait(91);
  CHECK(k.app->ui().visit().asking_still_there(*k.clock));
  k.wait(21);
  CHECK(k.screen() == "attract");
  const auto& session = k.app->ui().visit().session();
  CHECK(session.search.empty());
  for (size_t i = 0; i <= session.search.capacity(); ++i) CHECK(session.search.storage()[i] == 0);
  CHECK(session.lang == Lang::De);
  CHECK_FALSE(session.large_text);
  CHECK(session.filter.empty());
  k.tap("attract.start");
  CHECK(k.screen() == "home");
  CHECK_FALSE(k.automation().find("nav.back")->enabled);
}

TEST_CASE("the language switch changes every visible string") {
  Kiosk k;
  for (const Route& r : {Route{ScreenId::Home, ""}, Route{ScreenId::Offers, ""}, Route{ScreenId::OfferDetail, "tafel-hoerde"}}) {
    k.app->ui().visit().set_language(Lang::De);
    k.show(r);
    std::map<std::string, std::string> german;
    for (const auto& w : k.automation().widgets()) german[w.id] = w.label;
    k.tap("lang.en");
    for (const auto& w : k.automation().widgets()) {
      if (w.id.rfind("lang.", 0) == 0 || w.id.rfind("a11y.", 0) == 0 || w.id.rfind("osk.", 0) == 0 || w.id == "offer.qr" || w.id == "staff.entry") continue;  // the staff entry has no text
      CAPTURE(w.id);
      CHECK(german.count(w.id) == 1);
      CHECK(w.label != german[w.id]);
    }
  }
}

TEST_CASE("QR codes encode the page address, with the finder pattern in place") {
  const auto& m = ui::qr_for("https://tafel-ausgabestelle-hoerde.example/angebote/tafel-hoerde");
  REQUIRE(m.size >= 21);
  auto dark = [&](int x, int y) { return static_cast<bool>(m.modules[static_cast<size_t>(y) * m.size + x]); };
  for (int i = 0; i < 7; ++i) {
    CHECK(dark(i, 0));
    CHECK(dark(0, i));
    CHECK(dark(m.size - 1 - i, 0));
    CHECK(dark(i, m.size - 1));
  }
  CHECK_FALSE(dark(1, 1));
  CHECK(dark(3, 3));
  CHECK(&ui::qr_for("https://tafel-ausgabestelle-hoerde.example/angebote/tafel-hoerde") == &m);  // encoded once
}

TEST_CASE("every text colour of both themes meets its WCAG contrast: 4.5:1 default, 7:1 high contrast") {
  CHECK(ui::contrast_ratio(IM_COL32_BLACK, IM_COL32_WHITE) == doctest::Approx(21.0));
  for (const auto& pair : ui::text_pairs(ui::default_palette())) {
    CAPTURE(pair.name);
    CHECK(ui::contrast_ratio(pair.foreground, pair.background) >= 4.5);
  }
  for (const auto& pair : ui::text_pairs(ui::high_contrast_palette())) {
    CAPTURE(pair.name);
    CHECK(ui::contrast_ratio(pair.foreground, pair.background) >= 7.0);
  }
}

TEST_CASE("number pad and email keyboard: the same touch keys, other layouts") {
  Kiosk k;  // for the ImGui context and the fonts
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  const ui::FontSet fonts{atlas->Fonts[0], atlas->Fonts[1], atlas->Fonts[2], atlas->Fonts[3], atlas->Fonts[0]->FontSize};
  ui::Automation automation;
  ui::OnScreenKeyboard keyboard;
  VisitorText text(40);
  KeyboardMode mode = KeyboardMode::Phone;
  ui::UiDriver* driver = nullptr;
  ui::UiDriver d(automation, [&] {
    k.platform->new_frame();
    driver->apply_pointer(ImGui::GetIO());
    ImGui::NewFrame();
    automation.begin_frame("keyboard");
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("##pad", nullptr, ImGuiWindowFlags_NoDecoration);
    const ui::UiContext ui{automation, ui::default_palette(), fonts};
    keyboard.draw(ui, text, mode, "Leerzeichen", "Fertig");
    ImGui::End();
    ImGui::Render();
  });
  driver = &d;
  d.settle();
  CHECK(automation.find("osk.key.a") == nullptr);  // digits only
  for (const char* key : {"osk.key.+", "osk.key.4", "osk.key.9", "osk.key.2", "osk.key.3", "osk.key.1"}) {
    std::string error;
    REQUIRE_MESSAGE(d.tap(key, error), error);
  }
  CHECK(text.view() == "+49231");
  check_targets(automation, 1080, 1920);

  text.wipe();
  mode = KeyboardMode::Email;
  d.settle();
  for (const char* key : {"osk.key.a", "osk.key.@", "osk.key.b", "osk.key..de"}) {
    std::string error;
    REQUIRE_MESSAGE(d.tap(key, error), error);
  }
  CHECK(text.view() == "a@b.de");
}

TEST_CASE("10,000 offers: only the cards on screen are built, and a finger scrolls deep into the list") {
  test::TempDir tmp;
  std::string out;
  REQUIRE(test::run_command(std::string(KIOSK_BIN_DIR) + "/kioskctl generate --offers 10000 --seed 1 --out " + tmp.path().string(), out) == 0);
  const ContentParseResult big = load_content_directory(tmp.path());
  REQUIRE(big.ok());
  auto platform = std::make_unique<NullPlatform>();
  KioskApp app(std::move(platform), big.snapshot);
  std::string error;
  REQUIRE(app.open({1920, 1080, false, "test"}, error));
  app.ui().visit().open({ScreenId::Offers, {}});
  app.driver().settle();
  auto cards = [&] {
    std::vector<std::string> ids;
    for (const auto& w : app.ui().automation().widgets())
      if (w.id.rfind("offer.", 0) == 0 && w.is_visible()) ids.push_back(w.id.substr(6));
    return ids;
  };
  size_t built = 0;
  for (const auto& w : app.ui().automation().widgets()) built += w.id.rfind("offer.", 0) == 0;
  CHECK(built < 60);  // a few screens' worth, not 10,000
  const auto first = cards();
  REQUIRE_FALSE(first.empty());
  CHECK(first.front() == big.snapshot->offers.front().id);
  for (int i = 0; i < 40; ++i) app.driver().drag_from(960, 900, 0, -700);
  for (int i = 0; i < 2000 && app.ui().needs_frames(app.now()); ++i) app.render_frame();  // the fling comes to rest
  app.driver().settle();
  const auto later = cards();
  REQUIRE_FALSE(later.empty());
  auto position = [&](const std::string& id) {
    for (size_t i = 0; i < big.snapshot->offers.size(); ++i)
      if (big.snapshot->offers[i].id == id) return i;
    return size_t(0);
  };
  CHECK(position(later.front()) > 150);  // 40 drags of 700 px: far past the first screens
  REQUIRE(app.driver().tap("offer." + later.front(), error));
  CHECK(app.ui().visit().route().screen == ScreenId::OfferDetail);
  CHECK(app.ui().visit().route().item == later.front());
}

TEST_CASE("an offer with 40,000 characters of text lists, opens and scrolls, the kiosk keeps drawing it") {
  // Four vertices a glyph, 65,536 a window (16-bit indices): ImGui stops the program with an
  // assertion past that. Only the glyphs in view may count, however far the text runs.
  auto content = std::make_shared<ContentSnapshot>(*test::bundled_snapshot());
  Offer& offer = content->offers.front();
  std::string text;
  while (text.size() < 40000) text += "Wir lesen mit Kindern und wecken ihre Freude an Büchern, Woche für Woche. ";
  offer.title.set(Lang::De, text.substr(0, 20000));
  offer.description.set(Lang::De, text);
  KioskApp app(std::make_unique<NullPlatform>(), content);
  std::string error;
  REQUIRE(app.open({1080, 1920, false, "test"}, error));
  int most = 0;  // vertices in the fullest window of any frame so far
  auto scroll = [&](float dy) {
    app.driver().drag_from(540, 1400, 0, dy);
    for (int f = 0; f < 2000 && app.ui().needs_frames(app.now()); ++f) {
      app.render_frame();
      const ImDrawData* d = ImGui::GetDrawData();
      for (int i = 0; i < d->CmdListsCount; ++i) most = std::max(most, d->CmdLists[i]->VtxBuffer.Size);
    }
    app.driver().settle();
  };

  app.ui().visit().open({ScreenId::Offers, {}});
  app.driver().settle();
  const ui::WidgetRecord* card = app.ui().automation().find("offer." + offer.id);
  REQUIRE(card != nullptr);
  for (int i = 0; i < 60 && card != nullptr && card->rect.y > -4000; ++i) {
    scroll(-600);
    card = app.ui().automation().find("offer." + offer.id);
  }
  REQUIRE(card != nullptr);
  CHECK(card->rect.y < -4000);  // thousands of its title's glyphs above the view, the rest on screen
  CHECK(card->is_visible());

  app.ui().visit().open({ScreenId::OfferDetail, offer.id});
  app.driver().settle();
  for (int i = 0; i < 20; ++i) scroll(-700);
  CHECK(app.ui().visit().route().screen == ScreenId::OfferDetail);
  CHECK(most < 30000);  // a screenful of glyphs, not the whole text
  CHECK(app.ui().automation().find("nav.back") != nullptr);  // the bar below is still drawn
}
