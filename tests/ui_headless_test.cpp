// The real screens, driven by automation id on the null platform: what a visitor taps, what
// they then see, in every language and both orientations.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/platform/null_platform.hpp"
#include "support.hpp"

using namespace kiosk;

namespace {

struct Kiosk {
  NullPlatform* platform = nullptr;
  std::unique_ptr<KioskApp> app;
  std::shared_ptr<double> clock = std::make_shared<double>(0.0);

  // Starts like the real kiosk, on the attract loop, and taps it to begin a visit.
  explicit Kiosk(int width = 1080, int height = 1920, bool start_visit = true) {
    auto p = std::make_unique<NullPlatform>();
    platform = p.get();
    app = std::make_unique<KioskApp>(std::move(p), test::bundled_snapshot());
    app->set_clock([c = clock] { return *c; });
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
    app->ui().open(std::move(r));
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
      k.app->ui().set_language(lang);
      for (const Route& r : every_route(*s)) {
        CAPTURE(w);
        CAPTURE(lang_code(lang));
        CAPTURE(r.item);
        k.show(r);
        CHECK(k.screen() == screen_name(r.screen));
        CHECK(k.automation().find("nav.home") != nullptr);
        CHECK(k.automation().find("lang.uk") != nullptr);
        check_targets(k.automation(), static_cast<float>(w), static_cast<float>(h));
        k.app->ui().open({ScreenId::Home, ""});
      }
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
  CHECK(k.app->ui().current_route().item == test::bundled_snapshot()->offers.front().id);
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
  CHECK(k.app->ui().current_route().item == "nachhaltigkeit-buergerinteressen");
  k.tap("nav.back");
  CHECK(k.app->ui().current_route().item == "freiwilligenagentur");
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

TEST_CASE("render on demand: the attract loop sleeps between items and animates only the fade") {
  Kiosk k(1080, 1920, false);
  CHECK(k.screen() == "attract");
  *k.clock = 8.0;  // the next item is due: it fades in over 0.6 s
  k.app->render_frame();
  CHECK(k.app->ui().needs_frames(8.3));
  CHECK_FALSE(k.app->ui().needs_frames(8.7));
  CHECK(k.app->ui().next_wake(8.7) == doctest::Approx(16.0));
}
