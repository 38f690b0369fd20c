#pragma once
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

// The city's civic-participation units, the department first and its offices below it.
class UnitsScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Units; }
  void draw(const ScreenContext& ctx) override;
};

}  // namespace kiosk::ui
