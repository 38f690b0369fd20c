#include "kiosk/ui/screens/privacy_screen.hpp"

namespace kiosk::ui {

void PrivacyScreen::draw(const ScreenContext& ctx) {
  heading(ctx.ui, ctx.t("privacy.title"));
  paragraph(ctx.ui, ctx.t("privacy.full"));
  muted(ctx.ui, std::string(ctx.t("privacy.version_label")) + " " + ctx.content.meta.privacy_version);
  qr_block(ctx, "privacy.qr", ctx.content.meta.privacy_url);
  if (button(ctx.ui, "privacy.back", ctx.t("privacy.back"), ImVec2(0, 0), ButtonStyle::Primary, true, Chevron::Left))
    ctx.emit(Intent::of(Intent::Kind::Back));
}

}  // namespace kiosk::ui
