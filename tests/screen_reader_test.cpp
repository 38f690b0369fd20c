// The screen reader's rules on a made-up tree, with a clock the test moves: what a finger
// hears, what reaches ImGui, double taps, flicks, the 3 s toggle, private fields, the end of a visit.
#include <doctest/doctest.h>

#include <map>

#include "kiosk/core/screen_reader.hpp"

using namespace kiosk;

namespace {

struct Words final : ReaderWords {
  std::string word(std::string_view key) const override {
    static const std::map<std::string_view, std::string> w{
        {"a11y.role.button", "Knopf"}, {"a11y.role.field", "Eingabefeld"}, {"a11y.role.filter", "Filter"},
        {"a11y.selected", "gewählt"}, {"a11y.not_selected", "nicht gewählt"}, {"a11y.chars", "{n} Zeichen"},
        {"a11y.empty", "leer"}, {"a11y.speech_on", "Sprachausgabe an"}, {"a11y.speech_off", "Sprachausgabe aus"},
        {"a11y.volume", "Lautstärke {n} Prozent"}, {"a11y.unavailable", "nicht verfügbar"}, {"a11y.role.heading", "Überschrift"}};
    const auto it = w.find(key);
    return it == w.end() ? std::string(key) : it->second;
  }
  Lang lang() const override { return Lang::De; }
};

WidgetRecord widget(std::string id, std::string label, float y, Role role = Role::Button) {
  WidgetRecord w;
  w.id = std::move(id);
  w.label = std::move(label);
  w.rect = w.visible = {0, y, 1000, 100};
  w.role = role;
  w.interactive = role != Role::Text && role != Role::Heading;
  return w;
}

struct World {
  Words words;
  ScreenReader reader;
  std::vector<WidgetRecord> tree{widget("title", "Ehrenamt finden", 0, Role::Heading), widget("home.offers", "Angebote", 200),
                                 widget("filter.hoerde", "Hörde", 400, Role::Filter), widget("form.first_name", "Vorname", 600, Role::TextField)};
  WidgetRect toggle{0, 1800, 200, 200};
  double now = 0;
  std::vector<PointerOut> seen;  // what ImGui got, frame by frame
  explicit World(ReaderOptions o = {}) : reader(o) {
    tree[2].selected = true;
    tree[3].personal = true;
    tree[3].chars = 6;
    reader.set_context(&words, [](std::string_view) { return std::optional<std::string>("Zeynep"); });
  }
  void frame(float x, float y, bool down, double dt = 0.02) {
    now += dt;
    seen.push_back(reader.pointer({x, y, down}, now, tree, toggle, 20.0f));
    reader.after_frame("home:", tree, now);
  }
  std::string said() {
    std::string all;
    for (const SpeechCommand& c : reader.take_commands())
      if (c.kind == SpeechCommand::Kind::Say) all += c.utterance.text() + " | ";
    return all;
  }
  bool imgui_pressed() const {
    for (const PointerOut& p : seen)
      if (p.down && !p.away) return true;
    return false;
  }
};

}  // namespace

TEST_CASE("speech off: the finger passes to ImGui untouched, and a 3 s press on the mark turns speech on") {
  World w;
  w.frame(500, 250, true);
  w.frame(500, 250, false);
  CHECK(w.imgui_pressed());
  CHECK(w.said().empty());
  w.seen.clear();
  for (int i = 0; i < 160; ++i) w.frame(50, 1900, true);  // 3.2 s on the bottom bar's left end
  w.frame(50, 1900, false);
  CHECK(w.reader.on());
  CHECK(w.said().find("Sprachausgabe an") != std::string::npos);
  // The button under the mark (Zurück) never fires: ImGui's finger was taken away before the lift.
  CHECK_FALSE(w.seen.back().down);
  CHECK(w.seen.back().away);
}

TEST_CASE("speech on: a resting finger hears role, label and state, and nothing is activated") {
  World w;
  w.reader.set_on(true);
  w.said();
  for (int i = 0; i < 10; ++i) w.frame(500, 450, true);
  const std::string heard = w.said();
  CHECK(heard.find("Filter, Hörde, gewählt") != std::string::npos);
  for (int i = 0; i < 10; ++i) w.frame(500, 250, true);  // slides on to the button
  CHECK(w.said().find("Knopf, Angebote") != std::string::npos);
  w.frame(500, 250, false);
  CHECK_FALSE(w.imgui_pressed());
  CHECK(w.reader.focus() == "home.offers");
}

TEST_CASE("speech on: a double tap anywhere activates what was in focus before it, as a tap on its centre") {
  World w;
  w.reader.set_on(true);
  for (int i = 0; i < 10; ++i) w.frame(500, 250, true);
  w.frame(500, 250, false);
  w.frame(0, 0, false, 0.6);  // the visitor listens, then double-taps on the filter chip
  w.seen.clear();
  w.said();
  w.frame(500, 450, true);
  w.frame(500, 450, false);
  CHECK(w.said().find("Hörde") != std::string::npos);  // the first tap explores at once
  w.frame(500, 450, true);
  w.frame(500, 450, false);
  for (int i = 0; i < 4; ++i) w.frame(0, 0, false);
  bool pressed_on_button = false, pressed_elsewhere = false;
  for (const PointerOut& p : w.seen) {
    pressed_on_button |= p.down && !p.away && p.x == 500 && p.y == 250;
    pressed_elsewhere |= p.down && !p.away && p.y != 250;
  }
  CHECK(pressed_on_button);
  CHECK_FALSE(pressed_elsewhere);
  CHECK(w.reader.focus() == "home.offers");
}

TEST_CASE("speech on: a touch is said in the frame it lands, and flicks move in reading order from the focus before them") {
  World w;
  w.reader.set_on(true);
  CHECK(w.said().find("Sprachausgabe an") != std::string::npos);
  w.frame(-100, -100, false);  // the first frame announces the screen's heading
  CHECK(w.said().find("Ehrenamt finden") != std::string::npos);
  w.frame(500, 450, true);
  CHECK(w.said().find("Filter, Hörde, gewählt") != std::string::npos);  // no waiting
  w.frame(500, 450, false);
  w.frame(0, 0, false, 0.5);
  // Flick right, starting on the heading: the next element after the chip (the first name
  // field), said with its length, not its text.
  w.frame(300, 50, true);
  w.frame(500, 50, true);
  w.frame(700, 50, false);
  const std::string heard = w.said();
  CHECK(heard.find("Eingabefeld, Vorname, 6 Zeichen") != std::string::npos);
  CHECK(heard.find("Zeynep") == std::string::npos);
  CHECK(w.reader.focus() == "form.first_name");
  // Flick left twice: back to the chip, then the button.
  for (int i = 0; i < 2; ++i) {
    w.frame(700, 1000, true);
    w.frame(500, 1000, true);
    w.frame(300, 1000, false);
  }
  CHECK(w.reader.focus() == "home.offers");
  // Flick up where nothing scrolls (the UI answers that nothing moved): louder, said as a percentage.
  w.frame(500, 1000, true);
  w.frame(500, 800, true);
  w.frame(500, 600, false);
  const auto asked = w.reader.take_scroll();
  REQUIRE(asked);
  CHECK(asked->direction == 1);
  w.reader.scrolled(false, w.tree);
  CHECK(w.said().find("Lautstärke 90 Prozent") != std::string::npos);
  CHECK(w.reader.volume() == 90);
}

TEST_CASE("speech to headphones reads typed text back, and the end of a visit turns speech off and the volume back") {
  ReaderOptions o;
  o.headphones = true;
  World w(o);
  w.reader.set_on(true);
  w.said();
  for (int i = 0; i < 10; ++i) w.frame(500, 650, true);
  w.frame(500, 650, false);
  CHECK(w.said().find("Eingabefeld, Vorname, Zeynep") != std::string::npos);
  w.reader.key(ReaderKey::VolumeDown, w.tree);
  CHECK(w.reader.volume() == 70);
  w.reader.end_visit();
  CHECK_FALSE(w.reader.on());
  CHECK(w.reader.volume() == 80);
  CHECK(w.reader.focus().empty());
}

TEST_CASE("keys: Tab visits what can be used (speech off), Enter taps it, a new screen says its heading") {
  World w;
  w.reader.key(ReaderKey::Next, w.tree);
  CHECK(w.reader.focus() == "home.offers");  // the heading is skipped without speech
  CHECK(w.reader.show_focus());
  CHECK(w.reader.key(ReaderKey::Activate, w.tree));
  w.seen.clear();
  for (int i = 0; i < 4; ++i) w.frame(0, 0, false);
  bool tapped = false;
  for (const PointerOut& p : w.seen) tapped |= p.down && p.y == 250;
  CHECK(tapped);
  w.reader.set_on(true);
  w.said();
  w.reader.after_frame("offers:", w.tree, 10.0);
  CHECK(w.said().find("Überschrift, Ehrenamt finden") != std::string::npos);
}

TEST_CASE("pictograms are not spoken: a label's private-use glyphs are left out, the words stay") {
  Utterance u;
  u.add("\xEF\x80\xA8  Sprachausgabe", Lang::De);  // the badge: volume icon, two spaces, the word
  u.add("\xEF\x81\xB1  Bitte geben Sie Ihren Vornamen ein.", Lang::De);
  u.add("\xEF\x80\x8D", Lang::De);  // a lone ✕: nothing to say
  u.add("Größer – „Hörde“", Lang::De);  // ordinary non-ASCII stays
  CHECK(u.text() == "Sprachausgabe, Bitte geben Sie Ihren Vornamen ein., Größer – „Hörde“");
}
