#include "kiosk/ui/screens/attract_screen.hpp"

#include <imgui_internal.h>

#include <algorithm>

#include "kiosk/core/offer_format.hpp"
#include "kiosk/ui/icons.hpp"

namespace kiosk::ui {
namespace {

struct Showcase {
  std::string kind, title, summary, detail;
};

std::vector<Showcase> showcases(const ScreenContext& ctx) {
  std::vector<Showcase> items;
  const Lang de = Lang::De;  // the attract loop speaks German first; the hint below has all four
  for (const Offer& o : ctx.content.offers)
    if (o.featured && ctx.listed(o))
      items.push_back({std::string(ctx.content.text("attract.kind_offer", de)), o.title.get(de), o.summary.get(de),
                       district_label(ctx.content, o, de) + " \xC2\xB7 " + commitment_label(ctx.content, o.commitment, de)});
  for (const Unit& u : ctx.content.units)
    items.push_back({std::string(ctx.content.text("attract.kind_unit", de)), u.name.get(de), u.summary.get(de), {}});
  return items;
}

void centered(ImDrawList* dl, ImFont* font, float size, float y, float width, ImU32 col, std::string_view text,
              float x0, float wrap) {
  const ImVec2 s = font->CalcTextSizeA(size, FLT_MAX, wrap, text.data(), text.data() + text.size());
  dl->AddText(font, size, ImVec2(x0 + (width - std::min(s.x, wrap)) * 0.5f, y), col, text.data(),
              text.data() + text.size(), wrap);
}

}  // namespace

void AttractScreen::draw(const ScreenContext& ctx) {
  const float em = ctx.em();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const Palette& p = ctx.ui.palette;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGuiWindow* window = ImGui::GetCurrentWindow();

  // The whole screen is one button: any touch starts a visit.
  const ImRect all(ImVec2(0, 0), display);
  const ImGuiID gid = window->GetID("attract.start");
  ImGui::ItemSize(all);
  WidgetRecord record;
  record.id = "attract.start";
  record.label = std::string(ctx.t("attract.touch"));  // said in the visitor's language
  record.rect = record.visible = {0, 0, display.x, display.y};
  ctx.ui.automation.record(record);
  if (ImGui::ItemAdd(all, gid)) {
    bool hovered = false, held = false;
    if (ImGui::ButtonBehavior(all, gid, &hovered, &held, ImGuiButtonFlags_PressedOnClickRelease))
      ctx.emit(Intent::of(Intent::Kind::StartVisit));
  }

  dl->AddRectFilled(ImVec2(0, 0), display, p.header);
  float dx = 0, dy = 0;
  rotation_.shift(ctx.now, dx, dy);
  const float margin = 2.5f * em;
  const float x0 = margin + dx * em;
  const float width = display.x - 2 * margin;
  ImFont* title = ctx.ui.fonts.title;
  ImFont* bold = ctx.ui.fonts.bold;
  ImFont* body = ctx.ui.fonts.body;

  // The showcase card: measured first, so the whole composition can be centred.
  const auto items = showcases(ctx);
  const Showcase* s = items.empty() ? nullptr : &items[rotation_.item(ctx.now, items.size())];
  const float pad = 1.4f * em;
  const float wrap = width - 2 * pad;
  const float title_size = 1.3f * em;
  float card_h = 0;
  if (s != nullptr)
    card_h = pad * 2 + 1.2f * em + bold->CalcTextSizeA(title_size, FLT_MAX, wrap, s->title.c_str()).y + 0.4f * em +
             body->CalcTextSizeA(em, FLT_MAX, wrap, s->summary.c_str()).y + 0.4f * em + em;
  const float total = 2.4f * em + 3.0f * em + card_h + 2.5f * em + 3.0f * em + title->FontSize * 1.5f + 3 * bold->FontSize * 1.5f;
  float y = std::max(em, (display.y - total) * 0.5f) + dy * em;

  centered(dl, title, title->FontSize, y, width, p.on_header, ctx.content.text("home.welcome", Lang::De), x0, width);
  y += 2.4f * em;
  centered(dl, body, em, y, width, p.on_header, ctx.content.text("app.subtitle", Lang::De), x0, width);
  y += 3.0f * em;

  if (s != nullptr) {
    // Only the card's text fades in; the card itself stays, so the change is calm.
    const auto alpha = static_cast<ImU32>(255 * rotation_.fade_in(ctx.now));
    const ImU32 fg = (p.text & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
    const ImU32 muted = (p.text_muted & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
    const ImVec2 a(x0, y), b(x0 + width, y + card_h);
    dl->AddRectFilled(a, b, p.surface, 0.6f * em);
    dl->AddRect(a, b, p.border, 0.6f * em, 0, std::max(1.0f, 0.06f * em));
    float cy = y + pad;
    dl->AddText(ctx.ui.fonts.small, ctx.ui.fonts.small->FontSize, ImVec2(a.x + pad, cy), p.primary, s->kind.c_str());
    cy += 1.2f * em;
    dl->AddText(bold, title_size, ImVec2(a.x + pad, cy), fg, s->title.c_str(), nullptr, wrap);
    cy += bold->CalcTextSizeA(title_size, FLT_MAX, wrap, s->title.c_str()).y + 0.4f * em;
    dl->AddText(body, em, ImVec2(a.x + pad, cy), fg, s->summary.c_str(), nullptr, wrap);
    cy += body->CalcTextSizeA(em, FLT_MAX, wrap, s->summary.c_str()).y + 0.4f * em;
    dl->AddText(body, em, ImVec2(a.x + pad, cy), muted, s->detail.c_str(), nullptr, wrap);
    y = b.y + 2.5f * em;
  }

  // "Touch to start" in every language, large, with a pointing hand.
  centered(dl, title, 2.2f * em, y, width, p.on_header, icon::kHandPointer, x0, width);
  y += 3.0f * em;
  for (Lang l : kAllLangs) {
    ImFont* f = l == Lang::De ? title : bold;
    centered(dl, f, f->FontSize, y, width, p.on_header, ctx.content.text("attract.touch", l), x0, width);
    y += f->FontSize * 1.5f;
  }
}

}  // namespace kiosk::ui
