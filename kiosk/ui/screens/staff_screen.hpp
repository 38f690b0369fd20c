#pragma once
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

// The counter's view of the kiosk's health, and its three buttons: sync now, assisted mode,
// leave. Versions, times, counts and reasons only; nothing a visitor entered.
class StaffScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Staff; }
  void draw(const ScreenContext& ctx) override;
};

}  // namespace kiosk::ui
