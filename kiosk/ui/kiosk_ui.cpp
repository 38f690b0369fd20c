#include "kiosk/ui/kiosk_ui.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include <string>

#include "kiosk/core/offer_format.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/attract_screen.hpp"
#include "kiosk/ui/screens/home_screen.hpp"
#include "kiosk/ui/screens/offer_detail_screen.hpp"
#include "kiosk/ui/screens/offers_screen.hpp"
#include "kiosk/ui/screens/register_screen.hpp"
#include "kiosk/ui/screens/privacy_screen.hpp"
#include "kiosk/ui/screens/staff_pin_screen.hpp"
#include "kiosk/ui/screens/staff_screen.hpp"
#include "kiosk/ui/screens/thank_you_screen.hpp"
#include "kiosk/ui/screens/unit_detail_screen.hpp"
#include "kiosk/ui/screens/units_screen.hpp"
#include "kiosk/ui/modal_question.hpp"

namespace kiosk::ui {
namespace {

constexpr ImGuiWindowFlags kRootFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;

std::string route_key(const Route& r) { return "##screen." + std::string(screen_name(r.screen)) + "." + r.item; }

const Palette& palette_for(const VisitorSession& s) { return s.high_contrast ? high_contrast_palette() : default_palette(); }

// Any touch, drag or typed key means somebody is there.
bool visitor_active() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.MouseDown[0] || io.MouseReleased[0] || !io.InputQueueCharacters.empty();
}

}  // namespace

KioskUi::KioskUi(SnapshotPtr content, VisitOptions options)
    : visit_(std::move(content), options), index_(std::make_shared<SearchIndex>(visit_.content())) {
  auto attract = std::make_unique<AttractScreen>();
  attract_ = attract.get();
  screens_.push_back(std::move(attract));
  screens_.push_back(std::make_unique<HomeScreen>());
  screens_.push_back(std::make_unique<UnitsScreen>());
  screens_.push_back(std::make_unique<UnitDetailScreen>());
  screens_.push_back(std::make_unique<OffersScreen>());
  screens_.push_back(std::make_unique<OfferDetailScreen>());
  screens_.push_back(std::make_unique<RegisterScreen>());
  screens_.push_back(std::make_unique<PrivacyScreen>());
  screens_.push_back(std::make_unique<ThankYouScreen>());
  screens_.push_back(std::make_unique<StaffPinScreen>());
  screens_.push_back(std::make_unique<StaffScreen>());
}

KioskUi::~KioskUi() = default;

void KioskUi::set_content(SnapshotPtr content, std::shared_ptr<const SearchIndex> index) {
  live_index_ = index ? std::move(index) : std::make_shared<SearchIndex>(*content);
  live_content_ = std::move(content);
  if (showing_preview_) return;  // shown when the preview ends
  index_ = live_index_;
  visit_.set_content(live_content_);
}

void KioskUi::set_preview(SnapshotPtr content, std::shared_ptr<const SearchIndex> index) {
  preview_index_ = index ? std::move(index) : std::make_shared<SearchIndex>(*content);
  preview_content_ = std::move(content);
}

// The visit decides whether the preview shows; this follows it, before anything is drawn.
void KioskUi::follow_preview() {
  const bool want = visit_.staff().preview && preview_content_ != nullptr;
  if (want == showing_preview_) return;
  showing_preview_ = want;
  if (!want) preview_content_.reset(), preview_index_.reset();
  index_ = want ? preview_index_ : live_index_;
  if (live_content_ || want) visit_.set_content(want ? preview_content_ : live_content_);
}

Screen& KioskUi::screen_for(ScreenId id) {
  for (auto& s : screens_)
    if (s->id() == id) return *s;
  return *screens_.front();
}

void KioskUi::before_frame(ImGuiIO& io, double now) {
  touched_ = speech_.before_frame(io, now, automation_.widgets(), visit_, intents_, last_em_);
}

bool KioskUi::needs_frames(double now) const {
  if (speech_.reader().busy()) return true;
  if (ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().MouseDown[0]) return true;
  if (scroll_.coasting()) return true;
  return visit_.screen() == ScreenId::Attract && attract_->animating(now);
}

double KioskUi::next_wake(double now) const {
  const double reader = speech_.reader().next_deadline();
  if (visit_.screen() == ScreenId::Attract) return std::min(reader, attract_->next_change(now));
  return std::min(reader, visit_.next_deadline(now));
}

void KioskUi::draw(const FontSet& fonts, double now) {
  last_now_ = now;
  visit_.tick(now, !started_ || visitor_active() || touched_);  // the first frame starts the visit's clocks
  if (!started_) attract_->restart(now);
  started_ = true;
  if (visit_.typing()) consume_typed_keys();
  forget_what_the_visit_left();
  follow_preview();

  const VisitorSession& session = visit_.session();
  const ContentSnapshot& content = visit_.content();
  automation_.begin_frame(screen_name(visit_.screen()), session.lang);
  const Palette& palette = palette_for(session);
  const float em = fonts.em;
  last_em_ = em;
  apply_style(palette, em);
  UiContext ui{automation_, palette, fonts, session.reach_mode};
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const bool landscape = display.x > display.y;
  const Route route = visit_.route();
  Screen& screen = screen_for(route.screen);

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::Begin("##kiosk", nullptr, kRootFlags | ImGuiWindowFlags_NoBackground);  // the platform clears to it
  ImGui::PopStyleVar(2);
  ScreenContext ctx(ui, content, *index_, session, scroll_, intents_);
  ctx.route = route;
  ctx.landscape = landscape;
  ctx.focus = visit_.focus();
  ctx.now = now;
  today_ = today_source_();
  ctx.today = today_;
  ctx.images = &images_;
  ctx.registration_available = visit_.registration_available();
  ctx.staff = visit_.staff_view();
  ctx.content_chain = session.content_chain(content.meta.fallback);

  if (screen.full_screen()) {
    screen.draw(ctx);
  } else {
    KeyboardMode mode = KeyboardMode::Text;
    VisitorText* target = visit_.focused_field(mode);
    // Landscape: while the keyboard is up it takes the place of the header and the bar, as on a
    // phone, or in large text nothing of the page would remain above it. Its own key puts it away.
    const bool bar = !(landscape && target != nullptr);
    if (bar) draw_header(ui, 3.4f * em);
    if (content.meta.sample_data) draw_sample_notice(ui);
    if (session.reach_mode) draw_reach_gap(ui);
    bool two_rows = false;
    const float nav_h = bar ? navigation_height(ui, two_rows) : 0.0f;
    const float keyboard_h = target ? keyboard_.height(ui, mode) : 0.0f;
    // Portrait: the main action in a bar above the navigation, in reach (the keyboard's Enter
    // takes its place while typing).
    const std::optional<ScreenAction> action = !landscape && target == nullptr ? screen.action(ctx) : std::nullopt;
    ctx.action_bar = action.has_value();
    const float action_h = action ? kMinTargetEm * em + 1.2f * em : 0.0f;
    const float body_h = std::max(1.0f, ImGui::GetContentRegionAvail().y - nav_h - keyboard_h - action_h);
    const float body_top = ImGui::GetCursorScreenPos().y;
    if (screen.scrolls_itself()) {
      ImGui::BeginChild(route_key(route).c_str(), ImVec2(display.x, body_h), false,
                        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
      screen.draw(ctx);
      ImGui::EndChild();
    } else {
      ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.0f * em, 0.8f * em));
      ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.4f * em));
      const std::string key = route_key(route);
      scroll_.begin(key.c_str(), ImVec2(display.x, body_h), em, ImGuiWindowFlags_AlwaysUseWindowPadding);
      // Portrait: a page shorter than its room stands at the bottom, near the hands (measured
      // last frame; the first frame of a page is drawn from the top).
      const bool align_bottom = !landscape && target == nullptr && short_page_.first == key && short_page_.second < body_h;
      if (align_bottom) ImGui::Dummy(ImVec2(0, body_h - short_page_.second));
      const float content_top = ImGui::GetCursorPosY();
      screen.draw(ctx);
      ImGui::Dummy(ImVec2(0, 0.8f * em));
      short_page_ = {key, ImGui::GetCursorPosY() - content_top + 2 * ImGui::GetStyle().WindowPadding.y};
      reveal_focused_field();
      scroll_.end();
      ImGui::PopStyleVar(2);
    }
    if (target) draw_keyboard(ui, body_top + body_h, keyboard_h, *target, mode);
    if (action) draw_action_bar(ctx, *action, body_top + body_h, action_h);
    if (bar) draw_navigation(ui, nav_h, two_rows);
  }
  ImGui::End();
  const std::string screen_key = std::string(screen_name(route.screen)) + ":" + route.item;
  if (visit_.asking_still_there(now)) draw_still_there(ui, now);
  else if (visit_.asking_to_discard()) draw_leave_form(ui);
  speech_.draw_focus(automation_.widgets(), em);
  speech_.after_frame(screen_key, automation_.widgets(), now);
  if (const std::string id = speech_.reader().take_reveal(); !id.empty())
    if (const WidgetRecord* w = automation_.find(id)) scroll_.request_reveal(w->rect);
  follow_page_scroll();

  visit_.apply(intents_, now);
  intents_.clear();
  forget_what_the_visit_left();
}

// The reader hears whether the page moved a frame after the scroll was applied, when the tree
// shows the new position (ImGui applies a scroll at the next frame's layout).
void KioskUi::follow_page_scroll() {
  if (page_moved_) speech_.reader().scrolled(*std::exchange(page_moved_, std::nullopt), automation_.widgets());
  if (const auto moved = scroll_.take_page_result()) page_moved_ = moved;
  if (const auto r = speech_.reader().take_scroll()) scroll_.request_page(r->x, r->y, r->direction);
}

// The visit moved on (ended, a new field, new chips): what the drawing side kept goes too.
void KioskUi::forget_what_the_visit_left() {
  const Visit::Resets r = visit_.take_resets();
  if (r.keyboard) {
    keyboard_.reset();
    reveal_pending_ = true;  // a new field: bring it above the keyboard
  }
  if (r.scroll) scroll_.reset();
  if (r.attract) {
    attract_->restart(last_now_);
    speech_.reader().end_visit();  // speech off, volume back: the next visitor starts as everyone does
  }
}

// The field the visitor types into stays above the keyboard: when the focus moves to a field
// (or the keyboard takes its room) the body scrolls until the whole field shows.
void KioskUi::reveal_focused_field() {
  if (!reveal_pending_ || !visit_.typing()) return;
  const WidgetRecord* field = automation_.find(visit_.focus());
  if (field == nullptr) return;
  scroll_.reveal(field->rect.y, field->rect.y + field->rect.h);
  reveal_pending_ = false;
}

void KioskUi::draw_action_bar(const ScreenContext& ctx, const ScreenAction& action, float top, float height) {
  const float em = ctx.em();
  const float width = ImGui::GetIO().DisplaySize.x;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, top), ImVec2(width, top + height), ctx.ui.palette.surface);
  dl->AddLine(ImVec2(0, top), ImVec2(width, top), ctx.ui.palette.border, std::max(1.0f, 0.06f * em));
  ImGui::SetCursorScreenPos(ImVec2(0.8f * em, top + 0.6f * em));
  ImGui::PushItemWidth(width - 1.6f * em);
  ImGui::BeginGroup();
  ImGui::BeginChild("##action", ImVec2(width - 1.6f * em, kMinTargetEm * em), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  main_action(ctx, action);
  ImGui::EndChild();
  ImGui::EndGroup();
  ImGui::PopItemWidth();
}

// Reach mode: the page begins half way down; above it only a note of what happened.
void KioskUi::draw_reach_gap(const UiContext& ui) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float em = ui.em();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float lower = display.y * 0.5f;
  if (p.y >= lower) return;
  ImFont* font = ui.fonts.body;
  const std::string note = std::string(icon::kWheelchair) + "  " + std::string(t("a11y.reach_note"));
  const float wrap = display.x - 3.2f * em;
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, note.c_str());
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(1.6f * em, std::max(p.y + em, lower - size.y - 1.0f * em)),
                                      ui.palette.text_muted, note.c_str(), nullptr, wrap);
  ImGui::SetCursorScreenPos(ImVec2(p.x, lower));
}

void KioskUi::draw_sample_notice(const UiContext& ui) {
  const float em = ui.em();
  const float width = ImGui::GetIO().DisplaySize.x;
  ImFont* font = ui.fonts.small;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const std::string_view notice = t("app.sample_data");
  const float wrap = width - 1.6f * em;
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, notice.data(), notice.data() + notice.size());
  const float h = size.y + 0.6f * em;
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), ui.palette.notice);
  dl->AddText(font, font->FontSize, ImVec2(p.x + 0.8f * em, p.y + 0.3f * em), ui.palette.on_notice, notice.data(),
              notice.data() + notice.size(), wrap);
  ImGui::Dummy(ImVec2(width, h));
}

void KioskUi::consume_typed_keys() {
  // A hardware keyboard (a developer's, or `type` steps of a script) types like the OSK.
  ImGuiIO& io = ImGui::GetIO();
  KeyboardMode mode;
  VisitorText* target = visit_.focused_field(mode);
  if (target == nullptr) return;
  bool changed = false;
  for (ImWchar c : io.InputQueueCharacters) {
    if (c < 0x20) continue;
    char buf[5] = {};
    ImTextCharToUtf8(buf, c);
    changed |= target->append(buf);
  }
  io.InputQueueCharacters.resize(0);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) {
    target->backspace();
    changed = true;
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) intents_.push_back(Intent::of(Intent::Kind::NextField));
  if (changed) visit_.typed();
}

// The bar's first row: the way back, home and the display switches, each a pictogram over a
// short label, like a phone's tab bar (the labels fit in every language, in large text too).
std::vector<KioskUi::Tool> KioskUi::tools() const {
  const VisitorSession& s = visit_.session();
  return {{"nav.back", icon::kBack, t("nav.back"), false, visit_.can_go_back(), Intent::Kind::Back},
          {"nav.home", icon::kHome, t("nav.home"), false, true, Intent::Kind::Home},
          {"a11y.large_text", icon::kTextSize, t("a11y.large_text"), s.large_text, true, Intent::Kind::ToggleLargeText},
          {"a11y.contrast", icon::kContrast, t("a11y.contrast"), s.high_contrast, true, Intent::Kind::ToggleContrast},
          {"a11y.reach", icon::kWheelchair, t("a11y.reach"), s.reach_mode, true, Intent::Kind::ToggleReach}};
}

// One row where tools and languages fit at their natural width (landscape), else two: the
// tools above, the languages below.
float KioskUi::navigation_height(const UiContext& ui, bool& two_rows) const {
  const float em = ui.em();
  const float inner = ImGui::GetIO().DisplaySize.x - 1.6f * em;
  const float gap = 0.5f * em;
  float needed = 1.0f * em;
  for (const Tool& tool : tools()) needed += icon_button_width(ui, tool.icon, tool.label) + gap;
  for (Lang l : kAllLangs) needed += button_width(ui, visit_.content().language_name(l)) + gap;
  two_rows = needed > inner;
  const float row = kMinTargetEm * em;
  return (two_rows ? 2 * row + 0.5f * em : row) + 1.2f * em;
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
  ImGui::SetCursorScreenPos(ImVec2(margin, top + 0.6f * em));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));

  const float inner = display.x - 2 * margin;
  const std::vector<Tool> row = tools();
  const float equal_w = (inner - gap * static_cast<float>(row.size() - 1)) / static_cast<float>(row.size());
  for (size_t i = 0; i < row.size(); ++i) {
    const Tool& tool = row[i];
    if (i > 0) ImGui::SameLine();
    // Home is a way back, not the screen's action: never primary, so Register, Send or Done has no rival.
    if (icon_button(ui, tool.id, tool.icon, tool.label, ImVec2(two_rows ? equal_w : 0, 0),
                    tool.selected ? ButtonStyle::Selected : ButtonStyle::Secondary, tool.enabled))
      intents_.push_back(Intent::of(tool.intent));
    if (tool.intent != Intent::Kind::Back && tool.intent != Intent::Kind::Home) {  // on or off: said as a switch
      ui.automation.last()->role = Role::Switch;
      ui.automation.last()->selected = tool.selected;
    }
  }

  // Languages by their own names, so a visitor finds theirs without reading German.
  float lang_w = 0;
  if (two_rows) {
    ImGui::SetCursorScreenPos(ImVec2(margin, ImGui::GetCursorScreenPos().y));
    lang_w = (inner - 3 * gap) / 4;
  } else {
    ImGui::SameLine(0, gap + 1.0f * em);
    lang_w = (display.x - margin - ImGui::GetCursorScreenPos().x - 3 * gap) / 4;
  }
  for (Lang l : kAllLangs) {
    const std::string id = "lang." + std::string(lang_code(l));
    if (button(ui, id, visit_.content().language_name(l), ImVec2(lang_w, 0), l == visit_.session().lang ? ButtonStyle::Selected : ButtonStyle::Secondary))
      intents_.push_back(Intent::language(l));
    ui.automation.last()->role = Role::Switch;
    ui.automation.last()->selected = l == visit_.session().lang;
    ui.automation.last()->lang = l;  // each language's name in its own voice
    if (l != kAllLangs.back()) ImGui::SameLine();
  }
  ImGui::PopStyleVar();
}

void KioskUi::draw_keyboard(const UiContext& ui, float top, float height, VisitorText& target, KeyboardMode mode) {
  const float em = ui.em();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, top), ImVec2(display.x, top + height), ui.palette.surface_pressed);
  ImGui::SetCursorScreenPos(ImVec2(0.8f * em, top));
  ImGui::BeginGroup();
  ImGui::PushItemWidth(display.x - 1.6f * em);
  ImGui::BeginChild("##keyboard", ImVec2(display.x - 1.6f * em, height), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const Visit::EnterKey enter = visit_.enter_key();
  const std::string_view enter_label = t(enter == Visit::EnterKey::Next   ? "osk.next"
                                         : enter == Visit::EnterKey::Send ? "osk.send"
                                                                          : "osk.enter");
  const size_t first_key = automation_.widgets().size();
  const auto r = keyboard_.draw(ui, target, mode, visit_.session().lang, t("osk.space"), enter_label);
  name_keys(first_key);
  ImGui::EndChild();
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  if (r == OnScreenKeyboard::Result::Changed) visit_.typed();
  if (r == OnScreenKeyboard::Result::Enter) intents_.push_back(Intent::of(Intent::Kind::NextField));
  if (r == OnScreenKeyboard::Result::Hide) intents_.push_back(Intent::of(Intent::Kind::EndTyping));
}

void KioskUi::name_keys(size_t first_key) {
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"osk.backspace", "osk.backspace_name"}, {"osk.shift", "osk.shift_name"}, {"osk.hide", "osk.hide_name"}};
  for (size_t i = first_key; i < automation_.widgets().size(); ++i) {
    WidgetRecord& w = automation_.at(i);
    w.role = Role::Key;
    for (const auto& [id, key] : kWords)
      if (w.id == id) w.label = std::string(t(key));
  }
}

void KioskUi::draw_still_there(const UiContext& ui, double now) {
  const std::string explain = fill(t("idle.explain"), std::to_string(visit_.seconds_left(now)));
  if (modal_question(ui, "##still_there", t("idle.question"), explain,
                     {{"idle.continue", t("idle.continue"), ButtonStyle::Primary}}) == 0)
    intents_.push_back(Intent::of(Intent::Kind::StillHere));
}

void KioskUi::draw_leave_form(const UiContext& ui) {
  const int answer = modal_question(ui, "##leave_form", t("form.leave_question"), t("form.leave_explain"),
                                    {{"form.keep_editing", t("form.keep_editing"), ButtonStyle::Primary},
                                     {"form.discard", t("form.discard"), ButtonStyle::Secondary}});
  if (answer == 0) intents_.push_back(Intent::of(Intent::Kind::KeepEditing));
  if (answer == 1) intents_.push_back(Intent::of(Intent::Kind::DiscardForm));
}

}  // namespace kiosk::ui
