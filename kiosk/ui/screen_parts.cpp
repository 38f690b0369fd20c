#include "kiosk/core/offer_format.hpp"
#include "kiosk/ui/screen.hpp"

#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/qr_code.hpp"

#include <algorithm>

namespace kiosk::ui {

std::string language_tag(std::optional<Lang> lang) {
  if (!lang) return {};
  std::string tag(lang_code(*lang));
  for (char& c : tag) c = static_cast<char>(c - 'a' + 'A');
  return tag;
}

void fallback_note(const ScreenContext& ctx, const LocalizedText& text) {
  const auto shown = ctx.fallback_of(text);
  if (!shown) return;
  const float em = ctx.em();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 tag = draw_tag(ctx.ui, dl, pos, language_tag(shown));
  const std::string_view note = ctx.t("content.not_translated");
  ImFont* f = ctx.ui.fonts.small;
  dl->AddText(f, f->FontSize, ImVec2(pos.x + tag.x + 0.4f * em, pos.y + 0.1f * em), ctx.ui.palette.text_muted, note.data(),
              note.data() + note.size());
  ImGui::Dummy(ImVec2(0, tag.y));
  // One tap to the chain's other language ("Deutsch" where English was shown).
  Lang other = *shown;
  for (Lang l : ctx.content_chain)
    if (l != *shown && text.has(l)) {
      other = l;
      break;
    }
  if (other == *shown) return;
  if (button(ctx.ui, "content.other_language", std::string(icon::kGlobe) + "  " + std::string(ctx.content.language_name(other)),
             ImVec2(0, 0)))
    ctx.emit(Intent::of(Intent::Kind::ToggleOtherFallback));
}

void main_action(const ScreenContext& ctx, const ScreenAction& a) {
  if (button(ctx.ui, a.id, a.label, ImVec2(ImGui::GetContentRegionAvail().x, 0), ButtonStyle::Primary, a.enabled, a.chevron))
    ctx.emit(a.intent);
}

void inline_action(const ScreenContext& ctx, const Screen& screen) {
  if (ctx.action_bar) return;
  if (const auto a = screen.action(ctx)) main_action(ctx, *a);
}

void offer_card(const ScreenContext& ctx, const Offer& o) {
  const std::string where = o.organisation + " \xC2\xB7 " + district_label(ctx.content, o, ctx.lang());  // middle dot
  const std::string when = commitment_label(ctx.content, o.commitment, ctx.lang()) + " \xC2\xB7 " +
                           hours_label(ctx.content, o, ctx.lang()) + " \xC2\xB7 " + time_slots_label(ctx.content, o, ctx.lang());
  if (card(ctx.ui, "offer." + o.id, ctx.l(o.title), where, when, language_tag(ctx.fallback_of(o.title))))
    ctx.emit(Intent::open(ScreenId::OfferDetail, o.id));
  ImGui::Dummy(ImVec2(0, 0.1f * ctx.em()));
}

void lead(const ScreenContext& ctx, std::string_view image_id, const std::string& image, const LocalizedText& image_alt,
          const LocalizedText& name, const LocalizedText& summary, const LocalizedText& description) {
  picture(ctx, image_id, image, image_alt.empty() ? name : image_alt);
  ImGui::PushFont(ctx.ui.fonts.bold);
  paragraph(ctx.ui, ctx.l(summary));
  ctx.mark_language(summary);
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, 0.3f * ctx.em()));
  paragraph(ctx.ui, ctx.l(description));
  ctx.mark_language(description);
}

void picture(const ScreenContext& ctx, std::string_view id, const std::string& path, const LocalizedText& alt) {
  if (path.empty() || ctx.images == nullptr) return;
  const auto it = ctx.images->find(path);
  if (it == ctx.images->end() || it->second.width <= 0) return;
  const UiImage& img = it->second;
  const float width = ImGui::GetContentRegionAvail().x;
  float w = width, h = width * static_cast<float>(img.height) / static_cast<float>(img.width);
  if (h > width * 9.0f / 16.0f) {  // tall pictures must not push the text off the screen
    h = width * 9.0f / 16.0f;
    w = h * static_cast<float>(img.width) / static_cast<float>(img.height);
  }
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Image(reinterpret_cast<ImTextureID>(img.texture), ImVec2(w, h));
  WidgetRecord r;
  r.id.assign(id);
  r.label = ctx.l(alt);  // "Bild, Zwei Frauen lesen mit Kindern …"
  r.role = Role::Image;
  r.interactive = false;
  r.rect = r.visible = {pos.x, pos.y, w, h};
  ctx.ui.automation.record(std::move(r));
  ctx.mark_language(alt);
  ImGui::Dummy(ImVec2(0, 0.3f * ctx.em()));
}

void qr_block(const ScreenContext& ctx, std::string_view id, std::string_view url) {
  if (url.empty()) return;
  subheading(ctx.ui, ctx.t("qr.title"));
  const float side = 7.0f * ctx.em();
  qr_code(ctx.ui, id, url, side);
  muted(ctx.ui, ctx.t("qr.caption"));
}

std::string category_label(const ScreenContext& ctx, const Category& c) {
  const std::string_view glyph = icon::for_name(c.icon);
  return glyph.empty() ? ctx.l(c.name) : std::string(glyph) + "  " + ctx.l(c.name);
}

float fact_label_width(const ScreenContext& ctx) {
  return std::min(9.0f * ctx.em(), ImGui::GetContentRegionAvail().x / 3.0f);
}

void contact_block(const ScreenContext& ctx, const Contact& c, float label_width) {
  if (!c.name.empty()) paragraph(ctx.ui, ctx.l(c.name));
  // No invented numbers: without a way to reach the unit itself, the counter here helps.
  if (!c.reachable()) paragraph(ctx.ui, ctx.t("contact.ask_counter"));
  if (!c.address.empty()) fact_row(ctx.ui, ctx.t("contact.address"), c.address, label_width);
  if (!c.phone.empty()) fact_row(ctx.ui, ctx.t("contact.phone"), c.phone, label_width);
  if (!c.email.empty()) fact_row(ctx.ui, ctx.t("contact.email"), c.email, label_width);
  if (!c.url.empty()) fact_row(ctx.ui, ctx.t("contact.web"), c.url, label_width);
  if (!c.hours.empty()) fact_row(ctx.ui, ctx.t("contact.hours"), ctx.l(c.hours), label_width);
}

}  // namespace kiosk::ui

namespace kiosk::ui {

bool begin_two_columns(const char* id, const ScreenContext& ctx) {
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(0.8f * ctx.em(), 0));
  if (ImGui::BeginTable(id, 2, ImGuiTableFlags_None)) return true;
  ImGui::PopStyleVar();
  return false;
}

void end_two_columns() {
  ImGui::EndTable();
  ImGui::PopStyleVar();
}

void columns_in_landscape(const ScreenContext& ctx, const char* id, float first_weight, const std::function<void()>& first,
                          const std::function<void()>& second) {
  if (ctx.landscape && begin_two_columns(id, ctx)) {
    ImGui::TableSetupColumn("first", ImGuiTableColumnFlags_WidthStretch, first_weight);
    ImGui::TableSetupColumn("second", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableNextColumn();
    first();
    ImGui::TableNextColumn();
    second();
    end_two_columns();
  } else {
    first();
    second();
  }
}

}  // namespace kiosk::ui
