#pragma once
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

// The full privacy notice, with a QR code to take it along.
class PrivacyScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Privacy; }
  void draw(const ScreenContext& ctx) override;
};

}  // namespace kiosk::ui
