#pragma once
// What the staff screens may ask of the app. The UI never checks a PIN, opens the outbox or
// starts a sync itself: it asks here and the answers come back between frames. Every method
// returns at once; the slow parts (Argon2id, SQLite counts) run on the app's worker.
#include <cstdint>
#include <string>

#include "kiosk/core/staff_status.hpp"

namespace kiosk {

struct PinCheck {
  bool ok = false;
  int64_t locked_for_s = 0;  // the pad is locked this long (after too many wrong PINs)
  int attempts_left = 0;     // wrong PINs left before it locks
};

class StaffConsole {
 public:
  virtual ~StaffConsole() = default;
  // Is a PIN hash (and its pepper) configured? Without one staff mode cannot be opened.
  virtual bool pin_configured() const = 0;
  // How long the pad is still locked from earlier failures (kept across restarts).
  virtual int64_t locked_for_s() const = 0;
  // Checks on the worker; the result arrives through Visit::pin_checked() on the main thread.
  virtual void check_pin(std::string pin) = 0;
  // The latest status, from memory; refresh() gathers it anew on the worker.
  virtual StaffStatus status() const = 0;
  virtual void refresh() = 0;
  virtual void sync_now() = 0;
  // Fetches the editor's preview bundle (channel=preview) on a worker; the answer arrives
  // through Visit::preview_loaded() on the main thread.
  virtual void load_preview() = 0;
};

}  // namespace kiosk
