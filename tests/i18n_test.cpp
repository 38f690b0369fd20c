// Visitors read in four languages; content exists in German and English. Whatever is missing
// in the visitor's language must fall back to German, never to an empty label.
#include <doctest/doctest.h>

#include "kiosk/core/offer_format.hpp"
#include "support.hpp"

using namespace kiosk;

TEST_CASE("a missing translation falls back to German") {
  LocalizedText t;
  t.set(Lang::De, "Lesepatin");
  t.set(Lang::En, "Reading mentor");
  CHECK(t.get(Lang::En) == "Reading mentor");
  CHECK(t.get(Lang::Tr) == "Lesepatin");
  CHECK(t.get(Lang::Uk) == "Lesepatin");
  t.set(Lang::En, "");
  CHECK(t.get(Lang::En) == "Lesepatin");
}

TEST_CASE("content written only in German and English shows German to Turkish and Ukrainian visitors") {
  const auto s = test::bundled_snapshot();
  const Offer* o = s->find_offer("lesepaten-aplerbeck");
  REQUIRE(o != nullptr);
  CHECK(o->title.get(Lang::Tr) == o->title.get(Lang::De));
  CHECK(o->title.get(Lang::En) != o->title.get(Lang::De));
}

TEST_CASE("UI strings: the visitor's language, else German, else the key itself") {
  ContentSnapshot s;
  s.strings["nav.home"].set(Lang::De, "Start");
  s.strings["nav.home"].set(Lang::Uk, "Головна");
  CHECK(s.text("nav.home", Lang::Uk) == "Головна");
  CHECK(s.text("nav.home", Lang::Tr) == "Start");
  CHECK(s.text("nav.nowhere", Lang::En) == "nav.nowhere");
}

TEST_CASE("offer facts are phrased in the visitor's language") {
  const auto s = test::bundled_snapshot();
  Offer o = *s->find_offer("lesepaten-aplerbeck");
  CHECK(commitment_label(*s, Commitment::Regular, Lang::De) == "regelmäßig");
  CHECK(commitment_label(*s, Commitment::OneOff, Lang::En) == "one-off");
  CHECK(hours_label(*s, o, Lang::De) == "etwa 6 Stunden im Monat");
  CHECK(hours_label(*s, o, Lang::En) == "about 6 hours a month");
  CHECK(minimum_age_label(*s, o, Lang::Uk) == "від 18 років");
  CHECK(district_label(*s, o, Lang::De) == "Aplerbeck");
  o.minimum_age = 0;
  CHECK(minimum_age_label(*s, o, Lang::De) == "kein Mindestalter");
  o.start_date = "2027-03-01";
  o.end_date = "2027-10-31";
  CHECK(period_label(*s, o, Lang::De) == "01.03.2027 – 31.10.2027");
  CHECK(period_label(*s, o, Lang::En) == "1 Mar 2027 – 31 Oct 2027");
  o.end_date.clear();
  CHECK(period_label(*s, o, Lang::En) == "from 1 Mar 2027");
  o.languages = {"de", "uk", "xx"};
  CHECK(languages_label(*s, o, Lang::De) == "Deutsch, Ukrainisch, xx");
  CHECK(fill("{n} Angebote", "48") == "48 Angebote");
  CHECK(fill("Пропозицій: {n}", "48") == "Пропозицій: 48");
}
