// What a visitor types, and how it disappears: filters, the typing buffer, the keyboard and
// the idle timer.
#include <doctest/doctest.h>

#include "kiosk/core/idle_timer.hpp"
#include "kiosk/core/keyboard_layout.hpp"
#include "kiosk/core/offer_filter.hpp"
#include "kiosk/core/visitor_text.hpp"
#include "support.hpp"

using namespace kiosk;

TEST_CASE("filters: alternatives within a group, all groups together") {
  const auto s = test::bundled_snapshot();
  const SearchIndex index(*s);
  OfferFilter f;
  CHECK(select_offers(*s, index, f, "").size() == s->offers.size());
  f.toggle(FilterGroup::District, "hoerde");
  const auto hoerde = select_offers(*s, index, f, "");
  for (uint32_t i : hoerde) CHECK(s->offers[i].district == "hoerde");
  f.toggle(FilterGroup::District, "eving");
  const auto both = select_offers(*s, index, f, "");
  CHECK(both.size() > hoerde.size());
  f.toggle(FilterGroup::Commitment, "regular");
  for (uint32_t i : select_offers(*s, index, f, "")) {
    CHECK(s->offers[i].commitment == Commitment::Regular);
    CHECK((s->offers[i].district == "hoerde" || s->offers[i].district == "eving"));
  }
  CHECK(f.count(FilterGroup::District) == 2);
  CHECK(f.is_set(FilterGroup::Commitment, "regular"));
  f.toggle(FilterGroup::District, "eving");  // a second tap removes the chip
  CHECK_FALSE(f.is_set(FilterGroup::District, "eving"));
  f.toggle(FilterGroup::Time, "over-10");
  f.toggle(FilterGroup::Category, "digital");
  CHECK(select_offers(*s, index, f, "").empty());
  f.clear();
  CHECK(f.empty());
  CHECK(select_offers(*s, index, f, "").size() == s->offers.size());
  CHECK_FALSE(f.toggle(FilterGroup::Commitment, "weekly"));
}

TEST_CASE("filters and search together") {
  const auto s = test::bundled_snapshot();
  const SearchIndex index(*s);
  OfferFilter f;
  f.toggle(FilterGroup::District, "innenstadt-west");
  const auto hits = select_offers(*s, index, f, "garten");
  REQUIRE(hits.size() == 1);
  CHECK(s->offers[hits[0]].id == "stadtgarten-gaertnern");
}

TEST_CASE("typing: backspace removes a whole code point, a full field refuses more") {
  VisitorText t(8);
  CHECK(t.append("Jö"));
  CHECK(t.append("ß"));
  CHECK(t.view() == "Jöß");
  t.backspace();
  CHECK(t.view() == "Jö");
  t.backspace();
  CHECK(t.view() == "J");
  CHECK(t.append("€"));  // three bytes
  t.backspace();
  CHECK(t.view() == "J");
  CHECK(t.append("Ґ"));
  CHECK(t.view() == "JҐ");
  CHECK(t.append("abcde"));
  CHECK_FALSE(t.append("x"));  // 8 bytes used
  CHECK(t.view() == "JҐabcde");
  t.backspace();
  t.backspace();
  t.backspace();
  t.backspace();
  t.backspace();
  t.backspace();
  t.backspace();  // more backspaces than characters
  CHECK(t.empty());
}

TEST_CASE("wipe zeroes every byte of the buffer, not just the length") {
  VisitorText t(16);
  t.append("Anna Schmidt");
  t.backspace();
  t.wipe();
  CHECK(t.empty());
  for (size_t i = 0; i <= t.capacity(); ++i) CHECK(t.storage()[i] == 0);
}

TEST_CASE("keyboard: QWERTZ with umlauts, explicit upper case, email and phone variants") {
  const auto rows = keyboard_rows(KeyboardMode::Text, KeyboardPage::Letters);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0][5].text == "z");
  CHECK(rows[2][1].text == "y");
  CHECK(rows[0].back().text == "ü");
  CHECK(rows[0].back().shifted == "Ü");
  CHECK(rows[1][9].shifted == "Ö");
  CHECK(rows[1][10].shifted == "Ä");
  CHECK(keyboard_upper("ß") == "ß");
  CHECK(keyboard_upper("q") == "Q");
  CHECK(rows[0].back().id() == "osk.key.ü");

  auto find = [](const std::vector<KeyRow>& rs, const std::string& id) {
    for (const auto& r : rs)
      for (const auto& k : r)
        if (k.id() == id) return true;
    return false;
  };
  const auto email = keyboard_rows(KeyboardMode::Email, KeyboardPage::Letters);
  CHECK(find(email, "osk.key.@"));
  CHECK(find(email, "osk.key..de"));
  CHECK_FALSE(find(rows, "osk.key..de"));
  const auto phone = keyboard_rows(KeyboardMode::Phone, KeyboardPage::Letters);
  CHECK(find(phone, "osk.key.0"));
  CHECK(find(phone, "osk.key.+"));
  CHECK_FALSE(find(phone, "osk.key.a"));
  const auto symbols = keyboard_rows(KeyboardMode::Text, KeyboardPage::Symbols);
  CHECK(find(symbols, "osk.key.€"));
  CHECK(find(symbols, "osk.letters"));
}

TEST_CASE("idle timer: active, then a 20 second question, then expired") {
  IdleTimer t(90, 20);
  t.touch(100);
  CHECK(t.phase(150) == IdleTimer::Phase::Active);
  CHECK(t.next_deadline(150) == doctest::Approx(190));
  CHECK(t.phase(190) == IdleTimer::Phase::Warning);
  CHECK(t.seconds_left(190) == 20);
  CHECK(t.seconds_left(195.5) == 15);
  CHECK(t.next_deadline(195.5) == doctest::Approx(196));
  CHECK(t.phase(210) == IdleTimer::Phase::Expired);
  t.touch(205);  // "Ich bin noch da"
  CHECK(t.phase(210) == IdleTimer::Phase::Active);
  t.set_timeout(300);  // assisted mode
  CHECK(t.phase(500) == IdleTimer::Phase::Active);
}
