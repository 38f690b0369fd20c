#include "kiosk/core/staff_status.hpp"

namespace kiosk {

std::string format_duration(int64_t s, const DurationUnits& u) {
  if (s < 0) s = 0;
  const int64_t d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;
  auto part = [](int64_t n, std::string_view unit) { return std::to_string(n) + " " + std::string(unit); };
  if (d > 0) return part(d, u.day) + " " + part(h, u.hour);
  if (h > 0) return part(h, u.hour) + " " + part(m, u.minute);
  if (m > 0) return part(m, u.minute) + " " + part(s % 60, u.second);
  return part(s, u.second);
}

}  // namespace kiosk
