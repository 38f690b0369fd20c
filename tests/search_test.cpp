// Search as visitors type it: any case, with or without umlauts, a typo now and then, in
// German, English, Turkish or Ukrainian.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "kiosk/core/offer_filter.hpp"
#include "kiosk/core/search_index.hpp"
#include "kiosk/core/text_fold.hpp"
#include "support.hpp"

using namespace kiosk;

namespace {

Offer offer(const std::string& id, const std::string& title, const std::string& summary, const std::string& description) {
  Offer o;
  o.id = id;
  o.title.set(Lang::De, title);
  o.summary.set(Lang::De, summary);
  o.description.set(Lang::De, description);
  return o;
}

std::vector<std::string> ids(const ContentSnapshot& c, const std::vector<SearchIndex::Hit>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(c.offers[h.offer].id);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& id) { return std::find(v.begin(), v.end(), id) != v.end(); }

}  // namespace

TEST_CASE("folding: case, umlauts, diacritics and Cyrillic") {
  CHECK(fold_text("Hörde") == "hoerde");
  CHECK(fold_text("HOERDE") == "hoerde");
  CHECK(fold_text("Straße") == "strasse");
  CHECK(fold_text("Lütgendortmund") == "luetgendortmund");
  CHECK(fold_text("Café Noël") == "cafe noel");
  CHECK(fold_text("İstanbul ığdır Şişli Çağ") == "istanbul igdir sisli cag");
  CHECK(fold_text("Київ ҐАНОК Їжак Євро") == "київ ґанок їжак євро");
  CHECK(fold_text("„Wir machen Zukunft!“ – jetzt…") == "wir machen zukunft jetzt");
  CHECK(fold_words("Innenstadt-Nord, 44145") == std::vector<std::string>{"innenstadt", "nord", "44145"});
}

TEST_CASE("one edit: insertion, deletion, substitution, swap – but not two") {
  CHECK(within_one_edit(U"hoerde", U"hoerde"));
  CHECK(within_one_edit(U"horde", U"hoerde"));
  CHECK(within_one_edit(U"hoerdee", U"hoerde"));
  CHECK(within_one_edit(U"hoarde", U"hoerde"));
  CHECK(within_one_edit(U"hoedre", U"hoerde"));
  CHECK_FALSE(within_one_edit(U"hrode", U"hoerde"));
  CHECK(within_one_edit(U"волонтер", U"волантер"));
}

TEST_CASE("search ranks title over summary over description") {
  ContentSnapshot c;
  c.offers = {offer("in-description", "Gartenhilfe", "Im Grünen", "Wir lesen auch vor."),
              offer("in-title", "Lesepaten gesucht", "Für Kinder", "Einmal pro Woche."),
              offer("in-summary", "Schulhilfe", "Lesen und rechnen üben", "Nachmittags."),
              offer("nowhere", "Sport", "Bewegung", "Laufen.")};
  c.index();
  const SearchIndex index(c);
  const auto hits = ids(c, index.search("lese"));
  CHECK(hits == std::vector<std::string>{"in-title", "in-summary", "in-description"});
  CHECK(index.search("").empty());
  CHECK(index.search("  –  ").empty());
}

TEST_CASE("search: every word must match, prefixes match, one typo from five letters on") {
  ContentSnapshot c;
  c.offers = {offer("a", "Hausaufgabenhilfe im Jugendtreff", "", ""), offer("b", "Hausmeister-Team", "", ""),
              offer("c", "Jugendfußball", "", "")};
  c.index();
  const SearchIndex index(c);
  CHECK(ids(c, index.search("haus jugend")) == std::vector<std::string>{"a"});
  CHECK(ids(c, index.search("HAUS")).size() == 2);
  CHECK(ids(c, index.search("jugendfussball")) == std::vector<std::string>{"c"});
  CHECK(ids(c, index.search("Hausaufgabn")) == std::vector<std::string>{"a"});  // one letter missing
  CHECK(ids(c, index.search("Hausaufagben")) == std::vector<std::string>{"a"});  // two letters swapped
  CHECK(index.search("hsus").empty());  // four letters: no typo allowed
  CHECK(index.search("Hausaufgbn").empty());  // two typos
}

TEST_CASE("search in Turkish and Ukrainian text") {
  ContentSnapshot c;
  c.offers = {offer("tr", "Gönüllü görev: Çocuklarla okuma", "İstanbul’dan gelenler için", ""),
              offer("uk", "Волонтерство в Києві", "Допомога дітям", "")};
  c.index();
  const SearchIndex index(c);
  CHECK(ids(c, index.search("gonullu")) == std::vector<std::string>{"tr"});
  CHECK(ids(c, index.search("ÇOCUK")) == std::vector<std::string>{"tr"});
  CHECK(ids(c, index.search("istanbul")) == std::vector<std::string>{"tr"});
  CHECK(ids(c, index.search("волонтер")) == std::vector<std::string>{"uk"});
  CHECK(ids(c, index.search("ДОПОМОГА")) == std::vector<std::string>{"uk"});
  CHECK(ids(c, index.search("волантерство")) == std::vector<std::string>{"uk"});  // one typo
}

TEST_CASE("the bundled content: \"hoerde\" finds the Hörde offers first, English words work too") {
  const auto s = test::bundled_snapshot();
  const SearchIndex index(*s);
  const auto hits = ids(*s, index.search("hoerde"));
  size_t in_hoerde = 0;
  for (const auto& o : s->offers) in_hoerde += o.district == "hoerde" ? 1 : 0;
  REQUIRE(in_hoerde >= 3);
  REQUIRE(hits.size() >= in_hoerde);
  for (size_t i = 0; i < in_hoerde; ++i) CHECK(s->find_offer(hits[i])->district == "hoerde");
  CHECK(ids(*s, index.search("Hörde")) == hits);
  CHECK(has(ids(*s, index.search("reading mentor")), "lesepaten-aplerbeck"));
  CHECK(has(ids(*s, index.search("lesepatin")), "lesepaten-aplerbeck"));
}

TEST_CASE("hyphenated names are found written together and apart: phoenixsee, phoenix see, Phoenix-See") {
  const auto s = test::bundled_snapshot();
  const SearchIndex index(*s);
  for (const char* query : {"phoenixsee", "Phoenixsee", "phoenix see", "Phoenix-See", "phoenix"}) {
    CAPTURE(query);
    CHECK(has(ids(*s, index.search(query)), "phoenixsee-naturschutz"));
  }
  ContentSnapshot c;
  c.offers.push_back(offer("a", "Kinder- und Jugendtreff", "", ""));
  c.offers.push_back(offer("b", "Sankt-Josef-Gemeinde", "", ""));
  const SearchIndex small(c);
  CHECK(ids(c, small.search("sanktjosefgemeinde")) == std::vector<std::string>{"b"});
  CHECK(ids(c, small.search("josef")) == std::vector<std::string>{"b"});
}

TEST_CASE("\"Wann\": weekend offers by filter and by search word in all four languages, cards say when") {
  const auto s = test::bundled_snapshot();
  const SearchIndex index(*s);
  std::set<uint32_t> weekend, by_arrangement;
  for (uint32_t i = 0; i < s->offers.size(); ++i) {
    const auto& slots = s->offers[i].time_slots;
    if (std::find(slots.begin(), slots.end(), TimeSlot::Weekend) != slots.end()) weekend.insert(i);
    if (slots.empty()) by_arrangement.insert(i);
  }
  REQUIRE(weekend.size() >= 3);
  REQUIRE(weekend.size() < s->offers.size());

  OfferFilter f;
  REQUIRE(f.toggle(FilterGroup::When, "weekend"));
  CHECK(f.is_set(FilterGroup::When, "weekend"));
  CHECK(f.count(FilterGroup::When) == 1);
  const auto listed = select_offers(*s, index, f, "", "");
  std::set<uint32_t> expected = weekend;
  expected.insert(by_arrangement.begin(), by_arrangement.end());  // "nach Absprache" fits a weekend too
  CHECK(std::set<uint32_t>(listed.begin(), listed.end()) == expected);
  CHECK_FALSE(f.toggle(FilterGroup::When, "sunday-brunch"));

  for (const char* words : {"Wochenende", "weekends", "hafta sonu", "вихідні"}) {
    CAPTURE(words);
    const auto hits = select_offers(*s, index, OfferFilter{}, words, "");
    const std::set<uint32_t> found(hits.begin(), hits.end());
    for (uint32_t i : weekend) CHECK_MESSAGE(found.count(i), s->offers[i].id);
  }
}
