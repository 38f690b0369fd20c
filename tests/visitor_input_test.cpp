// What a visitor types, and how it disappears: filters, the typing buffer, the keyboard and
// the idle timer.
#include <doctest/doctest.h>

#include <map>
#include <set>

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
  CHECK(select_offers(*s, index, f, "", "").size() == s->offers.size());
  f.toggle(FilterGroup::District, "hoerde");
  const auto hoerde = select_offers(*s, index, f, "", "");
  for (uint32_t i : hoerde) CHECK(s->offers[i].district == "hoerde");
  f.toggle(FilterGroup::District, "eving");
  const auto both = select_offers(*s, index, f, "", "");
  CHECK(both.size() > hoerde.size());
  f.toggle(FilterGroup::Commitment, "regular");
  for (uint32_t i : select_offers(*s, index, f, "", "")) {
    CHECK(s->offers[i].commitment == Commitment::Regular);
    CHECK((s->offers[i].district == "hoerde" || s->offers[i].district == "eving"));
  }
  CHECK(f.count(FilterGroup::District) == 2);
  CHECK(f.is_set(FilterGroup::Commitment, "regular"));
  f.toggle(FilterGroup::District, "eving");  // a second tap removes the chip
  CHECK_FALSE(f.is_set(FilterGroup::District, "eving"));
  f.toggle(FilterGroup::Time, "over-10");
  f.toggle(FilterGroup::Category, "digital");
  CHECK(select_offers(*s, index, f, "", "").empty());
  f.clear();
  CHECK(f.empty());
  CHECK(select_offers(*s, index, f, "", "").size() == s->offers.size());
  CHECK_FALSE(f.toggle(FilterGroup::Commitment, "weekly"));
}

TEST_CASE("filters and search together") {
  const auto s = test::bundled_snapshot();
  const SearchIndex index(*s);
  OfferFilter f;
  f.toggle(FilterGroup::District, "innenstadt-west");
  const auto hits = select_offers(*s, index, f, "garten", "");
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
  const auto rows = keyboard_rows(KeyboardLayout::German, KeyboardMode::Text, KeyboardPage::Letters);
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
  const auto email = keyboard_rows(KeyboardLayout::German, KeyboardMode::Email, KeyboardPage::Letters);
  CHECK(find(email, "osk.key.@"));
  CHECK(find(email, "osk.key..de"));
  CHECK_FALSE(find(rows, "osk.key..de"));
  const auto phone = keyboard_rows(KeyboardLayout::German, KeyboardMode::Phone, KeyboardPage::Letters);
  CHECK(find(phone, "osk.key.0"));
  CHECK(find(phone, "osk.key.+"));
  CHECK_FALSE(find(phone, "osk.key.a"));
  const auto symbols = keyboard_rows(KeyboardLayout::German, KeyboardMode::Text, KeyboardPage::Symbols);
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

TEST_CASE("keyboard layouts: each language its own letters, Turkish and Cyrillic capitals, Latin for email") {
  auto keys = [](KeyboardLayout l, KeyboardMode m) {
    std::map<std::string, Key> out;
    for (const auto& row : keyboard_rows(l, m, KeyboardPage::Letters))
      for (const auto& k : row) CHECK_MESSAGE(out.emplace(k.id(), k).second, "a second key " << k.id());
    return out;
  };
  CHECK(layout_for(Lang::Tr) == KeyboardLayout::Turkish);
  CHECK(layout_for(Lang::Uk) == KeyboardLayout::Ukrainian);
  const auto tr = keys(KeyboardLayout::Turkish, KeyboardMode::Text);
  for (const char* c : {"ş", "ğ", "ı", "i", "ç", "ö", "ü"}) CHECK_MESSAGE(tr.count(std::string("osk.key.") + c), c);
  CHECK(tr.at("osk.key.i").shifted == "İ");
  CHECK(tr.at("osk.key.ı").shifted == "I");
  CHECK(tr.at("osk.key.ş").shifted == "Ş");
  CHECK(keys(KeyboardLayout::English, KeyboardMode::Text).at("osk.key.i").shifted == "I");
  const auto uk = keys(KeyboardLayout::Ukrainian, KeyboardMode::Text);
  for (const char* c : {"й", "ц", "ї", "є", "і", "ґ", "'", "щ", "ю"}) CHECK_MESSAGE(uk.count(std::string("osk.key.") + c), c);
  CHECK(uk.at("osk.key.ї").shifted == "Ї");
  CHECK(uk.at("osk.key.ґ").shifted == "Ґ");
  CHECK(uk.at("osk.key.я").shifted == "Я");
  CHECK(uk.at("osk.key.й").shifted == "Й");
  CHECK_FALSE(uk.count("osk.key.q"));
  // A layout key on every text keyboard, cycling through all four and back.
  KeyboardLayout l = KeyboardLayout::German;
  std::set<std::string> codes;
  for (int i = 0; i < 4; ++i) {
    CHECK(keys(l, KeyboardMode::Text).count("osk.layout"));
    codes.insert(std::string(layout_code(l)));
    l = next_layout(l);
  }
  CHECK(l == KeyboardLayout::German);
  CHECK(codes.size() == 4);
  // Addresses are Latin and have no spaces: no Cyrillic, no layout key, no space bar.
  const auto email = keys(KeyboardLayout::Ukrainian, KeyboardMode::Email);
  CHECK(email.count("osk.key.q"));
  CHECK(email.count("osk.key.@"));
  CHECK_FALSE(email.count("osk.key.й"));
  CHECK_FALSE(email.count("osk.layout"));
  CHECK_FALSE(email.count("osk.space"));
  CHECK(keys(KeyboardLayout::German, KeyboardMode::Email).count("osk.key.z"));
  CHECK(keys(KeyboardLayout::Turkish, KeyboardMode::Phone).count("osk.key.0"));
}
