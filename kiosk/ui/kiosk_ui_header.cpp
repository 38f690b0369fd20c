// KioskUi's header: the agency's name, the hidden staff entry on it, and the badges of the modes
// that last (speech, "Beratung", "VORSCHAU"). Split from kiosk_ui.cpp to keep each file short.
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "kiosk/core/offer_format.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/kiosk_ui.hpp"

namespace kiosk::ui {

void KioskUi::draw_header(const UiContext& ui, float height) {
  const float em = ui.em();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetIO().DisplaySize.x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), ui.palette.header);
  // A red bar as the logo's mark: the agency's colour without shipping a bitmap logo.
  dl->AddRectFilled(ImVec2(p.x + em, p.y + 0.7f * em), ImVec2(p.x + 1.35f * em, p.y + height - 0.7f * em),
                    ui.palette.primary);
  const std::string_view title = t("app.title");
  const std::string_view subtitle = t("app.subtitle");
  const float x = p.x + 1.9f * em;
  dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(x, p.y + 0.55f * em), ui.palette.on_header, title.data(),
              title.data() + title.size());
  dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(x, p.y + 1.85f * em), ui.palette.on_header,
              subtitle.data(), subtitle.data() + subtitle.size());
  // The staff entry: the logo and title held for three seconds. Nothing shows it to visitors;
  // a thin bar grows under the logo once a press has lasted half a second, so staff know it works.
  const float entry_w = std::min(width * 0.6f, 16.0f * em);
  float progress = 0.0f;
  if (long_press(ui, "staff.entry", ImVec2(entry_w, height), last_now_, visit_.staff_entry_s(), logo_pressed_since_, progress))
    intents_.push_back(Intent::of(Intent::Kind::StaffEntry));
  if (progress * visit_.staff_entry_s() > 0.5)
    dl->AddRectFilled(ImVec2(p.x, p.y + height - 0.2f * em), ImVec2(p.x + entry_w * progress, p.y + height), ui.palette.primary);
  // "Beratung": a volunteer assists; "VORSCHAU": staff look at the editor's preview. The header
  // says so while it lasts, and tapping it ends the mode.
  float right = p.x + width - 0.8f * em;
  // Speech on: a badge says so to sighted helpers, and tapping it (a double tap, for a blind
  // visitor) turns speech off. Where its word would run into the title (large text, Ukrainian,
  // beside "Beratung") it shows the pictogram alone; it is still said as the word.
  if (speech_.reader().on()) {
    const std::string word(t("a11y.speech"));
    const float title_right =
        x + std::max(ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, 0, title.data(), title.data() + title.size()).x,
                     ui.fonts.small->CalcTextSizeA(ui.fonts.small->FontSize, FLT_MAX, 0, subtitle.data(), subtitle.data() + subtitle.size()).x);
    float others = 0;
    if (visit_.staff().assisted) others += banner_width(ui, std::string(t("assisted.banner"))) + 0.5f * em;
    if (showing_preview_) others += banner_width(ui, fill(t("preview.banner"), "00")) + 0.5f * em;
    const std::string full = std::string(icon::kSpeech) + "  " + word;
    const bool fits = right - others - banner_width(ui, full) - 0.5f * em >= title_right + 0.8f * em;
    right = draw_mode_banner(ui, "speech.badge", fits ? full : std::string(icon::kSpeech), right, p, height, std::nullopt) - 0.5f * em;
    ui.automation.last()->label = word;
  }
  if (visit_.staff().assisted)
    right = draw_mode_banner(ui, "assisted.end", std::string(t("assisted.banner")), right, p, height, Intent::Kind::EndAssisted) - 0.5f * em;
  if (showing_preview_)
    draw_mode_banner(ui, "preview.end", fill(t("preview.banner"), std::to_string(visit_.staff().preview_version)), right, p, height,
                     Intent::Kind::EndPreview);
  ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + height));
}

float KioskUi::banner_width(const UiContext& ui, const std::string& text) const {
  const std::string label = text + "   " + icon::kClose;
  ImFont* f = ui.fonts.bold;
  return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str()).x + 2.0f * ui.em();
}

float KioskUi::draw_mode_banner(const UiContext& ui, const char* id, const std::string& text, float right, ImVec2 header_min,
                                float height, std::optional<Intent::Kind> ends) {
  const float em = ui.em();
  const std::string label = text + "   " + icon::kClose;
  const float w = banner_width(ui, text);
  const float h = kMinTargetEm * em;
  ImGui::SetCursorScreenPos(ImVec2(right - w, header_min.y + (height - h) * 0.5f));
  if (button(ui, id, label, ImVec2(w, h), ButtonStyle::Accent)) {
    if (ends) intents_.push_back(Intent::of(*ends));
    else speech_.reader().set_on(false);  // the speech badge: the reader is the UI's, not the visit's
  }
  ui.automation.last()->label = text;  // said without the ✕
  return right - w;
}


}  // namespace kiosk::ui
