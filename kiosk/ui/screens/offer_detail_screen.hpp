#pragma once
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

// One offer with every fact a visitor needs to decide, and whom to contact.
class OfferDetailScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::OfferDetail; }
  void draw(const ScreenContext& ctx) override;
  std::optional<ScreenAction> action(const ScreenContext& ctx) const override;
};

}  // namespace kiosk::ui
