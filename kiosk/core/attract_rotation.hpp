#pragma once
// The attract loop's clock: which featured item is shown, how far its fade-in is, and where on
// the screen it sits. Between transitions nothing moves, so the kiosk renders nothing; the
// position shifts a little with every item so no bright edge burns into the panel.
#include <cmath>

namespace kiosk {

class AttractRotation {
 public:
  explicit AttractRotation(double period_s = 8.0, double fade_s = 0.6) : period_(period_s), fade_(fade_s) {}

  void restart(double now) { start_ = now; }
  long step(double now) const { return now <= start_ ? 0 : static_cast<long>(std::floor((now - start_) / period_)); }
  size_t item(double now, size_t count) const { return count == 0 ? 0 : static_cast<size_t>(step(now)) % count; }
  // 0 → 1 during the fade after each change; 1 while the item holds still.
  double fade_in(double now) const {
    if (step(now) == 0) return 1.0;  // the first item is simply there
    const double since = now - (start_ + static_cast<double>(step(now)) * period_);
    return since >= fade_ ? 1.0 : since / fade_;
  }
  bool animating(double now) const { return fade_in(now) < 1.0; }
  double next_change(double now) const { return start_ + static_cast<double>(step(now) + 1) * period_; }
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
};

}  // namespace kiosk
