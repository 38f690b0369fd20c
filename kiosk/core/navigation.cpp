#include "kiosk/core/navigation.hpp"

#include <array>
#include <utility>

namespace kiosk {
namespace {
constexpr std::array<std::pair<ScreenId, std::string_view>, 11> kNames{{
    {ScreenId::Attract, "attract"},
    {ScreenId::Home, "home"},
    {ScreenId::Units, "units"},
    {ScreenId::UnitDetail, "unit_detail"},
    {ScreenId::Offers, "offers"},
    {ScreenId::OfferDetail, "offer_detail"},
    {ScreenId::Register, "register"},
    {ScreenId::Privacy, "privacy"},
    {ScreenId::ThankYou, "thank_you"},
    {ScreenId::StaffPin, "staff_pin"},
    {ScreenId::Staff, "staff"},
}};
}  // namespace

std::string_view screen_name(ScreenId id) {
  for (const auto& [s, name] : kNames)
    if (s == id) return name;
  return "home";
}

bool screen_from_name(std::string_view name, ScreenId& out) {
  for (const auto& [s, n] : kNames) {
    if (n == name) {
      out = s;
      return true;
    }
  }
  return false;
}

void Navigator::open(Route route) {
  if (route.screen == ScreenId::Home) return home();
  if (current() == route) return;
  stack_.push_back(std::move(route));
}

void Navigator::back() {
  if (can_go_back()) stack_.pop_back();
}

void Navigator::home() { stack_.assign(1, Route{}); }

void Navigator::attract() { stack_.assign(1, Route{ScreenId::Attract, ""}); }

}  // namespace kiosk
