#pragma once
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

// "Interesse bekunden": name, a way to reach the visitor, when, an optional message, the age
// question where the offer has a minimum age, and consent with the privacy notice one tap away.
class RegisterScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Register; }
  void draw(const ScreenContext& ctx) override;
};

// The full privacy notice, with a QR code to take it along.
class PrivacyScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Privacy; }
  void draw(const ScreenContext& ctx) override;
};

// After a registration is saved: what happens next, and the offer to take along.
class ThankYouScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::ThankYou; }
  void draw(const ScreenContext& ctx) override;
};

}  // namespace kiosk::ui
