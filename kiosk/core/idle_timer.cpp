#include "kiosk/core/idle_timer.hpp"

#include <cmath>

namespace kiosk {

int IdleTimer::seconds_left(double now) const {
  const double left = last_touch_ + timeout_ + warning_ - now;
  return left <= 0 ? 0 : static_cast<int>(std::ceil(left));
}

double IdleTimer::next_deadline(double now) const {
  const double warn_at = last_touch_ + timeout_;
  const double end_at = warn_at + warning_;
  if (now < warn_at) return warn_at;
  if (now >= end_at) return now;
  // Each countdown second, so the number on screen stays right without continuous frames.
  const double next_tick = end_at - std::floor(end_at - now);
  return next_tick > now ? next_tick : now + 1.0;
}

}  // namespace kiosk
