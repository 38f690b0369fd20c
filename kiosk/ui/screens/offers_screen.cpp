#include "kiosk/ui/screens/offers_screen.hpp"

#include <cstring>

#include <algorithm>

#include "kiosk/core/offer_format.hpp"
#include "kiosk/ui/icons.hpp"

namespace kiosk::ui {
namespace {

constexpr FilterGroup kGroups[] = {FilterGroup::Category, FilterGroup::District, FilterGroup::When,
                                   FilterGroup::Commitment, FilterGroup::Time, FilterGroup::Audience};

std::string chip_id(FilterGroup g, std::string_view value) {
  return "filter." + std::string(filter_group_id(g)) + "." + std::string(value);
}

// Every choice of a group as (value, label), in the order the chips show them.
std::vector<std::pair<std::string, std::string>> choices(const ScreenContext& ctx, FilterGroup g) {
  std::vector<std::pair<std::string, std::string>> chips;  // value, label
  const ContentSnapshot& c = ctx.content;
  switch (g) {
    case FilterGroup::Category:
      for (const auto& cat : c.categories) chips.emplace_back(cat.id, category_label(ctx, cat));
      break;
    case FilterGroup::District:
      for (const auto& d : c.districts) chips.emplace_back(d.id, ctx.l(d.name));
      break;
    case FilterGroup::Commitment:
      for (const auto& [id, v] : kCommitments) chips.emplace_back(id, commitment_label(c, v, ctx.lang()));
      break;
    case FilterGroup::Time:
      for (TimeBucket b : {TimeBucket::UpTo4, TimeBucket::From5To10, TimeBucket::Over10})
        chips.emplace_back(time_bucket_id(b), ctx.t("time." + std::string(time_bucket_id(b))));
      break;
    case FilterGroup::When:
      for (const auto& [id, slot] : kTimeSlots) chips.emplace_back(id, ctx.t("slot." + std::string(id)));
      break;
    case FilterGroup::Audience:
      for (const auto& a : c.audiences) chips.emplace_back(a.id, ctx.l(a.name));
      break;
  }
  return chips;
}

}  // namespace

const std::vector<uint32_t>& OffersScreen::results(const ScreenContext& ctx) {
  if (results_for_ != &ctx.content || results_generation_ != ctx.session.generation || results_today_ != ctx.today) {
    results_ = select_offers(ctx.content, ctx.index, ctx.session.filter, ctx.session.search.view(), ctx.today);
    results_today_ = std::string(ctx.today);
    results_for_ = &ctx.content;
    results_generation_ = ctx.session.generation;
    list_stale_ = true;
  }
  return results_;
}

void OffersScreen::draw(const ScreenContext& ctx) {
  const float em = ctx.em();
  // The fixed part: title, search, filter groups, the open group's chips, the count.
  ImGui::SetCursorPos(ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.0f * em, 0.8f * em));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.4f * em));
  ImGui::BeginChild("##offers.head", ImVec2(0, 0), false,
                    ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  // While the visitor types, the open group's chips step aside so results stay in sight; in
  // landscape, where the keyboard takes half the height, the title and group buttons too.
  const bool typing = !ctx.focus.empty();
  const bool chips = ctx.session.open_group.has_value() && !typing;
  if (!ctx.landscape) {
    heading(ctx.ui, ctx.t("offers.title"));
    draw_portrait(ctx, chips);
  } else {
    if (!typing) heading(ctx.ui, ctx.t("offers.title"));
    draw_search(ctx);
    if (!typing) {
      draw_active_filters(ctx);
      draw_filter_groups(ctx);
    }
    // Chips, count and list scroll together: with the keyboard up and large text there is not
    // room for all of them, and the search field and group buttons must stay in reach.
    ImGui::Dummy(ImVec2(0, 0.1f * em));
    ctx.scroll.begin("offers.list", ImVec2(0, 0), em);
    if (chips) draw_chips(ctx, *ctx.session.open_group);
    draw_results(ctx);
    ImGui::Dummy(ImVec2(0, 0.8f * em));
    ctx.scroll.end();
  }
  ImGui::EndChild();
  ImGui::PopStyleVar(2);
}

void OffersScreen::draw_search(const ScreenContext& ctx) {
  if (text_field(ctx.ui, "offers.search", ctx.session.search.view(), ctx.t("offers.search_hint"), ctx.focus == "offers.search",
                 icon::kSearch))
    ctx.emit(Intent::focus("offers.search"));
}

// Portrait: the list above, and the search and filters at the bottom of the page, within
// reach from a wheelchair: an open group's chips rise above the group buttons like a sheet.
// The controls' height is the last frame's, so the list knows its room before they are drawn.
void OffersScreen::draw_portrait(const ScreenContext& ctx, bool chips) {
  const float em = ctx.em();
  const float gap = ImGui::GetStyle().ItemSpacing.y;
  const float list_h = std::max(kMinTargetEm * em, ImGui::GetContentRegionAvail().y - controls_h_ - gap);
  ctx.scroll.begin("offers.list", ImVec2(0, list_h), em);
  draw_results(ctx);
  ImGui::Dummy(ImVec2(0, 0.4f * em));
  ctx.scroll.end();
  ImGui::BeginGroup();
  if (chips) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y), ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y), ctx.ui.palette.border,
                                        std::max(1.0f, 0.06f * em));
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    draw_chips(ctx, *ctx.session.open_group);
  }
  draw_active_filters(ctx);
  draw_filter_groups(ctx);
  draw_search(ctx);
  ImGui::EndGroup();
  controls_h_ = ImGui::GetItemRectSize().y;
}

// What the visitor chose, under the search field, whichever group is open: each value a chip
// with a cross that takes it away.
void OffersScreen::draw_active_filters(const ScreenContext& ctx) {
  if (ctx.session.filter.empty()) return;
  bool first = true;
  for (FilterGroup g : kGroups) {
    if (ctx.session.filter.count(g) == 0) continue;
    for (const auto& [value, label] : choices(ctx, g)) {
      if (!ctx.session.filter.is_set(g, value)) continue;
      const std::string shown = label + "  " + icon::kClose;
      if (!first) flow_next(button_width(ctx.ui, shown));
      first = false;
      if (button(ctx.ui, "active." + std::string(filter_group_id(g)) + "." + value, shown, ImVec2(0, 0), ButtonStyle::Accent))
        ctx.emit(Intent::filter(g, value));
    }
  }
}

void OffersScreen::draw_filter_groups(const ScreenContext& ctx) {
  bool first = true;
  for (FilterGroup g : kGroups) {
    std::string label(ctx.t("filter." + std::string(filter_group_id(g))));
    if (const size_t n = ctx.session.filter.count(g)) label += " (" + std::to_string(n) + ")";
    const bool open = ctx.session.open_group == g;
    if (!first) flow_next(button_width(ctx.ui, label));
    first = false;
    // Open is filled; a closed group's values show as chips under the search field instead.
    const ButtonStyle style = open ? ButtonStyle::Selected : ButtonStyle::Secondary;
    if (button(ctx.ui, "offers.filter." + std::string(filter_group_id(g)), label, ImVec2(0, 0), style))
      ctx.emit(Intent::show_group(open ? std::nullopt : std::optional<FilterGroup>(g)));
  }
}

void OffersScreen::draw_chips(const ScreenContext& ctx, FilterGroup g) {
  const auto chips = choices(ctx, g);
  bool first = true;
  for (const auto& [value, label] : chips) {
    const bool on = ctx.session.filter.is_set(g, value);
    if (!first) flow_next(chip_width(ctx.ui, label, on));
    first = false;
    if (chip(ctx.ui, chip_id(g, value), label, on)) ctx.emit(Intent::filter(g, value));
  }
}

void OffersScreen::draw_results(const ScreenContext& ctx) {
  const auto& shown = results(ctx);
  const bool narrowed = !ctx.session.filter.empty() || !ctx.session.search.empty();
  if (ctx.session.open_group) ImGui::Dummy(ImVec2(0, 0.3f * ctx.em()));
  const std::string count = fill(ctx.t("offers.count"), std::to_string(shown.size()));
  if (narrowed) {
    if (button(ctx.ui, "offers.clear_filters", std::string(icon::kClose) + "  " + std::string(ctx.t("offers.clear")), ImVec2(0, 0)))
      ctx.emit(Intent::of(Intent::Kind::ClearFilters));
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (kMinTargetEm - 1.0f) * 0.5f * ctx.em());
  }
  ImGui::PushFont(ctx.ui.fonts.bold);
  ImGui::TextUnformatted(count.c_str());
  record_text(ctx.ui, "offers.count", count);
  ctx.ui.automation.last()->role = Role::Alert;  // a filter or a search word changes it: said at once
  ImGui::PopFont();
  if (narrowed) ImGui::Dummy(ImVec2(0, 0));

  if (shown.empty()) {
    ImGui::Dummy(ImVec2(0, 0.8f * ctx.em()));
    paragraph(ctx.ui, ctx.t("offers.empty"));
    ImGui::Dummy(ImVec2(0, 0.4f * ctx.em()));
    if (button(ctx.ui, "offers.empty.clear", ctx.t("offers.empty_clear"), ImVec2(ImGui::GetContentRegionAvail().x, 0), ButtonStyle::Primary))
      ctx.emit(Intent::of(Intent::Kind::ClearFilters));
    return;
  }
  ImGui::Dummy(ImVec2(0, 0.2f * ctx.em()));
  const float width = ImGui::GetContentRegionAvail().x;
  if (list_stale_ || list_width_ != width || list_em_ != ctx.em() || list_lang_ != ctx.lang()) {
    // A card: padding, a bold title line, two muted lines, the gaps between them.
    const float estimate = ctx.ui.fonts.bold->FontSize + 2.0f * ctx.ui.fonts.body->FontSize + 2.6f * ctx.em();
    list_.reset(shown.size(), estimate);
    list_stale_ = false;
    list_width_ = width;
    list_em_ = ctx.em();
    list_lang_ = ctx.lang();
  }
  list_.draw([&](size_t i) { offer_card(ctx, ctx.content.offers[shown[i]]); });
  // Where the list stands, for the screen reader only (an alert: said when a flick scrolls it).
  if (list_.first_shown() > 0) {
    std::string where(ctx.t("a11y.list_position"));
    for (const auto& [key, n] : {std::pair<const char*, size_t>{"{from}", list_.first_shown()}, {"{to}", list_.last_shown()}, {"{n}", shown.size()}})
      if (const size_t at = where.find(key); at != std::string::npos) where.replace(at, std::strlen(key), std::to_string(n));
    WidgetRecord w;
    w.id = "offers.position";
    w.label = where;
    w.role = Role::Alert;
    w.interactive = false;
    ctx.ui.automation.record(std::move(w));
  }
}

}  // namespace kiosk::ui
