#include "kiosk/ui/kiosk_ui.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <string>

#include "kiosk/ui/screens/home_screen.hpp"
#include "kiosk/ui/screens/offer_detail_screen.hpp"
#include "kiosk/ui/screens/offers_screen.hpp"
#include "kiosk/ui/screens/unit_detail_screen.hpp"
#include "kiosk/ui/screens/units_screen.hpp"

namespace kiosk::ui {
namespace {

constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;

std::string route_key(const Route& r) { return "##screen." + std::string(screen_name(r.screen)) + "." + r.item; }

}  // namespace

KioskUi::KioskUi(SnapshotPtr content) : content_(std::move(content)) {
  screens_.push_back(std::make_unique<HomeScreen>());
  screens_.push_back(std::make_unique<UnitsScreen>());
  screens_.push_back(std::make_unique<UnitDetailScreen>());
  screens_.push_back(std::make_unique<OffersScreen>());
  screens_.push_back(std::make_unique<OfferDetailScreen>());
}

KioskUi::~KioskUi() = default;

void KioskUi::set_content(SnapshotPtr content) { content_ = std::move(content); }

Screen& KioskUi::screen_for(ScreenId id) {
  for (auto& s : screens_)
    if (s->id() == id) return *s;
  return *screens_.front();
}

void KioskUi::draw(const FontSet& fonts) {
  automation_.begin_frame(screen_name(nav_.current().screen));
  const Palette& palette = default_palette();
  UiContext ui{automation_, palette, fonts};
  const float em = fonts.em;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const bool landscape = display.x > display.y;

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::Begin("##kiosk", nullptr, kRootFlags);
  ImGui::PopStyleVar(2);

  const float header_h = 3.4f * em;
  // In portrait the bar has room for two rows; the languages get their own, large targets.
  const bool two_rows = !landscape;
  const float nav_h = (two_rows ? 2 : 1) * (kMinTargetEm * em) + (two_rows ? 3.0f : 1.6f) * 0.5f * em + 0.6f * em;
  draw_header(ui, header_h);

  if (content_->meta.sample_data) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string_view notice = content_->text("app.sample_data", lang_);
    const float wrap = display.x - 1.6f * em;
    const ImVec2 size = fonts.small->CalcTextSizeA(fonts.small->FontSize, FLT_MAX, wrap, notice.data(),
                                                   notice.data() + notice.size());
    const float h = size.y + 0.6f * em;
    dl->AddRectFilled(p, ImVec2(p.x + display.x, p.y + h), palette.notice);
    dl->AddText(fonts.small, fonts.small->FontSize, ImVec2(p.x + 0.8f * em, p.y + 0.3f * em), palette.on_notice,
                notice.data(), notice.data() + notice.size(), wrap);
    ImGui::Dummy(ImVec2(display.x, h));
  }

  const Route route = nav_.current();
  const float body_h = std::max(1.0f, ImGui::GetContentRegionAvail().y - nav_h);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.0f * em, 0.8f * em));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.4f * em));
  ImGui::BeginChild(route_key(route).c_str(), ImVec2(display.x, body_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ScreenContext ctx{ui, *content_, lang_, route, landscape, intents_};
  screen_for(route.screen).draw(ctx);
  ImGui::Dummy(ImVec2(0, 0.8f * em));
  ImGui::EndChild();
  ImGui::PopStyleVar(2);

  draw_navigation(ui, nav_h, two_rows);
  ImGui::End();

  apply(intents_);
  intents_.clear();
}

void KioskUi::draw_header(const UiContext& ui, float height) {
  const float em = ui.em();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetIO().DisplaySize.x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), ui.palette.header);
  // A red bar as the logo's mark: the agency's colour without shipping a bitmap logo.
  dl->AddRectFilled(ImVec2(p.x + em, p.y + 0.7f * em), ImVec2(p.x + 1.35f * em, p.y + height - 0.7f * em),
                    ui.palette.primary);
  const std::string_view title = content_->text("app.title", lang_);
  const std::string_view subtitle = content_->text("app.subtitle", lang_);
  const float x = p.x + 1.9f * em;
  dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(x, p.y + 0.55f * em), ui.palette.on_header, title.data(),
              title.data() + title.size());
  dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(x, p.y + 1.85f * em), ui.palette.on_header,
              subtitle.data(), subtitle.data() + subtitle.size());
  ImGui::Dummy(ImVec2(width, height));
}

void KioskUi::draw_navigation(const UiContext& ui, float height, bool two_rows) {
  const float em = ui.em();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float gap = 0.5f * em;
  const float margin = 0.8f * em;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float top = display.y - height;
  dl->AddRectFilled(ImVec2(0, top), display, ui.palette.surface);
  dl->AddLine(ImVec2(0, top), ImVec2(display.x, top), ui.palette.border, std::max(1.0f, 0.06f * em));
  ImGui::SetCursorScreenPos(ImVec2(margin, top + 0.3f * em + gap * 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));

  const float inner = display.x - 2 * margin;
  const float nav_w = two_rows ? (inner - gap) / 2 : std::min(7.0f * em, (inner - 5 * gap) / 6);
  if (button(ui, "nav.back", content_->text("nav.back", lang_), ImVec2(nav_w, 0), ButtonStyle::Secondary,
             nav_.can_go_back(), Chevron::Left))
    intents_.push_back(Intent::back());
  ImGui::SameLine();
  if (button(ui, "nav.home", content_->text("nav.home", lang_), ImVec2(nav_w, 0), ButtonStyle::Primary))
    intents_.push_back(Intent::home());

  // Languages by their own names, so a visitor finds theirs without reading German.
  const float lang_w = two_rows ? (inner - 3 * gap) / 4 : (inner - 2 * nav_w - 5 * gap - 1.0f * em) / 4;
  if (two_rows) {
    ImGui::SetCursorScreenPos(ImVec2(margin, ImGui::GetCursorScreenPos().y));
  } else {
    ImGui::SameLine(0, gap + 1.0f * em);
  }
  for (Lang l : kAllLangs) {
    const std::string id = "lang." + std::string(lang_code(l));
    const auto it = content_->strings.find("lang.name");
    const std::string& name = it != content_->strings.end() ? it->second.get(l) : std::string(lang_code(l));
    if (button(ui, id, name, ImVec2(lang_w, 0), l == lang_ ? ButtonStyle::Selected : ButtonStyle::Secondary))
      intents_.push_back(Intent::language(l));
    if (l != kAllLangs.back()) ImGui::SameLine();
  }
  ImGui::PopStyleVar();
}

void KioskUi::apply(const std::vector<Intent>& intents) {
  for (const Intent& i : intents) {
    switch (i.kind) {
      case Intent::Kind::Open: nav_.open(i.route); break;
      case Intent::Kind::Back: nav_.back(); break;
      case Intent::Kind::Home: nav_.home(); break;
      case Intent::Kind::SetLanguage: lang_ = i.lang; break;
    }
  }
}

}  // namespace kiosk::ui
