#pragma once
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

// One unit: what it does, its facts and figures, how to reach it, and the offers it lists.
class UnitDetailScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::UnitDetail; }
  void draw(const ScreenContext& ctx) override;
};

}  // namespace kiosk::ui
