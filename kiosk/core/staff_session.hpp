#pragma once
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

  void wipe() {
    pin.wipe();
    checking = unlocked = wrong = sync_requested = assisted = false;
    attempts_left = 0;
    // locked_until stays: ending a visit must not lift a lock
  }
};

}  // namespace kiosk
