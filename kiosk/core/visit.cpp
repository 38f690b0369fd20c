#include "kiosk/core/visit.hpp"

#include <algorithm>
#include <cmath>

#include "kiosk/core/pin_lockout.hpp"
#include "kiosk/core/registration_form.hpp"

namespace kiosk {

Visit::Visit(SnapshotPtr content, VisitOptions options)
    : content_(std::move(content)), options_(options), idle_(options.idle_timeout_s, options.idle_warning_s) {
  nav_.attract();
  session_.reach_mode = options_.reach_mode;
}

void Visit::set_content(SnapshotPtr content) {
  content_ = std::move(content);
  ++session_.generation;
}

void Visit::end(double now) {
  last_now_ = now;
  leave_pending_.reset();
  ++number_;
  session_.wipe();
  session_.reach_mode = options_.reach_mode;
  staff_.wipe();
  idle_.set_timeout(options_.idle_timeout_s);
  focus_.clear();
  resets_ = {true, true, true};
  nav_.attract();
}

void Visit::tick(double now, bool visitor_active) {
  last_now_ = now;
  const bool attract = screen() == ScreenId::Attract;
  if (visitor_active) idle_.touch(now);
  if (!attract && idle_.phase(now) == IdleTimer::Phase::Expired) end(now);
  // After a registration the form is already wiped; the thank-you screen ends the visit soon.
  if (screen() == ScreenId::ThankYou && now >= thanks_until_) end(now);
  // The outbox counts on the staff screen are gathered anew every few seconds while it shows.
  if (screen() == ScreenId::Staff && console_ != nullptr && now - staff_refreshed_at_ >= options_.staff_refresh_s) {
    console_->refresh();
    staff_refreshed_at_ = now;
  }
}

bool Visit::asking_still_there(double now) const {
  return screen() != ScreenId::Attract && idle_.phase(now) == IdleTimer::Phase::Warning;
}

double Visit::next_deadline(double now) const {
  const double idle = idle_.next_deadline(now);
  if (screen() == ScreenId::Attract) return 1e300;  // the attract loop has its own rhythm
  if (screen() == ScreenId::ThankYou) return std::min(thanks_until_, idle);
  // The staff screen's uptime and the pad's lock countdown change every second.
  if (screen() == ScreenId::Staff || (screen() == ScreenId::StaffPin && now < staff_.locked_until))
    return std::min(std::floor(now) + 1.0, idle);
  return idle;
}

void Visit::open(Route route) { apply(Intent::open(route.screen, std::move(route.item)), last_now_); }

namespace {
// The register form's text fields in the order they stand on the screen, each with its
// keyboard and its buffer in the form.
struct FormField {
  std::string_view id;
  KeyboardMode mode;
  VisitorText RegistrationForm::*text;
};
constexpr FormField kFormFields[] = {{"form.first_name", KeyboardMode::Text, &RegistrationForm::first_name},
                                     {"form.last_name", KeyboardMode::Text, &RegistrationForm::last_name},
                                     {"form.email", KeyboardMode::Email, &RegistrationForm::email},
                                     {"form.phone", KeyboardMode::Phone, &RegistrationForm::phone},
                                     {"form.message", KeyboardMode::Text, &RegistrationForm::message}};

// The index of `id` in kFormFields, or -1.
int form_position(std::string_view id) {
  for (size_t i = 0; i < std::size(kFormFields); ++i)
    if (kFormFields[i].id == id) return static_cast<int>(i);
  return -1;
}
}  // namespace

VisitorText* Visit::field(std::string_view id, KeyboardMode& mode) {
  mode = KeyboardMode::Text;
  if (id == "offers.search") return &session_.search;
  const int at = form_position(id);
  if (at < 0) return nullptr;
  mode = kFormFields[at].mode;
  return &(session_.form.*kFormFields[at].text);
}

Visit::EnterKey Visit::enter_key() const {
  const int at = form_position(focus_);
  if (at < 0) return EnterKey::Done;
  return at + 1 < static_cast<int>(std::size(kFormFields)) ? EnterKey::Next : EnterKey::Send;
}

// Would this intent take the visitor off a register form that holds typed text?
bool Visit::leaves_typed_form(const Intent& i) const {
  if (screen() != ScreenId::Register || !session_.form.has_typed_text()) return false;
  switch (i.kind) {
    // The privacy notice belongs to the form (read, then back to it): no question on the way.
    case Intent::Kind::Open:
      return i.route.screen != ScreenId::Privacy && (i.route.screen != ScreenId::Register || i.route.item != route().item);
    case Intent::Kind::Back:
    case Intent::Kind::Home:
    case Intent::Kind::StartVisit:
    case Intent::Kind::FinishVisit:
    case Intent::Kind::StaffEntry: return true;
    default: return false;
  }
}

void Visit::apply(const std::vector<Intent>& intents, double now) {
  last_now_ = now;
  for (const Intent& i : intents) {
    // A form with typed text is never left behind for the next visitor: leaving asks first.
    if (leaves_typed_form(i)) {
      leave_pending_ = i;
      focus_.clear();
      continue;
    }
    apply_one(i, now);
  }
  after_move();
}

// What holds whichever way the visitor moved.
void Visit::after_move() {
  // Staff mode lasts while its screen is shown; any way out closes it.
  if (screen() != ScreenId::Staff) staff_.unlocked = false;
  if (screen() != ScreenId::StaffPin && !staff_.checking) staff_.pin.wipe();
  // The keyboard belongs to a field of the current screen; leaving it puts the keyboard away.
  if ((screen() != ScreenId::Offers && focus_ == "offers.search") || (screen() != ScreenId::Register && focus_.rfind("form.", 0) == 0))
    focus_.clear();
}

void Visit::apply_one(const Intent& i, double now) {
  switch (i.kind) {
    case Intent::Kind::KeepEditing: leave_pending_.reset(); break;
    case Intent::Kind::DiscardForm:
      session_.form.wipe();
      session_.form_checked = session_.form_save_failed = session_.form_sending = false;
      if (leave_pending_) {
        const Intent then = *leave_pending_;
        leave_pending_.reset();
        apply_one(then, now);
      }
      break;
    case Intent::Kind::Open: {
      Route r = i.route;
      if (r.screen == ScreenId::Attract) return end(now);
      if (r.screen == ScreenId::ThankYou) thanks_until_ = now + options_.thank_you_s;
      if (r.screen == ScreenId::Staff && !staff_.unlocked) r = {ScreenId::StaffPin, {}};  // only with the PIN
      nav_.open(std::move(r));
      break;
    }
    case Intent::Kind::Back: nav_.back(); break;
    case Intent::Kind::Home: nav_.home(); break;
    case Intent::Kind::SetLanguage:
      session_.lang = i.lang;
      session_.other_fallback = false;  // the new language has its own chain
      break;
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
      resets_.scroll = true;  // the chips appear at the top of the list: show them
      break;
    case Intent::Kind::ClearFilters:
      session_.filter.clear();
      session_.search.wipe();
      ++session_.generation;
      break;
    case Intent::Kind::Focus:
      focus_ = i.value;
      resets_.keyboard = true;
      break;
    case Intent::Kind::EndTyping: focus_.clear(); break;
    case Intent::Kind::NextField:
      switch (enter_key()) {
        case EnterKey::Done: focus_.clear(); break;
        case EnterKey::Next:
          focus_ = kFormFields[form_position(focus_) + 1].id;
          resets_.keyboard = true;
          break;
        case EnterKey::Send: submit_registration(); break;  // puts the keyboard away too
      }
      break;
    case Intent::Kind::ToggleLargeText: session_.large_text = !session_.large_text; break;
    case Intent::Kind::ToggleContrast: session_.high_contrast = !session_.high_contrast; break;
    case Intent::Kind::ToggleReach: session_.reach_mode = !session_.reach_mode; break;
    case Intent::Kind::ToggleOtherFallback:
      session_.other_fallback = !session_.other_fallback;
      ++session_.generation;  // lists show other titles
      break;
    case Intent::Kind::StillHere: idle_.touch(now); break;
    case Intent::Kind::ToggleConsent: session_.form.consent = !session_.form.consent; break;
    case Intent::Kind::ToggleAgeConfirmed: session_.form.age_confirmed = !session_.form.age_confirmed; break;
    case Intent::Kind::SetContactTime:
      for (ContactTime t : {ContactTime::Any, ContactTime::Morning, ContactTime::Afternoon, ContactTime::Evening})
        if (contact_time_id(t) == i.value) session_.form.contact_time = t;
      break;
    case Intent::Kind::Submit: submit_registration(); break;
    case Intent::Kind::FinishVisit: end(now); break;
    case Intent::Kind::StaffEntry:
    case Intent::Kind::PinDigit:
    case Intent::Kind::PinBackspace:
    case Intent::Kind::PinSubmit:
    case Intent::Kind::StaffSyncNow:
    case Intent::Kind::ToggleAssisted:
    case Intent::Kind::EndAssisted:
    case Intent::Kind::LeaveStaff:
    case Intent::Kind::StaffPreview:
    case Intent::Kind::EndPreview: apply_staff(i, now); break;
  }
}

void Visit::submit_registration() {
  const Offer* offer = content_->find_offer(route().item);
  if (offer == nullptr || sink_ == nullptr) return;
  focus_.clear();
  session_.form_checked = true;
  if (!validate_registration(session_.form, *offer).empty()) return;  // the problems show next to the fields
  if (session_.form_sending) return;  // one submission at a time
  session_.form_sending = true;
  session_.form_save_failed = false;
  const uint64_t visit = number_;
  const std::string offer_id = offer->id;
  sink_->submit(session_.form, *offer, content_->meta.privacy_version,
                [this, visit, offer_id](bool ok) { registration_saved(ok, visit, offer_id); });
}

void Visit::registration_saved(bool ok, uint64_t visit, const std::string& offer_id) {
  // The visit ended (idle) or the form was discarded meanwhile: nothing to show any more.
  if (visit != number_ || !session_.form_sending) return;
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
  apply_one(Intent::open(ScreenId::ThankYou, offer_id), last_now_);
  after_move();
}

void Visit::set_staff_console(StaffConsole* console) {
  console_ = console;
  staff_.checking = false;  // a check the old console had queued will not be answered
}

StaffView Visit::staff_view() const {
  StaffView v;
  v.pin_digits = staff_.pin.size();
  v.checking = staff_.checking;
  v.unlocked = staff_.unlocked;
  v.wrong = staff_.wrong;
  v.sync_requested = staff_.sync_requested;
  v.assisted = staff_.assisted;
  v.preview_loading = staff_.preview_loading;
  v.preview = staff_.preview;
  v.preview_version = staff_.preview_version;
  v.preview_error = staff_.preview_error;
  v.attempts_left = staff_.attempts_left;
  v.locked_until = staff_.locked_until;
  v.console = console_ != nullptr;
  // Asked of the console only where a staff screen shows it, not on every visitor's frame.
  if (console_ != nullptr && (screen() == ScreenId::Staff || screen() == ScreenId::StaffPin)) {
    v.pin_configured = console_->pin_configured();
    v.status = console_->status();
  }
  return v;
}

void Visit::set_idle_timeouts(double visitor_s, double assisted_s) {
  options_.idle_timeout_s = visitor_s;
  options_.assisted_idle_timeout_s = assisted_s;
  idle_.set_timeout(staff_.assisted ? assisted_s : visitor_s);
}

void Visit::set_assisted(bool on) {
  staff_.assisted = on;
  idle_.set_timeout(on ? options_.assisted_idle_timeout_s : options_.idle_timeout_s);
}

void Visit::apply_staff(const Intent& i, double now) {
  const bool locked = now < staff_.locked_until;
  switch (i.kind) {
    case Intent::Kind::StaffEntry:
      if (screen() == ScreenId::StaffPin || screen() == ScreenId::Staff) return;
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
      if (console_ == nullptr || staff_.checking || locked || staff_.pin.size() < kPinMinDigits) return;
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
    case Intent::Kind::StaffPreview:
      if (console_ == nullptr || !staff_.unlocked || staff_.preview_loading) return;
      staff_.preview_loading = true;
      staff_.preview_error.clear();
      console_->load_preview();
      return;
    case Intent::Kind::EndPreview:
      staff_.preview = false;
      nav_.home();
      return;
    default: return;
  }
}

void Visit::preview_loaded(bool ok, long version, const std::string& error) {
  if (!staff_.preview_loading) return;  // the visit ended meanwhile: no preview for the next one
  staff_.preview_loading = false;
  if (!ok) {
    staff_.preview_error = error;
    return;
  }
  // Only while staff are still on their screen: a preview never greets whoever comes next.
  if (screen() != ScreenId::Staff) return;
  staff_.preview = true;
  staff_.preview_version = version;
  staff_.unlocked = false;
  nav_.home();  // staff look at the kiosk as a visitor would
}

void Visit::pin_checked(const PinCheck& result) {
  staff_.checking = false;
  staff_.pin.wipe();
  if (screen() != ScreenId::StaffPin) return;  // the visit ended meanwhile
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

}  // namespace kiosk
