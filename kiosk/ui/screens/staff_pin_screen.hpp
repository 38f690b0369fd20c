#pragma once
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

// The PIN pad behind the logo's long press: digits, backspace, sign in; the lock after too
// many wrong PINs counts down on screen.
class StaffPinScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::StaffPin; }
  void draw(const ScreenContext& ctx) override;
};

}  // namespace kiosk::ui
