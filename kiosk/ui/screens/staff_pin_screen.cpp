#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk/core/offer_format.hpp"
#include "kiosk/core/pin_lockout.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/staff_pin_screen.hpp"

namespace kiosk::ui {
namespace {

// One dot per digit typed: how many, never which. The rings show the shortest PIN.
void pin_dots(const ScreenContext& ctx, float width) {
  const float em = ctx.em();
  const size_t typed = ctx.staff.pin_digits;
  const size_t slots = std::max<size_t>(kPinMinDigits, typed);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float r = 0.35f * em, step = 1.2f * em;
  const float x0 = p.x + (width - step * static_cast<float>(slots)) * 0.5f + step * 0.5f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (size_t i = 0; i < slots; ++i) {
    const ImVec2 c(x0 + step * static_cast<float>(i), p.y + 0.7f * em);
    if (i < typed) dl->AddCircleFilled(c, r, ctx.ui.palette.text);
    else dl->AddCircle(c, r, ctx.ui.palette.text, 0, std::max(1.0f, 0.08f * em));
  }
  ImGui::Dummy(ImVec2(width, 1.4f * em));
}

// What the pad says under the dots: checking, wrong, locked, or the prompt.
std::string pad_message(const ScreenContext& ctx, bool& alert) {
  alert = true;
  const StaffView& s = ctx.staff;
  if (ctx.now < s.locked_until)
    return fill(ctx.t("staff.pin_locked"), std::to_string(static_cast<long>(std::ceil(s.locked_until - ctx.now))));
  if (s.checking) return alert = false, std::string(ctx.t("staff.pin_checking"));
  if (s.wrong) return fill(ctx.t("staff.pin_wrong"), std::to_string(s.attempts_left));
  alert = false;
  return std::string(ctx.t("staff.pin_prompt"));
}

}  // namespace

void StaffPinScreen::draw(const ScreenContext& ctx) {
  const float em = ctx.em();
  const float width = std::min(ImGui::GetContentRegionAvail().x, 20.0f * em);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - width) * 0.5f);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  heading(ctx.ui, ctx.t("staff.title"));
  if (!ctx.staff.pin_configured) {
    paragraph(ctx.ui, ctx.t("staff.pin_missing"));
    // Often the reason: a kiosk.json that could not be read. Say so here, where staff look.
    if (ctx.staff.console) {
      const StaffStatus& s = ctx.staff.status;
      if (!s.config_problems.empty()) {
        subheading(ctx.ui, ctx.t("staff.config"));
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.ui.palette.primary);
        paragraph(ctx.ui, ctx.t("staff.config_unused"));
        record_text(ctx.ui, "staff.config", ctx.t("staff.config_unused"));
        for (const std::string& p : s.config_problems) paragraph(ctx.ui, p);
        ImGui::PopStyleColor();
      }
    }
    ImGui::Dummy(ImVec2(0, 0.6f * em));
    if (button(ctx.ui, "staff.pin.cancel", ctx.t("staff.cancel"), ImVec2(width, 0)))
      ctx.emit(Intent::of(Intent::Kind::LeaveStaff));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    return;
  }
  bool alert = false;
  const std::string message = pad_message(ctx, alert);
  if (alert) ImGui::PushStyleColor(ImGuiCol_Text, ctx.ui.palette.primary);
  ImGui::PushFont(alert ? ctx.ui.fonts.bold : ctx.ui.fonts.body);
  paragraph(ctx.ui, message);
  ImGui::PopFont();
  if (alert) ImGui::PopStyleColor();
  pin_dots(ctx, width);

  const bool enabled = !ctx.staff.checking && ctx.now >= ctx.staff.locked_until;
  const float gap = 0.5f * em;
  const ImVec2 key((width - 2 * gap) / 3, 2.8f * em);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  static constexpr const char* kDigits[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
  for (int i = 0; i < 9; ++i) {
    if (button(ctx.ui, std::string("staff.pin.") + kDigits[i], kDigits[i], key, ButtonStyle::Secondary, enabled))
      ctx.emit(Intent::pin_digit(kDigits[i]));
    if (i % 3 != 2) ImGui::SameLine();
  }
  if (button(ctx.ui, "staff.pin.back", icon::kBackspace, key, ButtonStyle::Secondary, enabled && ctx.staff.pin_digits > 0))
    ctx.emit(Intent::of(Intent::Kind::PinBackspace));
  ImGui::SameLine();
  if (button(ctx.ui, "staff.pin.0", "0", key, ButtonStyle::Secondary, enabled)) ctx.emit(Intent::pin_digit("0"));
  ImGui::SameLine();
  if (button(ctx.ui, "staff.pin.ok", icon::kCheck, key, ButtonStyle::Primary, enabled && ctx.staff.pin_digits >= kPinMinDigits))
    ctx.emit(Intent::of(Intent::Kind::PinSubmit));
  ImGui::Dummy(ImVec2(0, 0.4f * em));
  if (button(ctx.ui, "staff.pin.cancel", ctx.t("staff.cancel"), ImVec2(width, 0)))
    ctx.emit(Intent::of(Intent::Kind::LeaveStaff));
  ImGui::PopStyleVar();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

}  // namespace kiosk::ui
