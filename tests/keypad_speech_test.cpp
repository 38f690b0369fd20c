// Blind visitors and keypad users (issue 17): the whole way from the attract screen to a sent
// registration with speech on and keys only — Tab to move, Enter to choose, letters typed on a
// keyboard — in German and in Turkish, against the real sealed outbox. What is spoken is read
// from the kiosk's utterance log; the form's values must never be in it (the loudspeaker path).
#include <doctest/doctest.h>

#include <string>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/outbox_registrations.hpp"
#include "registration_world.hpp"

using namespace kiosk;
using kiosk::test::Agency;
using kiosk::test::Kiosk;

namespace {

// Everything said since `from` (an index into the kiosk's count of utterances), as one text.
std::string said_since(const KioskApp& app, size_t from) {
  std::string all;
  const auto& log = app.speech_log();
  const size_t first = app.speech_said() - log.size();
  for (size_t n = std::max(from, first); n < app.speech_said(); ++n) all += log[n - first].text() + " | ";
  return all;
}

// Tab until the widget has the focus, as a visitor listens until they hear it; then Enter.
void choose(Kiosk& k, const std::string& id) {
  auto& reader = k.app->ui().screen_reader();
  for (int i = 0; i < 400 && reader.focus() != id; ++i) k.app->driver().key(ImGuiKey_Tab);
  REQUIRE_MESSAGE(reader.focus() == id, "Tab never reached " << id << " on " << k.app->ui().automation().screen());
  k.app->driver().key(ImGuiKey_Enter);
}

struct Walk {
  Lang lang;
  const char* home_heading;   // said when home opens
  const char* offers_heading;
  const char* field_role;     // "Eingabefeld"
  const char* chars;          // "6 Zeichen"
  const char* thanks;
  const char* backspace;      // the keyboard's ⌫, said in words
};

void walk(const Walk& w) {
  Agency agency;
  OutboxRegistrations sink(agency.outbox(), agency.public_key, nullptr);
  Kiosk k(&sink);
  KioskApp& app = *k.app;
  app.ui().visit().set_language(w.lang);
  app.driver().settle();
  app.ui().screen_reader().set_on(true);
  app.driver().settle();
  CHECK(said_since(app, 0).find(w.lang == Lang::De ? "Sprachausgabe an" : "Sesli okuma açık") != std::string::npos);

  choose(k, "attract.start");
  REQUIRE(k.screen() == "home");
  size_t mark = app.speech_said();
  choose(k, "home.offers");
  REQUIRE(k.screen() == "offers");
  CHECK(said_since(app, mark).find(w.offers_heading) != std::string::npos);
  choose(k, "offers.filter.district");
  mark = app.speech_said();
  choose(k, "filter.district.hoerde");
  app.driver().settle();
  // The count is an alert: said as soon as the filter changes it.
  const auto* count = app.ui().automation().find("offers.count");
  REQUIRE(count != nullptr);
  CHECK(said_since(app, mark).find(count->label) != std::string::npos);
  choose(k, "offer.tafel-hoerde");  // the list scrolls to what has the focus
  REQUIRE(k.screen() == "offer_detail");
  choose(k, "offer.register");
  REQUIRE(k.screen() == "register");

  mark = app.speech_said();
  choose(k, "form.first_name");
  REQUIRE(app.ui().visit().focus() == "form.first_name");
  app.driver().type("Zeynep");
  // Enter on the keyboard leads from field to field, as it does without speech.
  app.driver().key(ImGuiKey_Enter);
  REQUIRE(app.ui().visit().focus() == "form.last_name");
  app.driver().type("Yilmazoglu");
  app.driver().key(ImGuiKey_Enter);
  REQUIRE(app.ui().visit().focus() == "form.email");
  app.driver().type("zeynep@example.org");
  // The keyboard's keys are found by Tab too; the one drawn as an arrow says what it does.
  const size_t keys_mark = app.speech_said();
  for (int i = 0; i < 400 && app.ui().screen_reader().focus() != "osk.backspace"; ++i) app.driver().key(ImGuiKey_Tab);
  REQUIRE(app.ui().screen_reader().focus() == "osk.backspace");
  CHECK(said_since(app, keys_mark).find(w.backspace) != std::string::npos);
  // Back on the first name: its role and length are said, never what was typed.
  for (int i = 0; i < 400 && app.ui().screen_reader().focus() != "form.first_name"; ++i) app.driver().key(ImGuiKey_Tab, true);
  const std::string heard = said_since(app, mark);
  CHECK(heard.find(std::string(w.field_role)) != std::string::npos);
  CHECK(heard.find(w.chars) != std::string::npos);
  app.driver().key(ImGuiKey_Escape);  // the keyboard goes down
  choose(k, "form.age");
  choose(k, "form.consent");
  mark = app.speech_said();
  choose(k, "form.submit");
  REQUIRE(k.screen() == "thank_you");
  CHECK(said_since(app, mark).find(w.thanks) != std::string::npos);
  CHECK(agency.outbox()->counts().pending == 1);

  // Nothing the visitor typed was ever spoken on the loudspeaker.
  const std::string everything = said_since(app, 0);
  for (const char* secret : {"Zeynep", "Yilmazoglu", "example.org"}) CHECK_MESSAGE(everything.find(secret) == std::string::npos, secret);
}

}  // namespace

TEST_CASE("keypad only with speech in German: an offer in Hoerde found and registered, nothing typed spoken") {
  walk({Lang::De, "Mitmachen in Dortmund", "Ehrenamtliche Angebote", "Eingabefeld", "6 Zeichen", "Vielen Dank", "Löschen"});
}

TEST_CASE("keypad only with speech in Turkish: the same walk, spoken in Turkish") {
  walk({Lang::Tr, "Dortmund", "Gönüllü teklifleri", "Metin alanı", "6 karakter", "Teşekkür", "Sil"});
}

TEST_CASE("speech on: a flick up over the offers list scrolls it a page and says where it stands, over the bar it is louder") {
  Kiosk k(nullptr);
  KioskApp& app = *k.app;
  app.ui().visit().open({ScreenId::Offers, ""});
  app.driver().settle();
  app.ui().screen_reader().set_on(true);
  app.driver().settle();
  const auto* list = app.ui().automation().find("offer.lesepaten-aplerbeck");
  REQUIRE(list != nullptr);
  const auto* position = app.ui().automation().find("offers.position");
  REQUIRE(position != nullptr);
  const std::string before = position->label;
  CHECK(before.rfind("Angebote 1 bis ", 0) == 0);
  size_t mark = app.speech_said();
  app.driver().flick_from(540, list->visible.center_y(), 0, -400);
  app.driver().settle(4);
  const std::string after = app.ui().automation().find("offers.position")->label;
  CHECK(after != before);
  CHECK(said_since(app, mark).find(after) != std::string::npos);
  CHECK(app.ui().screen_reader().volume() == 80);
  // Over the navigation bar nothing scrolls: the same flick makes speech louder.
  const auto* bar = app.ui().automation().find("nav.home");
  REQUIRE(bar != nullptr);
  mark = app.speech_said();
  app.driver().flick_from(bar->visible.center_x(), bar->visible.center_y(), 0, -300);
  app.driver().settle(4);
  CHECK(app.ui().screen_reader().volume() == 90);
  CHECK(said_since(app, mark).find("Lautstärke 90 Prozent") != std::string::npos);
}
