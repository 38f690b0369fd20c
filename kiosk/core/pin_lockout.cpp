#include "kiosk/core/pin_lockout.hpp"

#include <algorithm>

namespace kiosk {

int64_t PinLockout::delay_after(int failures) {
  if (failures <= kFreeAttempts) return 0;
  int64_t d = kFirstDelayS;
  for (int i = kFreeAttempts + 1; i < failures && d < kMaxDelayS; ++i) d *= 2;
  return std::min(d, kMaxDelayS);
}

void PinLockout::failed(int64_t now) {
  ++failures;
  const int64_t d = delay_after(failures);
  if (d > 0) locked_until = now + d;
}

}  // namespace kiosk
