#pragma once
// What a screen gets to draw with, and what it may ask for. Screens read the snapshot and the
// visitor's session and emit intents; they never navigate, load or store anything themselves.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/navigation.hpp"
#include "kiosk/core/offer_filter.hpp"
#include "kiosk/core/search_index.hpp"
#include "kiosk/core/staff_session.hpp"
#include "kiosk/core/visitor_session.hpp"
#include "kiosk/ui/staff_console.hpp"
#include "kiosk/ui/touch_scroll.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

struct Intent {
  enum class Kind {
    Open, Back, Home, SetLanguage,
    StartVisit,          // attract loop → home
    ToggleFilter,        // group + value
    ShowFilterGroup,     // group, or none to close
    ClearFilters,        // filters and search text
    Focus, EndTyping,    // value: the text field's id ("offers.search", "form.email" …)
    ToggleConsent, ToggleAgeConfirmed, SetContactTime,  // the registration form
    Submit,              // the registration form, for the offer in the route
    FinishVisit,         // "Fertig" on the thank-you screen
    ToggleLargeText, ToggleContrast,
    StillHere,           // answer to "Sind Sie noch da?"
    DiscardForm, KeepEditing,  // answers to "Eingaben verwerfen?" when leaving a typed form
    StaffEntry,          // the logo held for 3 s: the PIN pad
    PinDigit, PinBackspace, PinSubmit,
    StaffSyncNow, ToggleAssisted, EndAssisted, LeaveStaff,
  };
  Kind kind = Kind::Home;
  Route route;
  Lang lang = Lang::De;
  std::optional<FilterGroup> group;
  std::string value;

  static Intent open(ScreenId screen, std::string item = {}) { return make(Kind::Open, {screen, std::move(item)}); }
  static Intent of(Kind k) { return make(k, {}); }
  static Intent language(Lang l) {
    Intent i = of(Kind::SetLanguage);
    i.lang = l;
    return i;
  }
  static Intent filter(FilterGroup g, std::string v) {
    Intent i = of(Kind::ToggleFilter);
    i.group = g;
    i.value = std::move(v);
    return i;
  }
  static Intent focus(std::string field) {
    Intent i = of(Kind::Focus);
    i.value = std::move(field);
    return i;
  }
  static Intent pin_digit(std::string digit) {
    Intent i = of(Kind::PinDigit);
    i.value = std::move(digit);
    return i;
  }
  static Intent show_group(std::optional<FilterGroup> g) {
    Intent i = of(Kind::ShowFilterGroup);
    i.group = g;
    return i;
  }

 private:
  static Intent make(Kind k, Route r) {
    Intent i;
    i.kind = k;
    i.route = std::move(r);
    return i;
  }
};

// A picture ready to draw (a texture of the platform's).
struct UiImage {
  void* texture = nullptr;
  int width = 0;
  int height = 0;
};
using UiImages = std::map<std::string, UiImage>;  // by bundle path, "media/<sha>.png"

struct ScreenContext {
  const UiContext& ui;
  const ContentSnapshot& content;
  const SearchIndex& index;
  const VisitorSession& session;
  const Route& route;
  bool landscape;
  std::string_view focus;  // the text field the keyboard types into, empty when it is down
  double now;   // seconds, monotonic
  TouchScroll& scroll;
  std::vector<Intent>& intents;
  const UiImages& images;
  bool registration_available;  // the kiosk can seal and keep registrations
  const StaffSession& staff;
  StaffConsole* console;        // null: no staff mode in this run (tests, previews)

  Lang lang() const { return session.lang; }
  std::string_view t(std::string_view key) const { return content.text(key, session.lang); }
  const std::string& l(const LocalizedText& text) const { return text.get(session.lang); }
  float em() const { return ui.em(); }
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
};

// Parts several screens share, so units and offers read alike.
void offer_card(const ScreenContext& ctx, const Offer& offer);
void contact_block(const ScreenContext& ctx, const Contact& contact, float label_width);
// The item's picture, full width of the column at most 16:9 high, when the bundle has it.
void picture(const ScreenContext& ctx, std::string_view id, const std::string& path);
// A QR code with its caption: "scan with your phone".
void qr_block(const ScreenContext& ctx, std::string_view id, std::string_view url);
// Landscape detail screens: text on the left, facts on the right, a gutter between them.
bool begin_two_columns(const char* id, const ScreenContext& ctx);
void end_two_columns();
// Width of the label column of fact rows: a third of the area, at most 9 em.
float fact_label_width(const ScreenContext& ctx);
// "🌿 Umwelt & Natur": the category's pictogram before its name.
std::string category_label(const ScreenContext& ctx, const Category& c);

}  // namespace kiosk::ui
