#include "kiosk/core/staff_status.hpp"

namespace kiosk {

std::string format_duration(int64_t s) {
  if (s < 0) s = 0;
  const int64_t d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;
  if (d > 0) return std::to_string(d) + " d " + std::to_string(h) + " h";
  if (h > 0) return std::to_string(h) + " h " + std::to_string(m) + " min";
  if (m > 0) return std::to_string(m) + " min " + std::to_string(s % 60) + " s";
  return std::to_string(s) + " s";
}

}  // namespace kiosk
