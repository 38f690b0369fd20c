#pragma once
// Guessing the staff PIN must be slow. Four wrong PINs cost nothing, the fifth locks the pad
// for 30 s, and every further one doubles the wait up to an hour. The state is kept across
// restarts (pulling the plug must not reset the count); times are seconds since the epoch.
#include <cstdint>

namespace kiosk {

struct PinLockout {
  static constexpr int kFreeAttempts = 4;
  static constexpr int64_t kFirstDelayS = 30;
  static constexpr int64_t kMaxDelayS = 3600;

  int failures = 0;          // wrong PINs since the last right one
  int64_t locked_until = 0;  // no PIN is checked before this time

  bool locked(int64_t now) const { return now < locked_until; }
  int64_t seconds_left(int64_t now) const { return locked(now) ? locked_until - now : 0; }
  void failed(int64_t now);
  void succeeded() { *this = PinLockout{}; }
  // The wait after the `failures`-th wrong PIN: 0 for the first four, then 30 s, 60 s, …
  static int64_t delay_after(int failures);
};

}  // namespace kiosk
