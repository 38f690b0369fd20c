// Input on the real screens (null platform): typing on the on-screen keyboard, dragging lists,
// the idle timeout, and content far larger than the bundled one.
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
      if (!w.interactive) continue;  // text records include names, which stay as they are
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
    keyboard.draw(ui, text, mode, Lang::De, "Leerzeichen", "Fertig");
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

TEST_CASE("a Turkish visitor types \"Ayşe Yılmaz\" on the Turkish keyboard, a Ukrainian one searches in Cyrillic") {
  for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
    CAPTURE(w);
    Kiosk k(w, h);
    k.tap("lang.tr");
    k.show({ScreenId::Register, "tafel-hoerde"});
    k.tap("form.first_name");
    REQUIRE(k.automation().find("osk.key.ş") != nullptr);
    CHECK(k.label("osk.layout").find("TR") != std::string::npos);
    for (const char* key : {"osk.shift", "osk.key.a", "osk.key.y", "osk.key.ş", "osk.key.e"}) k.tap(key);
    k.tap("form.last_name");
    for (const char* key : {"osk.shift", "osk.key.y", "osk.key.ı", "osk.key.l", "osk.key.m", "osk.key.a", "osk.key.z"}) k.tap(key);
    CHECK(k.app->ui().visit().session().form.first_name.view() == "Ayşe");
    CHECK(k.app->ui().visit().session().form.last_name.view() == "Yılmaz");
    check_targets(k.automation(), static_cast<float>(w), static_cast<float>(h));
    // The layout key reaches the others: Ukrainian, then German, where i's capital is I again.
    k.tap("osk.layout");
    CHECK(k.automation().find("osk.key.й") != nullptr);
    check_targets(k.automation(), static_cast<float>(w), static_cast<float>(h));
    k.tap("osk.layout");
    CHECK(k.automation().find("osk.key.ß") != nullptr);
  }

  Kiosk k;
  k.tap("lang.uk");
  k.tap("home.offers");
  k.tap("offers.search");
  REQUIRE(k.automation().find("osk.key.д") != nullptr);
  for (const char* key : {"osk.key.д", "osk.key.і", "osk.key.т", "osk.key.и"}) k.tap(key);
  CHECK(k.app->ui().visit().session().search.view() == "діти");
  k.tap("osk.enter");
  // "Діти та молодь", the category's Ukrainian name: its offers are found.
  const auto s = test::bundled_snapshot();
  size_t listed = 0, for_children = 0;
  for (const auto& wdg : k.automation().widgets())
    if (wdg.id.rfind("offer.", 0) == 0) {
      ++listed;
      const Offer* o = s->find_offer(wdg.id.substr(6));
      REQUIRE(o != nullptr);
      for_children += std::count(o->categories.begin(), o->categories.end(), "kinder-jugend") > 0 ? 1 : 0;
    }
  CHECK(listed > 0);
  CHECK(for_children == listed);
}

TEST_CASE("the keyboard's Enter says Weiter and moves to the next field, on the last it says Senden and sends") {
  Kiosk k;
  k.show({ScreenId::Register, "tafel-hoerde"});
  k.tap("form.first_name");
  CHECK(k.label("osk.enter") == "Weiter");
  for (const char* next : {"form.last_name", "form.email", "form.phone", "form.message"}) {
    k.tap("osk.enter");
    CHECK(k.app->ui().visit().focus() == next);
  }
  CHECK(k.label("osk.enter") == "Senden");
  k.tap("osk.enter");
  CHECK_FALSE(k.app->ui().visit().typing());
  CHECK(k.app->ui().visit().session().form_checked);  // the problems now show next to their fields
  k.tap("lang.uk");
  k.tap("form.first_name");
  CHECK(k.label("osk.enter") == "Далі");
}

TEST_CASE("the field being typed into is always above the keyboard: every form field, both orientations, large text") {
  for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
    for (bool large : {false, true}) {
      Kiosk k(w, h);
      if (large) k.tap("a11y.large_text");
      k.show({ScreenId::Register, "lesepaten-aplerbeck"});
      k.tap("form.first_name");
      for (const char* field : {"form.first_name", "form.last_name", "form.email", "form.phone", "form.message"}) {
        CAPTURE(w);
        CAPTURE(large);
        CAPTURE(field);
        REQUIRE(k.app->ui().visit().focus() == field);
        const auto* f = k.automation().find(field);
        REQUIRE(f != nullptr);
        // The keyboard's top row: the first key drawn.
        float keyboard_top = static_cast<float>(h);
        for (const auto& wdg : k.automation().widgets())
          if (wdg.id.rfind("osk.", 0) == 0) keyboard_top = std::min(keyboard_top, wdg.rect.y);
        REQUIRE(keyboard_top < static_cast<float>(h));
        CHECK(f->visible.h == doctest::Approx(f->rect.h));  // not cut by the body's edge
        CHECK(f->rect.y >= 0);
        CHECK(f->rect.y + f->rect.h <= keyboard_top);
        k.tap("osk.enter");  // on to the next field
      }
    }
  }
}

TEST_CASE("the idle question is a framed panel that holds its button, in both themes and in large text") {
  for (bool contrast : {false, true}) {
    for (bool large : {false, true}) {
      CAPTURE(contrast);
      CAPTURE(large);
      Kiosk k;
      if (contrast) k.tap("a11y.contrast");
      if (large) k.tap("a11y.large_text");
      k.wait(91);
      REQUIRE(k.app->ui().visit().asking_still_there(*k.clock));
      const auto* panel = k.automation().find("still_there.panel");
      const auto* button = k.automation().find("idle.continue");
      REQUIRE(panel != nullptr);
      REQUIRE(button != nullptr);
      CHECK(button->rect.x >= panel->rect.x);
      CHECK(button->rect.y >= panel->rect.y);
      CHECK(button->rect.x + button->rect.w <= panel->rect.x + panel->rect.w);
      CHECK(button->rect.y + button->rect.h <= panel->rect.y + panel->rect.h);
    }
  }
}
