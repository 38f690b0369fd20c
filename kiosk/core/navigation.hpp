#pragma once
// Where the visitor is: a stack of routes. Screens never change it directly; they emit intents
// and the app applies them between frames, so a screen is drawn from one consistent state.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class ScreenId { Attract, Home, Units, UnitDetail, Offers, OfferDetail, Register, Privacy, ThankYou, StaffPin, Staff };

std::string_view screen_name(ScreenId id);  // "home", "units", "unit_detail", …
bool screen_from_name(std::string_view name, ScreenId& out);

struct Route {
  ScreenId screen = ScreenId::Home;
  std::string item;  // unit or offer id for detail screens
  bool operator==(const Route& o) const { return screen == o.screen && item == o.item; }
};

class Navigator {
 public:
  const Route& current() const { return stack_.back(); }
  bool can_go_back() const { return stack_.size() > 1; }
  size_t depth() const { return stack_.size(); }

  void open(Route route);  // pushes, unless it is the current route already
  void back();
  void home();             // forgets the trail
  void attract();          // the visit is over: only the attract loop remains

 private:
  std::vector<Route> stack_{Route{}};
};

}  // namespace kiosk
