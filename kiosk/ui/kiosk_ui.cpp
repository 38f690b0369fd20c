#include "kiosk/ui/kiosk_ui.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "kiosk/core/registration_form.hpp"
#include <string>

#include "kiosk/core/offer_format.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/screens/attract_screen.hpp"
#include "kiosk/ui/screens/home_screen.hpp"
#include "kiosk/ui/screens/offer_detail_screen.hpp"
#include "kiosk/ui/screens/offers_screen.hpp"
#include "kiosk/ui/screens/register_screen.hpp"
#include "kiosk/ui/screens/staff_screens.hpp"
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

KioskUi::KioskUi(SnapshotPtr content, UiOptions options)
    : content_(std::move(content)),
      index_(std::make_shared<SearchIndex>(*content_)),
      idle_(options.idle_timeout_s, options.idle_warning_s),
      options_(options) {
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
  thank_you_s_ = options.thank_you_s;
  nav_.attract();
}

KioskUi::~KioskUi() = default;

void KioskUi::set_content(SnapshotPtr content, std::shared_ptr<const SearchIndex> index) {
  content_ = std::move(content);
  index_ = index ? std::move(index) : std::make_shared<SearchIndex>(*content_);
  ++session_.generation;
  // A detail screen whose item is gone falls back on its own (see the screens); the list
  // recomputes from the new generation.
}

void KioskUi::open(Route route) {
  if (route.screen == ScreenId::Attract) return end_visit(last_now_);
  if (route.screen == ScreenId::ThankYou) thanks_until_ = last_now_ + thank_you_s_;
  if (route.screen == ScreenId::Staff && !staff_.unlocked) route = {ScreenId::StaffPin, {}};  // only with the PIN
  nav_.open(std::move(route));
}

Screen& KioskUi::screen_for(ScreenId id) {
  for (auto& s : screens_)
    if (s->id() == id) return *s;
  return *screens_.front();
}

bool KioskUi::asking_still_there(double now) const {
  return nav_.current().screen != ScreenId::Attract && idle_.phase(now) == IdleTimer::Phase::Warning;
}

bool KioskUi::needs_frames(double now) const {
  if (ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().MouseDown[0]) return true;
  if (scroll_.coasting()) return true;
  return nav_.current().screen == ScreenId::Attract && attract_->animating(now);
}

double KioskUi::next_wake(double now) const {
  if (nav_.current().screen == ScreenId::Attract) return attract_->next_change(now);
  if (nav_.current().screen == ScreenId::ThankYou) return std::min(thanks_until_, idle_.next_deadline(now));
  // The staff screen's uptime and the pad's lock countdown change every second.
  if (nav_.current().screen == ScreenId::Staff) return std::min(std::floor(now) + 1.0, idle_.next_deadline(now));
  if (nav_.current().screen == ScreenId::StaffPin && now < staff_.locked_until)
    return std::min(std::floor(now) + 1.0, idle_.next_deadline(now));
  return idle_.next_deadline(now);
}

void KioskUi::end_visit(double now) {
  leave_pending_.reset();
  ++visit_number_;
  session_.wipe();
  staff_.wipe();
  idle_.set_timeout(options_.idle_timeout_s);
  focus_.clear();
  keyboard_.reset();
  scroll_.reset();
  nav_.attract();
  attract_->restart(now);
}

void KioskUi::draw(const FontSet& fonts, double now) {
  if (!started_) {  // the first frame starts the attract loop's clock
    attract_->restart(now);
    idle_.touch(now);
    started_ = true;
  }
  last_now_ = now;
  const bool attract = nav_.current().screen == ScreenId::Attract;
  if (visitor_active()) idle_.touch(now);
  if (!attract && idle_.phase(now) == IdleTimer::Phase::Expired) end_visit(now);
  // After a registration the form is already wiped; the thank-you screen ends the visit soon.
  if (nav_.current().screen == ScreenId::ThankYou && now >= thanks_until_) end_visit(now);
  if (!focus_.empty()) consume_typed_keys();
  // The outbox counts on the staff screen are gathered anew every few seconds while it shows.
  if (nav_.current().screen == ScreenId::Staff && console_ != nullptr && now - staff_refreshed_at_ >= 5.0) {
    console_->refresh();
    staff_refreshed_at_ = now;
  }

  automation_.begin_frame(screen_name(nav_.current().screen));
  const Palette& palette = palette_for(session_);
  const float em = fonts.em;
  apply_style(palette, em);
  UiContext ui{automation_, palette, fonts};
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const bool landscape = display.x > display.y;
  const Route route = nav_.current();
  Screen& screen = screen_for(route.screen);

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  ImGui::Begin("##kiosk", nullptr, kRootFlags | ImGuiWindowFlags_NoBackground);  // the platform clears to it
  ImGui::PopStyleVar(2);
  ScreenContext ctx{ui,     *content_, *index_,  session_, route,
                    landscape, focus_, now,  scroll_, intents_, images_, sink_ != nullptr && sink_->available(),
                    staff_,    console_};

  if (screen.full_screen()) {
    screen.draw(ctx);
  } else {
    draw_header(ui, 3.4f * em);
    if (content_->meta.sample_data) {
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const std::string_view notice = content_->text("app.sample_data", session_.lang);
      const float wrap = display.x - 1.6f * em;
      const ImVec2 size = fonts.small->CalcTextSizeA(fonts.small->FontSize, FLT_MAX, wrap, notice.data(),
                                                     notice.data() + notice.size());
      const float h = size.y + 0.6f * em;
      dl->AddRectFilled(p, ImVec2(p.x + display.x, p.y + h), palette.notice);
      dl->AddText(fonts.small, fonts.small->FontSize, ImVec2(p.x + 0.8f * em, p.y + 0.3f * em), palette.on_notice,
                  notice.data(), notice.data() + notice.size(), wrap);
      ImGui::Dummy(ImVec2(display.x, h));
    }
    bool two_rows = false;
    const float nav_h = navigation_height(ui, two_rows);
    KeyboardMode mode = KeyboardMode::Text;
    VisitorText* target = focus_.empty() ? nullptr : field_for(focus_, mode);
    const float keyboard_h = target ? keyboard_.height(ui, mode) : 0.0f;
    const float body_h = std::max(1.0f, ImGui::GetContentRegionAvail().y - nav_h - keyboard_h);
    const float body_top = ImGui::GetCursorScreenPos().y;
    if (screen.scrolls_itself()) {
      ImGui::BeginChild(route_key(route).c_str(), ImVec2(display.x, body_h), false,
                        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
      screen.draw(ctx);
      ImGui::EndChild();
    } else {
      ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.0f * em, 0.8f * em));
      ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.4f * em));
      scroll_.begin(route_key(route).c_str(), ImVec2(display.x, body_h), em, ImGuiWindowFlags_AlwaysUseWindowPadding);
      screen.draw(ctx);
      ImGui::Dummy(ImVec2(0, 0.8f * em));
      scroll_.end();
      ImGui::PopStyleVar(2);
    }
    if (target) draw_keyboard(ui, body_top + body_h, keyboard_h, *target, mode);
    draw_navigation(ui, nav_h, two_rows);
  }
  ImGui::End();
  if (asking_still_there(now)) draw_still_there(ui, now);
  else if (leave_pending_) draw_leave_form(ui);

  apply(intents_, now);
  intents_.clear();
}

VisitorText* KioskUi::field_for(std::string_view id, KeyboardMode& mode) {
  mode = KeyboardMode::Text;
  RegistrationForm& f = session_.form;
  if (id == "offers.search") return &session_.search;
  if (id == "form.first_name") return &f.first_name;
  if (id == "form.last_name") return &f.last_name;
  if (id == "form.message") return &f.message;
  if (id == "form.email") return mode = KeyboardMode::Email, &f.email;
  if (id == "form.phone") return mode = KeyboardMode::Phone, &f.phone;
  return nullptr;
}

void KioskUi::consume_typed_keys() {
  // A hardware keyboard (a developer's, or `type` steps of a script) types like the OSK.
  ImGuiIO& io = ImGui::GetIO();
  KeyboardMode mode;
  VisitorText* target = field_for(focus_, mode);
  if (target == nullptr) return;
  bool changed = false;
  for (ImWchar c : io.InputQueueCharacters) {
    if (c < 0x20) continue;
    std::string utf8;
    char buf[5] = {};
    ImTextCharToUtf8(buf, c);
    changed |= target->append(buf);
  }
  io.InputQueueCharacters.resize(0);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) {
    target->backspace();
    changed = true;
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter))) focus_.clear();
  if (changed) ++session_.generation;
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
  const std::string_view title = content_->text("app.title", session_.lang);
  const std::string_view subtitle = content_->text("app.subtitle", session_.lang);
  const float x = p.x + 1.9f * em;
  dl->AddText(ui.fonts.bold, ui.fonts.bold->FontSize, ImVec2(x, p.y + 0.55f * em), ui.palette.on_header, title.data(),
              title.data() + title.size());
  dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(x, p.y + 1.85f * em), ui.palette.on_header,
              subtitle.data(), subtitle.data() + subtitle.size());
  // The staff entry: the logo and title held for three seconds. Nothing shows it to visitors;
  // a thin bar grows under the logo once a press has lasted half a second, so staff know it works.
  const float entry_w = std::min(width * 0.6f, 16.0f * em);
  float progress = 0.0f;
  if (long_press(ui, "staff.entry", ImVec2(entry_w, height), last_now_, options_.staff_entry_s, logo_pressed_since_, progress))
    intents_.push_back(Intent::of(Intent::Kind::StaffEntry));
  if (progress * options_.staff_entry_s > 0.5)
    dl->AddRectFilled(ImVec2(p.x, p.y + height - 0.2f * em), ImVec2(p.x + entry_w * progress, p.y + height), ui.palette.primary);
  if (staff_.assisted) draw_assisted_banner(ui, p, height);
  ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + height));
}

// "Beratung": while a volunteer assists, the header says so, and tapping it ends the mode.
void KioskUi::draw_assisted_banner(const UiContext& ui, ImVec2 header_min, float height) {
  const float em = ui.em();
  const float width = ImGui::GetIO().DisplaySize.x;
  const std::string label = std::string(content_->text("assisted.banner", session_.lang)) + "   " + icon::kClose;
  ImFont* f = ui.fonts.bold;
  const float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str()).x + 2.0f * em;
  const float h = kMinTargetEm * em;
  ImGui::SetCursorScreenPos(ImVec2(header_min.x + width - w - 0.8f * em, header_min.y + (height - h) * 0.5f));
  if (button(ui, "assisted.end", label, ImVec2(w, h), ButtonStyle::Accent)) intents_.push_back(Intent::of(Intent::Kind::EndAssisted));
}

// The bar holds Back, Home, the two accessibility switches and four languages. One row where
// they fit at their natural width (landscape), else two: navigation above, languages below.
float KioskUi::navigation_height(const UiContext& ui, bool& two_rows) const {
  const float em = ui.em();
  const float inner = ImGui::GetIO().DisplaySize.x - 1.6f * em;
  ImFont* f = ui.fonts.bold;
  float needed = 0;
  auto need = [&](std::string_view s, float extra) {
    needed += f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x + 1.8f * em + extra + 0.5f * em;
  };
  need(content_->text("nav.back", session_.lang), 0.9f * em);
  need(content_->text("nav.home", session_.lang), 1.6f * em);
  needed += 2 * (kMinTargetEm + 0.5f) * em + 1.0f * em;
  for (Lang l : kAllLangs) need(content_->strings.count("lang.name") ? content_->strings.find("lang.name")->second.get(l) : "", 0);
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
  const float square = kMinTargetEm * em;  // the icon-only switches
  float nav_w = 0;
  if (two_rows) nav_w = (inner - 2 * square - 3 * gap) / 2;
  if (button(ui, "nav.back", content_->text("nav.back", session_.lang), ImVec2(nav_w, 0), ButtonStyle::Secondary,
             nav_.can_go_back(), Chevron::Left))
    intents_.push_back(Intent::of(Intent::Kind::Back));
  ImGui::SameLine();
  const std::string home = std::string(icon::kHome) + "  " + std::string(content_->text("nav.home", session_.lang));
  if (button(ui, "nav.home", home, ImVec2(nav_w, 0), ButtonStyle::Primary)) intents_.push_back(Intent::of(Intent::Kind::Home));
  ImGui::SameLine();
  if (button(ui, "a11y.large_text", icon::kTextSize, ImVec2(square, 0),
             session_.large_text ? ButtonStyle::Selected : ButtonStyle::Secondary))
    intents_.push_back(Intent::of(Intent::Kind::ToggleLargeText));
  ImGui::SameLine();
  if (button(ui, "a11y.contrast", icon::kContrast, ImVec2(square, 0),
             session_.high_contrast ? ButtonStyle::Selected : ButtonStyle::Secondary))
    intents_.push_back(Intent::of(Intent::Kind::ToggleContrast));

  // Languages by their own names, so a visitor finds theirs without reading German.
  float lang_w = 0;
  if (two_rows) {
    ImGui::SetCursorScreenPos(ImVec2(margin, ImGui::GetCursorScreenPos().y));
    lang_w = (inner - 3 * gap) / 4;
  } else {
    ImGui::SameLine(0, gap + 1.0f * em);
    lang_w = (display.x - margin - ImGui::GetCursorScreenPos().x - 3 * gap) / 4;
  }
  const auto names = content_->strings.find("lang.name");
  for (Lang l : kAllLangs) {
    const std::string id = "lang." + std::string(lang_code(l));
    const std::string name = names != content_->strings.end() ? names->second.get(l) : std::string(lang_code(l));
    if (button(ui, id, name, ImVec2(lang_w, 0), l == session_.lang ? ButtonStyle::Selected : ButtonStyle::Secondary))
      intents_.push_back(Intent::language(l));
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
  const auto r = keyboard_.draw(ui, target, mode, content_->text("osk.space", session_.lang),
                                content_->text("osk.enter", session_.lang));
  ImGui::EndChild();
  ImGui::PopItemWidth();
  ImGui::EndGroup();
  if (r == OnScreenKeyboard::Result::Changed) ++session_.generation;
  if (r == OnScreenKeyboard::Result::Enter || r == OnScreenKeyboard::Result::Hide)
    intents_.push_back(Intent::of(Intent::Kind::EndTyping));
}

void KioskUi::draw_still_there(const UiContext& ui, double now) {
  const std::string explain = fill(content_->text("idle.explain", session_.lang), std::to_string(idle_.seconds_left(now)));
  if (modal_question(ui, "##still_there", content_->text("idle.question", session_.lang), explain,
                     {{"idle.continue", content_->text("idle.continue", session_.lang), ButtonStyle::Primary}}) == 0)
    intents_.push_back(Intent::of(Intent::Kind::StillHere));
}

void KioskUi::draw_leave_form(const UiContext& ui) {
  const auto t = [&](const char* key) { return content_->text(key, session_.lang); };
  const int answer = modal_question(ui, "##leave_form", t("form.leave_question"), t("form.leave_explain"),
                                    {{"form.keep_editing", t("form.keep_editing"), ButtonStyle::Primary},
                                     {"form.discard", t("form.discard"), ButtonStyle::Secondary}});
  if (answer == 0) intents_.push_back(Intent::of(Intent::Kind::KeepEditing));
  if (answer == 1) intents_.push_back(Intent::of(Intent::Kind::DiscardForm));
}

// Would this intent take the visitor off a register form that holds typed text?
bool KioskUi::leaves_typed_form(const Intent& i) const {
  if (nav_.current().screen != ScreenId::Register || !session_.form.has_typed_text()) return false;
  switch (i.kind) {
    // The privacy notice belongs to the form (read, then back to it): no question on the way.
    case Intent::Kind::Open:
      return i.route.screen != ScreenId::Privacy && (i.route.screen != ScreenId::Register || i.route.item != nav_.current().item);
    case Intent::Kind::Back:
    case Intent::Kind::Home:
    case Intent::Kind::StartVisit:
    case Intent::Kind::FinishVisit:
    case Intent::Kind::StaffEntry: return true;
    default: return false;
  }
}

void KioskUi::submit_registration() {
  const Offer* offer = content_->find_offer(nav_.current().item);
  if (offer == nullptr || sink_ == nullptr) return;
  focus_.clear();
  session_.form_checked = true;
  if (!validate_registration(session_.form, *offer).empty()) return;  // the problems show next to the fields
  if (session_.form_sending) return;  // one submission at a time
  session_.form_sending = true;
  session_.form_save_failed = false;
  const uint64_t visit = visit_number_;
  const std::string offer_id = offer->id;
  sink_->submit(session_.form, *offer, content_->meta.privacy_version,
                [this, visit, offer_id](bool ok) { registration_saved(ok, visit, offer_id); });
}

void KioskUi::registration_saved(bool ok, uint64_t visit, const std::string& offer_id) {
  // The visit ended (idle) or the form was discarded meanwhile: nothing to show any more.
  if (visit != visit_number_ || !session_.form_sending) return;
  session_.form_sending = false;
  if (!ok) {
    session_.form_save_failed = true;  // kept on screen; the visitor goes to the counter
    return;
  }
  // Committed and sealed: nothing of it needs to stay in memory.
  session_.form.wipe();
  session_.form_checked = session_.form_save_failed = false;
  leave_pending_.reset();
  nav_.home();  // "back" from the thank-you screen must not lead to the emptied form
  nav_.open({ScreenId::ThankYou, offer_id});
  thanks_until_ = last_now_ + thank_you_s_;
}

void KioskUi::set_idle_timeouts(double visitor_s, double assisted_s) {
  options_.idle_timeout_s = visitor_s;
  options_.assisted_idle_timeout_s = assisted_s;
  idle_.set_timeout(staff_.assisted ? assisted_s : visitor_s);
}

void KioskUi::set_assisted(bool on) {
  staff_.assisted = on;
  idle_.set_timeout(on ? options_.assisted_idle_timeout_s : options_.idle_timeout_s);
}

void KioskUi::apply_staff(const Intent& i, double now) {
  const bool locked = now < staff_.locked_until;
  switch (i.kind) {
    case Intent::Kind::StaffEntry:
      if (nav_.current().screen == ScreenId::StaffPin || nav_.current().screen == ScreenId::Staff) return;
      staff_.pin.wipe();
      staff_.wrong = false;
      focus_.clear();
      if (console_ != nullptr) staff_.locked_until = std::max(staff_.locked_until, now + static_cast<double>(console_->locked_for_s()));
      nav_.open({ScreenId::StaffPin, {}});
      return;
    case Intent::Kind::PinDigit:
      if (!staff_.checking && !locked) staff_.pin.append(i.value);
      return;
    case Intent::Kind::PinBackspace: staff_.pin.backspace(); return;
    case Intent::Kind::PinSubmit:
      if (console_ == nullptr || staff_.checking || locked || staff_.pin.size() < 4) return;
      staff_.checking = true;
      staff_.wrong = false;
      console_->check_pin(std::string(staff_.pin.view()));
      staff_.pin.wipe();
      return;
    case Intent::Kind::StaffSyncNow:
      if (console_ == nullptr || !staff_.unlocked) return;
      console_->sync_now();
      staff_.sync_requested = true;
      return;
    case Intent::Kind::ToggleAssisted:
      if (!staff_.unlocked) return;
      set_assisted(!staff_.assisted);
      if (staff_.assisted) nav_.home();  // the volunteer turns to the visitor
      return;
    case Intent::Kind::EndAssisted: set_assisted(false); return;
    case Intent::Kind::LeaveStaff:
      staff_.unlocked = false;
      nav_.home();
      return;
    default: return;
  }
}

void KioskUi::pin_checked(const PinCheck& result) {
  staff_.checking = false;
  staff_.pin.wipe();
  if (nav_.current().screen != ScreenId::StaffPin) return;  // the visit ended meanwhile
  if (result.ok) {
    staff_.unlocked = true;
    staff_.wrong = false;
    staff_.sync_requested = false;
    nav_.back();  // the pad is not a step to return to
    nav_.open({ScreenId::Staff, {}});
    if (console_ != nullptr) console_->refresh();
    return;
  }
  staff_.wrong = true;
  staff_.attempts_left = result.attempts_left;
  if (result.locked_for_s > 0) staff_.locked_until = last_now_ + static_cast<double>(result.locked_for_s);
}

void KioskUi::apply(const std::vector<Intent>& intents, double now) {
  for (const Intent& i : intents) {
    // A form with typed text is never left behind for the next visitor: leaving asks first.
    if (leaves_typed_form(i)) {
      leave_pending_ = i;
      focus_.clear();
      continue;
    }
    switch (i.kind) {
      case Intent::Kind::KeepEditing: leave_pending_.reset(); break;
      case Intent::Kind::DiscardForm:
        session_.form.wipe();
        session_.form_checked = session_.form_save_failed = session_.form_sending = false;
        if (leave_pending_) {
          const Intent then = *leave_pending_;
          leave_pending_.reset();
          apply({then}, now);
        }
        break;
      case Intent::Kind::Open: nav_.open(i.route); break;
      case Intent::Kind::Back: nav_.back(); break;
      case Intent::Kind::Home: nav_.home(); break;
      case Intent::Kind::SetLanguage: session_.lang = i.lang; break;
      case Intent::Kind::StartVisit:
        nav_.home();
        idle_.touch(now);
        break;
      case Intent::Kind::ToggleFilter:
        if (i.group) session_.filter.toggle(*i.group, i.value);
        ++session_.generation;
        break;
      case Intent::Kind::ShowFilterGroup:
        session_.open_group = i.group;
        scroll_.reset();  // the chips appear at the top of the list: show them
        break;
      case Intent::Kind::ClearFilters:
        session_.filter.clear();
        session_.search.wipe();
        ++session_.generation;
        break;
      case Intent::Kind::Focus:
        focus_ = i.value;
        keyboard_.reset();
        break;
      case Intent::Kind::EndTyping: focus_.clear(); break;
      case Intent::Kind::ToggleLargeText: session_.large_text = !session_.large_text; break;
      case Intent::Kind::ToggleContrast: session_.high_contrast = !session_.high_contrast; break;
      case Intent::Kind::StillHere: idle_.touch(now); break;
      case Intent::Kind::ToggleConsent: session_.form.consent = !session_.form.consent; break;
      case Intent::Kind::ToggleAgeConfirmed: session_.form.age_confirmed = !session_.form.age_confirmed; break;
      case Intent::Kind::SetContactTime:
        for (ContactTime t : {ContactTime::Any, ContactTime::Morning, ContactTime::Afternoon, ContactTime::Evening})
          if (contact_time_id(t) == i.value) session_.form.contact_time = t;
        break;
      case Intent::Kind::Submit: submit_registration(); break;
      case Intent::Kind::FinishVisit: end_visit(now); break;
      case Intent::Kind::StaffEntry:
      case Intent::Kind::PinDigit:
      case Intent::Kind::PinBackspace:
      case Intent::Kind::PinSubmit:
      case Intent::Kind::StaffSyncNow:
      case Intent::Kind::ToggleAssisted:
      case Intent::Kind::EndAssisted:
      case Intent::Kind::LeaveStaff: apply_staff(i, now); break;
    }
  }
  // Staff mode lasts while its screen is shown; any way out closes it.
  if (nav_.current().screen != ScreenId::Staff) staff_.unlocked = false;
  if (nav_.current().screen != ScreenId::StaffPin && !staff_.checking) staff_.pin.wipe();
  // The keyboard belongs to a field of the current screen; leaving it puts the keyboard away.
  const ScreenId now_on = nav_.current().screen;
  if ((now_on != ScreenId::Offers && focus_ == "offers.search") || (now_on != ScreenId::Register && focus_.rfind("form.", 0) == 0))
    focus_.clear();
}

}  // namespace kiosk::ui
