#pragma once
#include <string>
// The counter's side of the UI: the PIN being typed, whether staff mode is open, and whether a
// volunteer is assisting a visitor. Ends with the visit (idle timeout, "Fertig"), like
// everything a visitor touched: the PIN digits are zeroed, staff mode is closed.
#include "kiosk/core/visitor_text.hpp"

namespace kiosk {

struct StaffSession {
  VisitorText pin{8};
  bool checking = false;      // a PIN is being checked on the worker
  bool unlocked = false;      // the right PIN was entered in this visit
  bool wrong = false;         // the last PIN checked was wrong
  int attempts_left = 0;      // before the pad locks, after a wrong PIN
  double locked_until = 0.0;  // UI clock: no PIN is accepted before this
  bool sync_requested = false;
  bool assisted = false;      // "Beratung": a volunteer is with the visitor; longer idle time
  // "Vorschau": the editor's preview bundle shown instead of live content until the visit
  // ends (idle, or the banner's ✕). Asked for on the staff screen only.
  bool preview_loading = false;
  bool preview = false;
  long preview_version = 0;
  std::string preview_error;  // why the last preview could not be shown

  void wipe() {
    pin.wipe();
    checking = unlocked = wrong = sync_requested = assisted = preview_loading = preview = false;
    preview_version = 0;
    preview_error.clear();
    attempts_left = 0;
    // locked_until stays: ending a visit must not lift a lock
  }
};

}  // namespace kiosk
