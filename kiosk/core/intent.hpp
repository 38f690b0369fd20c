#pragma once
// What a visitor asked for: a screen (or the on-screen keyboard, the bar, a dialog) emits an
// Intent, and the Visit applies it between frames, so each frame is drawn from one consistent
// state and every way to navigate obeys the same rules.
#include <optional>
#include <string>

#include "kiosk/core/lang.hpp"
#include "kiosk/core/navigation.hpp"
#include "kiosk/core/offer_filter.hpp"

namespace kiosk {

struct Intent {
  enum class Kind {
    Open, Back, Home, SetLanguage,
    StartVisit,          // attract loop → home
    ToggleFilter,        // group + value
    ShowFilterGroup,     // group, or none to close
    ClearFilters,        // filters and search text
    Focus, EndTyping,    // value: the text field's id ("offers.search", "form.email" …)
    NextField,           // the keyboard's Enter: the form's next field, Send on the last, else done
    ToggleConsent, ToggleAgeConfirmed, SetContactTime,  // the registration form
    Submit,              // the registration form, for the offer in the route
    FinishVisit,         // "Fertig" on the thank-you screen
    ToggleLargeText, ToggleContrast,
    ToggleReach,         // reach mode: everything a finger must touch in the lower half
    ToggleOtherFallback, // content missing in the visitor's language: show the chain's other language
    StillHere,           // answer to "Sind Sie noch da?"
    DiscardForm, KeepEditing,  // answers to "Eingaben verwerfen?" when leaving a typed form
    StaffEntry,          // the logo held for 3 s: the PIN pad
    PinDigit, PinBackspace, PinSubmit,
    StaffSyncNow, ToggleAssisted, EndAssisted, LeaveStaff,
    StaffPreview, EndPreview,  // the editor's preview: load it (staff screen), leave it (its banner)
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

}  // namespace kiosk
