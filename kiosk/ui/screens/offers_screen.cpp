#include "kiosk/ui/screens/offers_screen.hpp"

#include "kiosk/core/offer_format.hpp"

namespace kiosk::ui {

void OffersScreen::draw(const ScreenContext& ctx) {
  heading(ctx.ui, ctx.t("offers.title"));
  const size_t n = ctx.content.offers.size();
  if (n == 0) {
    muted(ctx.ui, ctx.t("offers.none"));
    return;
  }
  muted(ctx.ui, fill(ctx.t("offers.count"), std::to_string(n)));
  ImGui::Dummy(ImVec2(0, 0.3f * ctx.em()));
  for (const Offer& o : ctx.content.offers) offer_card(ctx, o);
}

}  // namespace kiosk::ui
