#include <ctime>
#include <string>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/offer_format.hpp"
#include "kiosk/ui/screens/staff_screen.hpp"

namespace kiosk::ui {
namespace {

DurationUnits units(const ScreenContext& ctx) {
  return {ctx.t("time.unit.day"), ctx.t("time.unit.hour"), ctx.t("time.unit.minute"), ctx.t("time.unit.second")};
}

std::string ago(const ScreenContext& ctx, int64_t when, int64_t now) {
  if (when <= 0) return std::string(ctx.t("staff.never"));
  return fill(ctx.t("staff.ago"), format_duration(now - when, units(ctx)));
}

// A fact row whose value is a warning: bold in the alert colour, so it stands out at a glance.
void alert_row(const ScreenContext& ctx, std::string_view label, std::string_view value, float label_w, bool alert) {
  if (!alert) return fact_row(ctx.ui, label, value, label_w);
  ImGui::PushStyleColor(ImGuiCol_Text, ctx.ui.palette.primary);
  ImGui::PushFont(ctx.ui.fonts.bold);
  fact_row(ctx.ui, label, value, label_w);
  ImGui::PopFont();
  ImGui::PopStyleColor();
}

void content_section(const ScreenContext& ctx, const StaffStatus& s, int64_t now, float w) {
  subheading(ctx.ui, ctx.t("staff.content"));
  if (s.content_version == 0) {
    fact_row(ctx.ui, ctx.t("staff.version"), ctx.t("staff.bundled"), w);
    return;
  }
  fact_row(ctx.ui, ctx.t("staff.version"), std::to_string(s.content_version), w);
  if (s.content_created > 0) fact_row(ctx.ui, ctx.t("staff.age"), format_duration(now - s.content_created, units(ctx)), w);
  if (s.content_expires > 0) fact_row(ctx.ui, ctx.t("staff.expires"), format_local_time(s.content_expires), w);
  alert_row(ctx, ctx.t("staff.state"), s.stale ? ctx.t("staff.stale") : ctx.t("staff.current"), w, s.stale);
}

void sync_section(const ScreenContext& ctx, const StaffStatus& s, int64_t now, float w) {
  subheading(ctx.ui, ctx.t("staff.sync"));
  if (s.backend.empty()) {
    fact_row(ctx.ui, ctx.t("staff.backend"), ctx.t("staff.no_backend"), w);
    return;
  }
  const bool down = s.backend_reachable.has_value() && !*s.backend_reachable;
  const std::string reach(!s.backend_reachable ? ctx.t("staff.unknown") : *s.backend_reachable ? ctx.t("staff.reachable")
                                                                                              : ctx.t("staff.unreachable"));
  alert_row(ctx, ctx.t("staff.backend"), s.backend + "\n" + reach, w, down);
  fact_row(ctx.ui, ctx.t("staff.last_sync"), ago(ctx, s.last_sync, now), w);
  alert_row(ctx, ctx.t("staff.last_error"), s.last_error.empty() ? ctx.t("staff.none") : s.last_error, w, !s.last_error.empty());
  if (ctx.staff.sync_requested) muted(ctx.ui, ctx.t("staff.sync_requested"));
}

void registrations_section(const ScreenContext& ctx, const StaffStatus& s, float w) {
  subheading(ctx.ui, ctx.t("staff.registrations"));
  if (!s.registrations_on) {
    alert_row(ctx, ctx.t("staff.state"), ctx.t("staff.registrations_off"), w, true);
    return;
  }
  fact_row(ctx.ui, ctx.t("staff.pending"), std::to_string(s.outbox_pending), w);
  if (s.outbox_pending > 0) fact_row(ctx.ui, ctx.t("staff.oldest"), format_duration(s.oldest_pending_age_s, units(ctx)), w);
  alert_row(ctx, ctx.t("staff.quarantined"), std::to_string(s.outbox_quarantined), w, s.outbox_quarantined > 0);
}

void program_section(const ScreenContext& ctx, const StaffStatus& s, float w) {
  subheading(ctx.ui, ctx.t("staff.program"));
  fact_row(ctx.ui, ctx.t("staff.version"), s.app_version, w);
  fact_row(ctx.ui, ctx.t("staff.uptime"), format_duration(s.uptime_s, units(ctx)), w);
  // What happened in the staff's language; the details, for the admin team, as the program says them.
  std::string config(ctx.t("staff.config_ok"));
  if (!s.config_problems.empty()) {
    config = std::string(ctx.t("staff.config_unused"));
    for (const auto& p : s.config_problems) config += "\n" + p;
  }
  alert_row(ctx, ctx.t("staff.config"), config, w, !s.config_problems.empty());
  record_text(ctx.ui, "staff.config", config);
}

void actions(const ScreenContext& ctx, const StaffStatus& s) {
  const float em = ctx.em();
  const float gap = 0.5f * em;
  const int per_row = ctx.landscape ? 3 : 1;
  const float width = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
  const bool can_sync = !s.backend.empty();
  if (button(ctx.ui, "staff.sync_now", ctx.t("staff.sync_now"), ImVec2(width, 0), ButtonStyle::Primary, can_sync))
    ctx.emit(Intent::of(Intent::Kind::StaffSyncNow));
  if (per_row > 1) ImGui::SameLine();
  const bool assisted = ctx.staff.assisted;
  if (button(ctx.ui, "staff.assisted", assisted ? ctx.t("staff.assisted_off") : ctx.t("staff.assisted_on"), ImVec2(width, 0),
             assisted ? ButtonStyle::Selected : ButtonStyle::Secondary))
    ctx.emit(Intent::of(Intent::Kind::ToggleAssisted));
  if (per_row > 1) ImGui::SameLine();
  if (button(ctx.ui, "staff.leave", ctx.t("staff.leave"), ImVec2(width, 0))) ctx.emit(Intent::of(Intent::Kind::LeaveStaff));
  // The editor's preview ("publish to preview"), shown here until the visit ends.
  if (button(ctx.ui, "staff.preview", ctx.staff.preview_loading ? ctx.t("staff.preview_loading") : ctx.t("staff.preview"),
             ImVec2(width, 0), ButtonStyle::Secondary, can_sync && !ctx.staff.preview_loading))
    ctx.emit(Intent::of(Intent::Kind::StaffPreview));
  if (!ctx.staff.preview_error.empty()) {
    const std::string why = fill(ctx.t("staff.preview_failed"), ctx.staff.preview_error);
    paragraph(ctx.ui, why);
    record_text(ctx.ui, "staff.preview_error", why);
  }
  ImGui::PopStyleVar();
}

}  // namespace

void StaffScreen::draw(const ScreenContext& ctx) {
  if (!ctx.staff.console || !ctx.staff.unlocked) {  // never shown without the PIN
    ctx.emit(Intent::of(Intent::Kind::LeaveStaff));
    return;
  }
  const StaffStatus& s = ctx.staff.status;
  const int64_t now = epoch_now();
  heading(ctx.ui, ctx.t("staff.title"));
  actions(ctx, s);
  const float w = fact_label_width(ctx);
  columns_in_landscape(
      ctx, "##staff", 1.0f,
      [&] {
        content_section(ctx, s, now, w);
        sync_section(ctx, s, now, w);
      },
      [&] {
        registrations_section(ctx, s, w);
        program_section(ctx, s, w);
      });
}

}  // namespace kiosk::ui
