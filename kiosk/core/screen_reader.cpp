#include "kiosk/core/screen_reader.hpp"

#include "kiosk/core/offer_format.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiosk {
namespace {

// What the finger is on: the last widget drawn there wins (a dialog over the page, a chip
// over its row); hidden parts of scrolled-away widgets never count.
// Something to say: a label, or a personal field (said by its length).
bool speakable(const WidgetRecord& w) { return !w.label.empty() || w.personal; }

const WidgetRecord* hit(const std::vector<WidgetRecord>& tree, float x, float y) {
  for (auto it = tree.rbegin(); it != tree.rend(); ++it)
    if (it->is_visible() && it->visible.contains(x, y) && speakable(*it)) return &*it;
  return nullptr;
}

const WidgetRecord* find(const std::vector<WidgetRecord>& tree, std::string_view id) {
  for (const WidgetRecord& w : tree)
    if (w.id == id) return &w;
  return nullptr;
}

}  // namespace

void ScreenReader::set_context(const ReaderWords* words, PrivateText private_text) {
  words_ = words;
  private_text_ = std::move(private_text);
  if (announce_pending_ && words_ != nullptr) {  // turned on before the first frame (--speech)
    announce_pending_ = false;
    say_word(on_ ? "a11y.speech_on" : "a11y.speech_off");
  }
}

void ScreenReader::say(Utterance u) {
  if (u.empty()) return;
  last_ = u;
  commands_.push_back({SpeechCommand::Kind::Say, std::move(u), volume_});
}

void ScreenReader::say_word(std::string_view key) {
  if (words_ == nullptr) return;
  Utterance u;
  u.add(words_->word(key), words_->lang());
  say(std::move(u));
}

void ScreenReader::stop() { commands_.push_back({SpeechCommand::Kind::Stop, {}, volume_}); }

void ScreenReader::set_on(bool on) {
  stop();
  on_ = on;
  tap_.reset();
  if (words_ == nullptr) announce_pending_ = true;
  else say_word(on ? "a11y.speech_on" : "a11y.speech_off");
}

void ScreenReader::speak_widget(const WidgetRecord& w) {
  if (words_ == nullptr) return;
  std::optional<std::string> typed;
  if (w.personal && options_.headphones && private_text_) typed = private_text_(w.id);
  stop();  // the newest thing touched is what the visitor wants to hear
  say(describe(w, *words_, typed ? &*typed : nullptr));
}

void ScreenReader::explore(float x, float y, const std::vector<WidgetRecord>& tree, bool again) {
  const WidgetRecord* w = hit(tree, x, y);
  if (w == nullptr || (!again && w->id == focus_)) return;
  focus_ = w->id;
  speak_widget(*w);
}

PointerOut ScreenReader::pointer(const TouchSample& raw, double now, const std::vector<WidgetRecord>& tree,
                                 const WidgetRect& toggle_area, float em) {
  PointerOut out{raw.x, raw.y, raw.down, false};
  if (raw.down && !down_) {  // a finger arrives
    // The second tap of a double tap keeps the focus the first one found, and says nothing.
    const bool second_tap = tap_ && now - tap_->at <= options_.double_tap_s;
    g_ = Gesture{raw.x, raw.y, raw.x, raw.y, 0.0f, now, toggle_area.contains(raw.x, raw.y), false,
                 second_tap ? tap_->anchor : focus_, second_tap};
    if (on_) stop();  // any touch silences speech at once (5.1.3.4)
  }
  if (raw.down) {
    g_.x = raw.x;
    g_.y = raw.y;
    g_.moved = std::max(g_.moved, std::hypot(raw.x - g_.x0, raw.y - g_.y0));
    if (g_.toggle && g_.moved > 1.0f * em) g_.toggle = false;  // the press must stay on the mark
    if (g_.toggle && !g_.swallowed && now - g_.t0 >= options_.toggle_hold_s) {
      g_.swallowed = true;
      set_on(!on_);
    }
    // Explored at once, so a touch is heard within a frame; a flick or a double tap that follows
    // goes on from the focus before it (the anchor), so what this touch said does not matter then.
    if (on_ && !g_.swallowed && !g_.second_tap) explore(raw.x, raw.y, tree, !down_);  // a new touch says it again
  } else if (down_) {
    finger_up(now, em, tree);
  }
  const bool was_swallowed = g_.swallowed;
  down_ = raw.down;
  if (!synth_.empty()) {
    out = synth_.front();
    synth_.pop_front();
    return out;
  }
  // With speech on ImGui never sees the finger itself; a toggle's press is taken away from the
  // button under it (Zurück), which would otherwise fire when the finger lifts.
  if (on_ || was_swallowed) return PointerOut{0, 0, false, true};
  return out;
}

void ScreenReader::finger_up(double now, float em, const std::vector<WidgetRecord>& tree) {
  if (!on_ || g_.swallowed) return;
  const double duration = now - g_.t0;
  const float dx = g_.x - g_.x0, dy = g_.y - g_.y0;
  if (duration <= options_.flick_max_s && std::hypot(dx, dy) >= 1.5f * em) {
    show_focus_ = true;
    if (std::fabs(dx) >= std::fabs(dy)) move_focus(dx > 0 ? 1 : -1, g_.anchor, tree);
    else scroll_ = ScrollRequest{g_.x0, g_.y0, dy < 0 ? 1 : -1};  // a page, or the volume (scrolled())
    return;
  }
  if (duration > options_.tap_max_s || g_.moved > 0.6f * em) {  // a rest or a slide: it explored
    tap_.reset();
    return;
  }
  if (g_.second_tap) {  // double tap: what was in focus before the first tap is activated
    tap_.reset();
    focus_ = g_.anchor;
    activate(tree);
    return;
  }
  tap_ = PendingTap{now, g_.anchor};
}

void ScreenReader::activate(const std::vector<WidgetRecord>& tree) {
  const WidgetRecord* w = find(tree, focus_);
  if (w == nullptr) return;
  if (!w->interactive || !w->enabled || !w->is_visible()) {
    speak_widget(*w);  // text is read again; a disabled button says so
    return;
  }
  const float x = w->visible.center_x(), y = w->visible.center_y();
  // A tap as Dear ImGui 1.86 needs it: arrive, press, release, leave, one frame each.
  synth_ = {{x, y, false, false}, {x, y, true, false}, {x, y, false, false}, {0, 0, false, true}};
}

void ScreenReader::move_focus(int direction, const std::string& from, const std::vector<WidgetRecord>& tree) {
  if (tree.empty()) return;
  // Speech reads everything in order; without speech, a keypad visits what can be used.
  const auto eligible = [&](const WidgetRecord& w) { return speakable(w) && (on_ || (w.interactive && w.enabled)); };
  const auto n = static_cast<long>(tree.size());
  long at = -1;
  for (long i = 0; i < n; ++i)
    if (tree[static_cast<size_t>(i)].id == from) at = i;
  long i = at;
  for (long step = 0; step < n; ++step) {
    i = at < 0 && step == 0 ? (direction > 0 ? 0 : n - 1) : (i + direction + n) % n;
    const WidgetRecord& w = tree[static_cast<size_t>(i)];
    if (eligible(w)) {
      focus_ = w.id;
      reveal_ = w.id;
      if (on_) speak_widget(w);
      return;
    }
  }
}

void ScreenReader::scrolled(bool moved, const std::vector<WidgetRecord>& tree) {
  const std::optional<ScrollRequest> r = std::exchange(asked_, std::nullopt);
  if (!r) return;
  // Nothing scrolls there (or it is at its end): up and down set the volume instead.
  if (!moved) return change_volume(r->direction * 10);
  // The list's position is an alert and says itself; elsewhere, what is now under the finger.
  for (const WidgetRecord& w : tree)
    if (w.role == Role::Alert && w.id.size() > 9 && w.id.compare(w.id.size() - 9, 9, ".position") == 0) return;
  explore(r->x, r->y, tree, true);
}

void ScreenReader::follow_field(const std::string& id, const std::vector<WidgetRecord>& tree) {
  if (id.empty() || id == focus_) return;
  focus_ = id;
  if (const WidgetRecord* w = find(tree, id); w != nullptr && on_) speak_widget(*w);
}

void ScreenReader::change_volume(int delta) {
  volume_ = std::clamp(volume_ + delta, 20, 100);
  if (words_ == nullptr) return;
  Utterance u;
  u.add(fill(words_->word("a11y.volume"), std::to_string(volume_)), words_->lang());
  stop();
  say(std::move(u));
}

bool ScreenReader::key(ReaderKey k, const std::vector<WidgetRecord>& tree) {
  switch (k) {
    case ReaderKey::Next:
    case ReaderKey::Previous:
      show_focus_ = true;
      move_focus(k == ReaderKey::Next ? 1 : -1, focus_, tree);
      return true;
    case ReaderKey::Activate: {
      const WidgetRecord* w = find(tree, focus_);
      if (w == nullptr || !show_focus()) return false;
      activate(tree);
      return true;
    }
    case ReaderKey::Help: stop(); say_word("a11y.help"); return true;
    case ReaderKey::Repeat:
      if (!last_.empty()) {
        stop();
        say(last_);
      }
      return true;
    case ReaderKey::VolumeUp: change_volume(10); return true;
    case ReaderKey::VolumeDown: change_volume(-10); return true;
    case ReaderKey::Toggle: set_on(!on_); return true;
  }
  return false;
}

void ScreenReader::after_frame(std::string_view screen_key, const std::vector<WidgetRecord>& tree, double now) {
  if (tap_ && now - tap_->at > options_.double_tap_s) tap_.reset();  // one tap: it explored already
  // An alert is said again when its label changes ("12 Angebote"), not its value: the idle
  // question's seconds would otherwise start it anew every second.
  std::vector<std::pair<std::string, std::string>> alerts;
  for (const WidgetRecord& w : tree)
    if (w.role == Role::Alert) alerts.emplace_back(w.id, w.label);
  if (screen_key != screen_) {
    screen_ = screen_key;
    focus_.clear();
    for (const WidgetRecord& w : tree)
      if (w.role == Role::Heading) {
        focus_ = w.id;  // a flick or a key goes on from the title
        if (on_) speak_widget(w);
        break;
      }
    if (on_ && words_ != nullptr)
      for (const WidgetRecord& w : tree)
        if (w.role == Role::Alert) say(describe(w, *words_));
  } else if (on_ && words_ != nullptr) {
    for (const WidgetRecord& w : tree) {
      if (w.role != Role::Alert) continue;
      const auto same = std::find(alerts_.begin(), alerts_.end(), std::make_pair(w.id, w.label));
      if (same == alerts_.end()) say(describe(w, *words_));
    }
  }
  alerts_ = std::move(alerts);
}

void ScreenReader::end_visit() {
  if (on_) set_on(false);
  volume_ = options_.default_volume;
  focus_.clear();
  show_focus_ = false;
  tap_.reset();
  synth_.clear();
  last_ = {};
}

double ScreenReader::next_deadline() const {
  return tap_ ? tap_->at + options_.double_tap_s + 0.01 : std::numeric_limits<double>::infinity();
}

}  // namespace kiosk
