#pragma once
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

// All volunteer offers, with the result count always in view.
class OffersScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Offers; }
  void draw(const ScreenContext& ctx) override;
};

}  // namespace kiosk::ui
