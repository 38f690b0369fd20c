#include <doctest/doctest.h>

#include "kiosk/core/navigation.hpp"

using namespace kiosk;

TEST_CASE("navigation: back retraces the visitor's steps, home forgets them") {
  Navigator nav;
  CHECK(nav.current().screen == ScreenId::Home);
  CHECK_FALSE(nav.can_go_back());
  nav.back();  // nothing behind home: stays
  CHECK(nav.current().screen == ScreenId::Home);

  nav.open({ScreenId::Offers, ""});
  nav.open({ScreenId::OfferDetail, "a"});
  nav.open({ScreenId::OfferDetail, "a"});  // a double tap does not stack the same screen twice
  CHECK(nav.depth() == 3);
  nav.back();
  CHECK(nav.current().screen == ScreenId::Offers);
  nav.open({ScreenId::OfferDetail, "b"});
  nav.home();
  CHECK(nav.depth() == 1);
  CHECK(nav.current().screen == ScreenId::Home);
}

TEST_CASE("screen names round-trip, as scripts and --screen use them") {
  for (ScreenId id : {ScreenId::Home, ScreenId::Units, ScreenId::UnitDetail, ScreenId::Offers, ScreenId::OfferDetail}) {
    ScreenId back{};
    REQUIRE(screen_from_name(screen_name(id), back));
    CHECK(back == id);
  }
  ScreenId out{};
  CHECK_FALSE(screen_from_name("attract_loop_typo", out));
}
