#include "kiosk/ui/screens/thank_you_screen.hpp"

namespace kiosk::ui {

void ThankYouScreen::draw(const ScreenContext& ctx) {
  heading(ctx.ui, ctx.t("thanks.title"));
  paragraph(ctx.ui, ctx.t("thanks.text"));
  ctx.ui.automation.last()->role = Role::Alert;  // the confirmation is said with the title (5.1.3.16)
  if (const Offer* o = ctx.content.find_offer(ctx.route.item)) {
    subheading(ctx.ui, ctx.l(o->title));
    muted(ctx.ui, o->organisation);
    qr_block(ctx, "thanks.qr", o->url.empty() ? o->contact.url : o->url);
  }
  ImGui::Dummy(ImVec2(0, 0.5f * ctx.em()));
  inline_action(ctx, *this);
}

std::optional<ScreenAction> ThankYouScreen::action(const ScreenContext& ctx) const {
  return ScreenAction{"thanks.done", std::string(ctx.t("thanks.done")), Intent::of(Intent::Kind::FinishVisit)};
}

}  // namespace kiosk::ui
