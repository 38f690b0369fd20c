#pragma once
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

// "Interesse bekunden": name, a way to reach the visitor, when, an optional message, the age
// question where the offer has a minimum age, and consent with the privacy notice one tap away.
class RegisterScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Register; }
  void draw(const ScreenContext& ctx) override;
  std::optional<ScreenAction> action(const ScreenContext& ctx) const override;
};

}  // namespace kiosk::ui
