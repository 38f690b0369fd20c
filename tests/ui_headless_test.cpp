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
#include "ui_world.hpp"

using namespace kiosk;
using namespace kiosk::ui_world;

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

TEST_CASE("one primary button per screen, and the display switches say what they do, in every language") {
  const auto s = test::bundled_snapshot();
  for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
    Kiosk k(w, h);
    for (Lang lang : kAllLangs) {
      k.app->ui().visit().set_language(lang);
      for (const Route& r : every_route(*s)) {
        CAPTURE(w);
        CAPTURE(lang_code(lang));
        CAPTURE(screen_name(r.screen));
        k.show(r);
        std::vector<std::string> primary;
        for (const auto& wdg : k.automation().widgets())
          if (wdg.primary && wdg.is_visible()) primary.push_back(wdg.id);
        CHECK_MESSAGE(primary.size() <= 1, "primary: " << primary.size() << (primary.empty() ? "" : " first " + primary[0]));
        CHECK_FALSE(k.automation().find("nav.home")->primary);
        CHECK(k.label("a11y.large_text") == s->text("a11y.large_text", lang));
        CHECK(k.label("a11y.contrast") == s->text("a11y.contrast", lang));
        k.app->ui().visit().open({ScreenId::Home, ""});
      }
    }
  }
  CHECK(test::bundled_snapshot()->text("a11y.large_text", Lang::De) == "Größer");
}

TEST_CASE("a \"Wann\" filter group with the four time slots, in every language") {
  Kiosk k;
  k.tap("home.offers");
  k.tap("offers.filter.when");
  CHECK(k.label("offers.filter.when") == "Wann");
  for (const char* chip : {"filter.when.weekday-morning", "filter.when.weekday-afternoon", "filter.when.weekday-evening",
                           "filter.when.weekend"})
    CHECK_MESSAGE(k.automation().find(chip) != nullptr, chip);
  k.tap("filter.when.weekend");
  CHECK(k.app->ui().visit().session().filter.count(FilterGroup::When) == 1);
  CHECK(k.label("filter.when.weekend").find("am Wochenende") != std::string::npos);
  k.tap("lang.tr");
  CHECK(k.label("offers.filter.when").find("Ne zaman") == 0);
  CHECK(k.label("filter.when.weekend").find("hafta sonu") != std::string::npos);
}

TEST_CASE("content missing in the visitor's language: the chain's language with its tag, one tap to the other") {
  // The offers are written in German and English only (the units are in all four).
  const auto s = test::bundled_snapshot();
  const Offer& o = s->offers.front();
  const std::string card = "offer." + o.id;
  Kiosk k;
  k.tap("lang.uk");
  k.tap("home.offers");
  CHECK(k.label(card) == o.title.get(Lang::En));  // English before German for Ukrainian
  k.tap(card);
  CHECK(k.label("content.other_language").find("Deutsch") != std::string::npos);
  k.tap("content.other_language");
  CHECK(k.app->ui().visit().session().other_fallback);
  CHECK(k.label("content.other_language").find("English") != std::string::npos);
  k.tap("nav.back");
  CHECK(k.label(card) == o.title.get(Lang::De));
  k.tap("lang.tr");  // another language, its own chain: German first
  CHECK_FALSE(k.app->ui().visit().session().other_fallback);
  CHECK(k.label(card) == o.title.get(Lang::De));
  k.tap("lang.de");  // nothing is missing in German: no note
  k.tap(card);
  CHECK(k.automation().find("content.other_language") == nullptr);
}

TEST_CASE("chosen filter values stay in sight as removable chips, an open group looks different from one with a value") {
  for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
    CAPTURE(w);
    Kiosk k(w, h);
    k.tap("home.offers");
    k.tap("offers.filter.district");
    CHECK(k.automation().find("offers.filter.district")->selected);  // open
    k.tap("filter.district.hoerde");
    k.tap("offers.filter.when");  // another group opens, the district group closes
    k.tap("filter.when.weekend");
    const auto* district = k.automation().find("offers.filter.district");
    CHECK_FALSE(district->selected);
    CHECK(district->label.find("(1)") != std::string::npos);
    CHECK(k.automation().find("filter.district.hoerde") == nullptr);  // its chips are closed …
    REQUIRE(k.automation().find("active.district.hoerde") != nullptr);  // … its value is not
    CHECK(k.label("active.district.hoerde").find("Hörde") != std::string::npos);
    CHECK(k.automation().find("active.when.weekend") != nullptr);
    check_targets(k.automation(), static_cast<float>(w), static_cast<float>(h));
    k.tap("active.district.hoerde");  // one tap takes it away
    CHECK(k.app->ui().visit().session().filter.count(FilterGroup::District) == 0);
    CHECK(k.automation().find("active.district.hoerde") == nullptr);
    CHECK(k.app->ui().visit().session().filter.count(FilterGroup::When) == 1);
  }
}

TEST_CASE("portrait: register, send and done sit in the lowest quarter, within reach from a wheelchair") {
  const std::pair<Route, const char*> actions[] = {{{ScreenId::OfferDetail, "lesepaten-aplerbeck"}, "offer.register"},
                                                   {{ScreenId::Register, "lesepaten-aplerbeck"}, "form.submit"},
                                                   {{ScreenId::ThankYou, "lesepaten-aplerbeck"}, "thanks.done"}};
  for (bool large : {false, true}) {
    Kiosk k(1080, 1920);
    if (large) k.tap("a11y.large_text");
    for (Lang lang : kAllLangs) {
      k.app->ui().visit().set_language(lang);
      for (const auto& [route, id] : actions) {
        CAPTURE(large);
        CAPTURE(lang_code(lang));
        CAPTURE(id);
        k.show(route);
        const auto* a = k.automation().find(id);
        REQUIRE(a != nullptr);
        CHECK(a->is_visible());
        CHECK(a->primary);
        CHECK(a->rect.y >= 0.75f * 1920);
        check_targets(k.automation(), 1080, 1920);
        k.app->ui().visit().open({ScreenId::Home, ""});
      }
    }
  }
  // Landscape keeps them in the page: the screen is wide, not tall.
  Kiosk wide(1920, 1080);
  wide.show({ScreenId::OfferDetail, "lesepaten-aplerbeck"});
  CHECK(wide.automation().find("offer.register") != nullptr);
}

TEST_CASE("a button that cannot be used is drawn plain, and the form's hint names no colour") {
  struct NoBackend final : StaffConsole {
    bool pin_configured() const override { return true; }
    int64_t locked_for_s() const override { return 0; }
    void check_pin(std::string) override {}
    StaffStatus status() const override { return {}; }  // no backend configured: nothing to sync with
    void refresh() override {}
    void sync_now() override {}
    void load_preview() override {}
  } console;
  Kiosk k;
  k.app->ui().visit().set_staff_console(&console);
  k.show({ScreenId::Staff, ""});
  const auto* sync = k.automation().find("staff.sync_now");
  REQUIRE(sync != nullptr);
  CHECK_FALSE(sync->enabled);
  CHECK_FALSE(sync->primary);  // not muted grey on red
  const auto s = test::bundled_snapshot();
  for (Lang lang : kAllLangs) {
    const std::string hint(s->text("form.check_above", lang));
    for (const char* colour : {"rot", "red", "kırmızı", "червон"}) CHECK_MESSAGE(hint.find(colour) == std::string::npos, hint);
  }
  CHECK(s->text("form.email_example", Lang::De) == "name@beispiel.de");
  CHECK(s->text("form.email_example", Lang::Tr) != s->text("form.email_example", Lang::De));
}

namespace {
// The highest interactive rectangle a visitor can see, leaving out the staff's long press on
// the logo (the counter's, not the visitor's).
float highest_target(const ui::Automation& a) {
  float top = 1e9f;
  for (const auto& w : a.widgets())
    if (w.interactive && w.is_visible() && w.id != "staff.entry" && w.id != "assisted.end") top = std::min(top, w.visible.y);
  return top;
}
}  // namespace

TEST_CASE("reach mode: on every screen, its dialogs and with the keyboard up, nothing to touch is above the middle") {
  const auto s = test::bundled_snapshot();
  for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
    for (bool large : {false, true}) {
      Kiosk k(w, h);
      if (large) k.tap("a11y.large_text");
      // Without reach mode: measured on every screen and reported (the main actions' place is
      // asserted by the portrait action-bar test).
      float normal_top = 1e9f;
      for (const Route& r : every_route(*s)) {
        k.show(r);
        const float top = highest_target(k.automation());
        MESSAGE(w << "x" << h << (large ? " large" : "") << " " << screen_name(r.screen) << " " << r.item
                  << ": highest target at " << top / static_cast<float>(h) * 100 << " % without reach mode");
        normal_top = std::min(normal_top, top);
        k.app->ui().visit().open({ScreenId::Home, ""});
      }
      k.tap("a11y.reach");
      REQUIRE(k.app->ui().visit().session().reach_mode);
      for (const Route& r : every_route(*s)) {
        CAPTURE(w);
        CAPTURE(large);
        CAPTURE(screen_name(r.screen));
        CAPTURE(r.item);
        k.show(r);
        CHECK(highest_target(k.automation()) >= 0.5f * static_cast<float>(h));
        check_targets(k.automation(), static_cast<float>(w), static_cast<float>(h));
        k.app->ui().visit().open({ScreenId::Home, ""});
      }
      CHECK(normal_top < 0.5f * static_cast<float>(h));  // the measure can tell the modes apart
      k.show({ScreenId::Register, "tafel-hoerde"});
      k.tap("form.first_name");
      CHECK(highest_target(k.automation()) >= 0.5f * static_cast<float>(h));
      k.tap("osk.hide");
      k.wait(91);  // the idle question
      REQUIRE(k.app->ui().visit().asking_still_there(*k.clock));
      CHECK(k.automation().find("idle.continue")->rect.y >= 0.5f * static_cast<float>(h));
      k.tap("idle.continue");
      k.wait(200);  // the visit ends: the next visitor starts without reach mode (the installer's default)
      CHECK_FALSE(k.app->ui().visit().session().reach_mode);
    }
  }
}

TEST_CASE("portrait: a page shorter than the screen stands at the bottom, the PIN pad and the privacy notice's way back too") {
  Kiosk k(1080, 1920);
  for (const auto& [route, id] : {std::pair<Route, const char*>{{ScreenId::StaffPin, ""}, "staff.pin.1"},
                                  std::pair<Route, const char*>{{ScreenId::Privacy, ""}, "privacy.back"}}) {
    CAPTURE(id);
    k.show(route);
    const auto* w = k.automation().find(id);
    REQUIRE(w != nullptr);
    CHECK(w->is_visible());
    CHECK(w->rect.y >= 0.5f * 1920);
    k.app->ui().visit().open({ScreenId::Home, ""});
  }
}

TEST_CASE("offers: portrait search and filters rise from the bottom, in landscape with the keyboard up results stay in sight") {
  {
    Kiosk k(1080, 1920);
    k.tap("home.offers");
    k.tap("offers.filter.district");
    for (const char* id : {"offers.search", "offers.filter.category", "offers.filter.when", "filter.district.aplerbeck"}) {
      CAPTURE(id);
      const auto* w = k.automation().find(id);
      REQUIRE(w != nullptr);
      CHECK(w->is_visible());
      CHECK(w->rect.y >= 0.5f * 1920);
    }
    check_targets(k.automation(), 1080, 1920);
  }
  for (bool large : {false, true}) {
    CAPTURE(large);
    Kiosk k(1920, 1080);
    if (large) k.tap("a11y.large_text");
    k.tap("home.offers");
    k.tap("offers.filter.district");
    k.tap("offers.search");
    REQUIRE(k.app->ui().visit().typing());
    size_t cards = 0;  // whole cards, not a sliver
    for (const auto& w : k.automation().widgets())
      if (w.id.rfind("offer.", 0) == 0 && w.visible.h >= w.rect.h - 1) ++cards;
    CHECK(cards >= 1);
  }
}

TEST_CASE("the staff screen says in its own language that settings were not used, the details stay for the admins") {
  Kiosk k;  // its console reports a kiosk.json problem
  for (Lang lang : kAllLangs) {
    CAPTURE(lang_code(lang));
    k.app->ui().visit().set_language(lang);
    k.show({ScreenId::Staff, ""});
    const auto* config = k.automation().find("staff.config");
    REQUIRE(config != nullptr);
    CHECK_FALSE(config->interactive);
    const std::string said(test::bundled_snapshot()->text("staff.config_unused", lang));
    CHECK(config->label.rfind(said, 0) == 0);                             // first, in the staff's language
    CHECK(config->label.find("$.poll_interval_s") != std::string::npos);  // then the details
    std::string error;
    CHECK_FALSE(k.app->driver().tap("staff.config", error));  // text is not a target
    k.app->ui().visit().open({ScreenId::Home, ""});
  }
}
