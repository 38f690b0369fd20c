#pragma once
// Guessing the staff PIN must be slow. Four wrong PINs cost nothing, the fifth locks the pad
// for 30 s, and every further one doubles the wait up to an hour. The state is kept across
// restarts (pulling the plug must not reset the count); times are seconds since the epoch.
#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace kiosk {

// A staff PIN has 6 to 8 digits: a million guesses at least, and still what a pad can enter.
inline constexpr size_t kPinMinDigits = 6;
inline constexpr size_t kPinMaxDigits = 8;

struct PinLockout {
  static constexpr int kFreeAttempts = 4;
  static constexpr int64_t kFirstDelayS = 30;
  static constexpr int64_t kMaxDelayS = 3600;

  int failures = 0;          // wrong PINs since the last right one
  int64_t locked_until = 0;  // no PIN is checked before this time

  // A clock set back after a lock must not stretch it: no lock lasts longer than its own delay.
  int64_t seconds_left(int64_t now) const {
    return now < locked_until ? std::min(locked_until - now, delay_after(failures)) : 0;
  }
  bool locked(int64_t now) const { return seconds_left(now) > 0; }
  // Re-anchors a lock that reaches further ahead than its delay (the clock went back); true
  // when it changed, so the caller saves it.
  bool observe(int64_t now) {
    if (locked_until - now <= delay_after(failures)) return false;
    locked_until = now + delay_after(failures);
    return true;
  }
  void failed(int64_t now);
  void succeeded() { *this = PinLockout{}; }
  // The wait after the `failures`-th wrong PIN: 0 for the first four, then 30 s, 60 s, …
  static int64_t delay_after(int failures);
};

}  // namespace kiosk
