// Offers that end (issue 16): an offer with valid_until is listed through that day and gone
// from every screen the day after, by the kiosk's own clock. The clock here is injected: a day
// the test sets, read by the real screens on the null platform every frame.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "kiosk/core/offer_filter.hpp"
#include "kiosk/core/search_index.hpp"
#include "ui_world.hpp"

using namespace kiosk;
using namespace kiosk::ui_world;

namespace {

// The bundled content with `offers[index]` (and the first featured offer) listed until `day`.
struct EndingContent {
  SnapshotPtr snapshot;
  std::string first_id, featured_id;
};

EndingContent ending_on(const std::string& day) {
  auto s = std::make_shared<ContentSnapshot>(*test::bundled_snapshot());
  EndingContent out;
  s->offers.front().valid_until = day;
  out.first_id = s->offers.front().id;
  for (auto& o : s->offers)
    if (o.featured && o.id != out.first_id) {
      o.valid_until = day;
      out.featured_id = o.id;
      break;
    }
  REQUIRE_FALSE(out.featured_id.empty());
  out.snapshot = s;
  return out;
}

bool on_screen(Kiosk& k, const std::string& id) {
  const auto* w = k.automation().find(id);
  return w != nullptr && w->is_visible();
}

}  // namespace

TEST_CASE("valid_until: a date is read and checked like every other field") {
  const std::string base = test::read_file(test::bundled_content() / "offers.json");
  const auto first_offer = base.find("\"updated_at\"");
  REQUIRE(first_offer != std::string::npos);
  for (const auto& [value, ok] : {std::pair<std::string, bool>{"\"2026-12-31\"", true}, {"\"2026-02-30\"", false},
                                  {"\"31.12.2026\"", false}, {"20261231", false}}) {
    CAPTURE(value);
    std::string text = base;
    text.insert(first_offer, "\"valid_until\": " + value + ", ");
    auto sources = test::read_sources(test::bundled_content());
    for (auto& src : sources)
      if (src.name.find("offers.json") != std::string::npos) src.text = text;
    const auto r = parse_content(sources);
    CHECK(r.ok() == ok);
    if (ok) CHECK(r.snapshot->offers.front().valid_until == "2026-12-31");
    else {
      REQUIRE_FALSE(r.problems.empty());
      CHECK(r.problems.front().path.find("valid_until") != std::string::npos);
      CHECK(r.problems.front().expected.find("a date like 2026-12-31") != std::string::npos);
    }
  }
}

TEST_CASE("valid_until: listed through that day, gone from the list and the search the day after") {
  const EndingContent c = ending_on("2026-12-01");
  const SearchIndex index(*c.snapshot);
  const Offer& first = c.snapshot->offers.front();
  const auto has_first = [&](const std::vector<uint32_t>& list) {
    return std::find(list.begin(), list.end(), 0u) != list.end();
  };
  const std::string words = first.title.get(Lang::De);
  for (const char* day : {"2026-11-30", "2026-12-01"}) {
    CAPTURE(day);
    CHECK(offer_is_current(first, day));
    CHECK(has_first(select_offers(*c.snapshot, index, OfferFilter{}, "", day)));
    CHECK(has_first(select_offers(*c.snapshot, index, OfferFilter{}, words, day)));
  }
  for (const char* day : {"2026-12-02", "2027-01-01"}) {
    CAPTURE(day);
    CHECK_FALSE(offer_is_current(first, day));
    const auto listed = select_offers(*c.snapshot, index, OfferFilter{}, "", day);
    CHECK_FALSE(has_first(listed));
    CHECK(listed.size() == c.snapshot->offers.size() - 2);  // the two that ended, nothing else
    CHECK_FALSE(has_first(select_offers(*c.snapshot, index, OfferFilter{}, words, day)));
  }
}

TEST_CASE("valid_until: at midnight the kiosk's screens drop the offer without a restart or a sync") {
  const EndingContent c = ending_on("2026-12-01");
  Kiosk k;
  auto today = std::make_shared<std::string>("2026-12-01");
  k.app->ui().set_date_source([today] { return *today; });
  k.app->ui().set_content(c.snapshot);
  k.app->driver().settle();
  const size_t all = c.snapshot->offers.size();
  CHECK(on_screen(k, "offer." + c.featured_id));  // featured on the home screen
  k.tap("home.offers");
  CHECK(k.label("offers.count").find(std::to_string(all)) != std::string::npos);
  CHECK(on_screen(k, "offer." + c.first_id));
  k.tap("offer." + c.first_id);
  CHECK(k.screen() == "offer_detail");

  *today = "2026-12-02";  // the visitor is reading it as the day changes
  k.app->driver().settle();
  CHECK(k.screen() == "offers");
  CHECK_FALSE(on_screen(k, "offer." + c.first_id));
  CHECK(k.label("offers.count").find(std::to_string(all - 2)) != std::string::npos);
  k.tap("nav.home");
  CHECK_FALSE(on_screen(k, "offer." + c.featured_id));
  k.show({ScreenId::OfferDetail, c.first_id});  // an old route or a script cannot bring it back
  CHECK(k.screen() == "offers");
}
