#include "kiosk/ui/screens/units_screen.hpp"

namespace kiosk::ui {

void UnitsScreen::draw(const ScreenContext& ctx) {
  heading(ctx.ui, ctx.t("units.title"));
  paragraph(ctx.ui, ctx.t("units.intro"));
  ImGui::Dummy(ImVec2(0, 0.4f * ctx.em()));
  // Top-level units first, so the department frames the offices that belong to it.
  for (int pass = 0; pass < 2; ++pass) {
    for (const Unit& u : ctx.content.units) {
      if (u.parent.empty() != (pass == 0)) continue;
      if (card(ctx.ui, "unit." + u.id, ctx.l(u.name), ctx.l(u.summary), {}, language_tag(ctx.fallback_of(u.summary))))
        ctx.emit(Intent::open(ScreenId::UnitDetail, u.id));
      ImGui::Dummy(ImVec2(0, 0.1f * ctx.em()));
    }
  }
}

}  // namespace kiosk::ui
