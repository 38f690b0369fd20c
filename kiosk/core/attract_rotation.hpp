#pragma once
// The attract loop's clock: which featured item is shown, how far its fade-in is, and where on
// the screen it sits. Between transitions nothing moves, so the kiosk renders nothing; the
// position shifts a little with every item so no bright edge burns into the panel. The fade
// is three steps, not a continuous animation: each full-screen frame costs ~40 ms of CPU with
// a software renderer, and the loop runs all day (the benchmark holds it under 2 % CPU).
#include <cmath>

namespace kiosk {

class AttractRotation {
 public:
  explicit AttractRotation(double period_s = 8.0, double fade_s = 0.6) : period_(period_s), fade_(fade_s) {}

  void restart(double now) { start_ = now; }
  long step(double now) const { return now <= start_ ? 0 : static_cast<long>(std::floor((now - start_) / period_)); }
  size_t item(double now, size_t count) const { return count == 0 ? 0 : static_cast<size_t>(step(now)) % count; }
  static constexpr int kFadeSteps = 3;

  // 1/3, 2/3, then 1 (from two thirds of the fade on); 1 while the item holds still.
  double fade_in(double now) const {
    if (step(now) == 0) return 1.0;  // the first item is simply there
    const double since = now - step_start(now);
    if (since >= fade_) return 1.0;
    return std::floor(since / fade_ * kFadeSteps + 1.0) / kFadeSteps;
  }
  // The steps are scheduled wake-ups (next_change), never frames in a row.
  bool animating(double) const { return false; }
  // The next fade step, or the next item; always later than `now`, so a loop that sleeps
  // until then never spins on a moment that rounding put exactly at `now`.
  double next_change(double now) const {
    const double next_item = start_ + static_cast<double>(step(now) + 1) * period_;
    if (step(now) == 0) return next_item;
    for (int k = 1; k < kFadeSteps; ++k) {
      const double t = step_start(now) + fade_ * k / kFadeSteps;
      if (t > now) return t;
    }
    return next_item;  // the third step (full opacity) came at 2/3 of the fade
  }
  // One of five positions, in em, around the centre.
  void shift(double now, float& dx, float& dy) const {
    static constexpr float kX[] = {0.0f, 1.0f, -1.0f, 1.0f, -1.0f};
    static constexpr float kY[] = {0.0f, 1.0f, 1.0f, -1.0f, -1.0f};
    const size_t i = static_cast<size_t>(step(now)) % 5;
    dx = kX[i];
    dy = kY[i];
  }

 private:
  double period_;
  double fade_;
  double start_ = 0.0;
  double step_start(double now) const { return start_ + static_cast<double>(step(now)) * period_; }
};

}  // namespace kiosk
