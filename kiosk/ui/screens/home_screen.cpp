#include "kiosk/ui/screens/home_screen.hpp"

#include <algorithm>

#include "kiosk/core/offer_format.hpp"

namespace kiosk::ui {
namespace {

constexpr size_t kFeaturedOnHome = 4;

void entry_tiles(const ScreenContext& ctx) {
  const auto listed = std::count_if(ctx.content.offers.begin(), ctx.content.offers.end(), [&](const Offer& o) { return ctx.listed(o); });
  const std::string offers_hint = fill(ctx.t("home.offers_hint"), std::to_string(listed));
  const std::string units_hint = fill(ctx.t("home.units_hint"), std::to_string(ctx.content.units.size()));
  // Side by side where the screen is wide, stacked in portrait: each tile stays a large target.
  const int columns = ctx.landscape ? 2 : 1;
  if (columns == 2 ? begin_two_columns("##entry", ctx) : ImGui::BeginTable("##entry", 1)) {
    ImGui::TableNextColumn();
    if (card(ctx.ui, "home.offers", ctx.t("home.offers"), offers_hint))
      ctx.emit(Intent::open(ScreenId::Offers));
    if (!ctx.landscape) ImGui::Dummy(ImVec2(0, 0.1f * ctx.em()));
    ImGui::TableNextColumn();
    if (card(ctx.ui, "home.units", ctx.t("home.units"), units_hint))
      ctx.emit(Intent::open(ScreenId::Units));
    if (columns == 2) end_two_columns();
    else ImGui::EndTable();
  }
}

}  // namespace

void HomeScreen::draw(const ScreenContext& ctx) {
  heading(ctx.ui, ctx.t("home.welcome"));
  paragraph(ctx.ui, ctx.t("home.intro"));
  ImGui::Dummy(ImVec2(0, 0.5f * ctx.em()));
  entry_tiles(ctx);

  size_t shown = 0;
  for (const Offer& o : ctx.content.offers) {
    if (!o.featured || !ctx.listed(o) || shown == kFeaturedOnHome) continue;
    if (shown++ == 0) subheading(ctx.ui, ctx.t("home.featured"));
    offer_card(ctx, o);
  }
}

}  // namespace kiosk::ui
