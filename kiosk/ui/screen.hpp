#pragma once
// What a screen gets to draw with, and what it may ask for. Screens read the snapshot and the
// visitor's session and emit intents (kiosk/core/intent.hpp) for the Visit to apply; they never
// navigate, load, store or call out to a service themselves.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/offer_filter.hpp"
#include "kiosk/core/search_index.hpp"
#include "kiosk/core/intent.hpp"
#include "kiosk/core/visitor_session.hpp"
#include "kiosk/core/visit.hpp"
#include "kiosk/ui/touch_scroll.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

// A picture ready to draw (a texture of the platform's).
struct UiImage {
  void* texture = nullptr;
  int width = 0;
  int height = 0;
};
using UiImages = std::map<std::string, UiImage>;  // by bundle path, "media/<sha>.png"

// A screen's main action (register, send, done): in portrait it sits in a bar just above the
// navigation, within reach from a wheelchair (DIN 18040-1: controls 85-105 cm above the floor,
// the lowest quarter of a 55-inch portrait screen); in landscape, and while the keyboard is up,
// the screen draws it where it belongs in its own layout.
struct ScreenAction {
  std::string id;
  std::string label;
  Intent intent;
  bool enabled = true;
  Chevron chevron = Chevron::None;
};

// One frame's view of the visit for a screen. The tools a screen draws with and the state it
// reads are references of distinct types (the compiler catches a mix-up); the rest are values
// set by name in KioskUi::draw.
struct ScreenContext {
  ScreenContext(const UiContext& ui_, const ContentSnapshot& content_, const SearchIndex& index_,
                const VisitorSession& session_, TouchScroll& scroll_, std::vector<Intent>& intents_)
      : ui(ui_), content(content_), index(index_), session(session_), scroll(scroll_), intents(intents_) {}

  const UiContext& ui;
  const ContentSnapshot& content;
  const SearchIndex& index;
  const VisitorSession& session;
  TouchScroll& scroll;
  std::vector<Intent>& intents;

  Route route;
  bool landscape = false;
  std::string_view focus;  // the text field the keyboard types into, empty when it is down
  double now = 0.0;        // seconds, monotonic
  std::string_view today;  // the local date, YYYY-MM-DD: offers past their valid_until are not shown
  const UiImages* images = nullptr;
  bool registration_available = false;  // the kiosk can seal and keep registrations
  StaffView staff;                      // the counter's session and the kiosk's status, as values
  std::vector<Lang> content_chain;      // for content missing in the visitor's language
  bool action_bar = false;              // the screen's main action is in the bar: do not draw it inline

  Lang lang() const { return session.lang; }
  std::string_view t(std::string_view key) const { return content.text(key, session.lang); }
  // Content in the visitor's language, else along the fallback chain.
  const std::string& l(const LocalizedText& text) const { return text.get(session.lang, content_chain); }
  // The language l() shows `text` in, when it is not the visitor's: for its language tag.
  std::optional<Lang> fallback_of(const LocalizedText& text) const {
    const Lang shown = text.shown_in(session.lang, content_chain);
    return shown == session.lang ? std::nullopt : std::optional<Lang>(shown);
  }
  float em() const { return ui.em(); }
  // The widget just recorded shows `text` via l(): it is said in the language l() found (a
  // title that fell back to German is spoken with the German voice).
  void mark_language(const LocalizedText& text) const {
    if (WidgetRecord* w = ui.automation.last()) w->lang = text.shown_in(session.lang, content_chain);
  }
  // Is the offer listed today? Every screen that shows offers asks (valid_until).
  bool listed(const Offer& o) const { return offer_is_current(o, today); }
  void emit(Intent i) const { intents.push_back(std::move(i)); }
};

class Screen {
 public:
  virtual ~Screen() = default;
  virtual ScreenId id() const = 0;
  // Screens that arrange their own scrolling regions (a fixed search bar over a list) say so;
  // the others are placed in one scrolling region by KioskUi.
  virtual bool scrolls_itself() const { return false; }
  // Full-screen screens (the attract loop) get no header and no navigation bar.
  virtual bool full_screen() const { return false; }
  virtual void draw(const ScreenContext& ctx) = 0;
  // The screen's main action, if it has one now (see ScreenAction).
  virtual std::optional<ScreenAction> action(const ScreenContext&) const { return std::nullopt; }
};

// The main action as a full-width primary button: in the bar, or inline where the screen puts
// it when there is no bar.
void main_action(const ScreenContext& ctx, const ScreenAction& action);
void inline_action(const ScreenContext& ctx, const Screen& screen);

// Parts several screens share, so units and offers read alike.
void offer_card(const ScreenContext& ctx, const Offer& offer);
void contact_block(const ScreenContext& ctx, const Contact& contact, float label_width);
// How a unit's or an offer's page begins: its picture, the summary in bold, the description.
// The picture is said by `image_alt`, or by the item's `name` when the content has no alt text.
void lead(const ScreenContext& ctx, std::string_view image_id, const std::string& image, const LocalizedText& image_alt,
          const LocalizedText& name, const LocalizedText& summary, const LocalizedText& description);
// The item's picture, full width of the column at most 16:9 high, when the bundle has it.
void picture(const ScreenContext& ctx, std::string_view id, const std::string& path, const LocalizedText& alt);
// A QR code with its caption: "scan with your phone".
void qr_block(const ScreenContext& ctx, std::string_view id, std::string_view url);
// Landscape detail screens: text on the left, facts on the right, a gutter between them.
bool begin_two_columns(const char* id, const ScreenContext& ctx);
void end_two_columns();
// A page's body in two parts: in landscape side by side (the first column `first_weight`
// times as wide as the second: a detail page's text beside its facts), in portrait one after
// the other.
void columns_in_landscape(const ScreenContext& ctx, const char* id, float first_weight, const std::function<void()>& first,
                          const std::function<void()>& second);
// "EN" for English: the tag beside a text shown in a fallback language; "" for none.
std::string language_tag(std::optional<Lang> lang);
// Under a detail page's heading when its text is not in the visitor's language: a language tag,
// "not yet in Ukrainian", and one tap to read it in the chain's other language.
void fallback_note(const ScreenContext& ctx, const LocalizedText& text);
// Width of the label column of fact rows: a third of the area, at most 9 em.
float fact_label_width(const ScreenContext& ctx);
// "🌿 Umwelt & Natur": the category's pictogram before its name.
std::string category_label(const ScreenContext& ctx, const Category& c);

}  // namespace kiosk::ui
