#pragma once
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

// After a registration is saved: what happens next, and the offer to take along.
class ThankYouScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::ThankYou; }
  void draw(const ScreenContext& ctx) override;
  std::optional<ScreenAction> action(const ScreenContext& ctx) const override;
};

}  // namespace kiosk::ui
