#pragma once
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

// The start: two large ways in (volunteer offers, the city's units) and the featured offers.
class HomeScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Home; }
  void draw(const ScreenContext& ctx) override;
};

}  // namespace kiosk::ui
