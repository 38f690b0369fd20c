#include "kiosk/core/clock.hpp"

#include <cctype>
#include <ctime>

namespace kiosk {

bool is_calendar_date(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

int64_t parse_rfc3339(std::string_view s) {
  // 2026-11-01T09:30:00Z or with a +01:00 offset; fractional seconds allowed. Every field in
  // its range: 2030-02-31 or 25:61:61 is no time at all.
  auto number = [&](size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y, mo, d, h, mi, sec;
  if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':') return -1;
  if (!number(0, 4, y) || !number(5, 2, mo) || !number(8, 2, d) || !number(11, 2, h) || !number(14, 2, mi) || !number(17, 2, sec))
    return -1;
  if (!is_calendar_date(y, mo, d) || h > 23 || mi > 59 || sec > 60) return -1;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  const int64_t t = static_cast<int64_t>(timegm(&tm));
  size_t i = 19;
  if (i < s.size() && s[i] == '.')
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    }
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z') && i + 1 == s.size()) return t;
  int oh = 0, om = 0;
  if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && number(i + 1, 2, oh) && s[i + 3] == ':' && number(i + 4, 2, om) &&
      oh <= 23 && om <= 59)
    return t - (s[i] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
  return -1;
}

namespace {
std::string format_epoch(int64_t epoch, const char* format, bool local) {
  const std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  if (local) localtime_r(&t, &tm);
  else gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}
}  // namespace

int64_t epoch_now() { return static_cast<int64_t>(std::time(nullptr)); }

std::string format_rfc3339(int64_t epoch) { return format_epoch(epoch, "%Y-%m-%dT%H:%M:%SZ", false); }
std::string format_local_time(int64_t epoch) { return format_epoch(epoch, "%d.%m.%Y %H:%M", true); }
std::string local_date(int64_t epoch) { return format_epoch(epoch, "%Y-%m-%d", true); }

}  // namespace kiosk
