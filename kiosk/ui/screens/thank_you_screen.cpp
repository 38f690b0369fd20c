#include "kiosk/ui/screens/thank_you_screen.hpp"

namespace kiosk::ui {

void ThankYouScreen::draw(const ScreenContext& ctx) {
  heading(ctx.ui, ctx.t("thanks.title"));
  paragraph(ctx.t("thanks.text"));
  if (const Offer* o = ctx.content.find_offer(ctx.route.item)) {
    subheading(ctx.ui, ctx.l(o->title));
    muted(ctx.ui, o->organisation);
    qr_block(ctx, "thanks.qr", o->url.empty() ? o->contact.url : o->url);
  }
  ImGui::Dummy(ImVec2(0, 0.5f * ctx.em()));
  if (button(ctx.ui, "thanks.done", ctx.t("thanks.done"), ImVec2(ImGui::GetContentRegionAvail().x, 0), ButtonStyle::Primary))
    ctx.emit(Intent::of(Intent::Kind::FinishVisit));
}

}  // namespace kiosk::ui
