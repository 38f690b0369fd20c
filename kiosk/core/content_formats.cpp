#include "kiosk/core/content_formats.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "kiosk/core/clock.hpp"

namespace kiosk {
namespace {

bool is_digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

int two_digits(std::string_view s, size_t pos) { return (s[pos] - '0') * 10 + (s[pos + 1] - '0'); }

}  // namespace

bool is_id(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  if (!std::isalnum(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!is_digits(s, 0, 4) || !is_digits(s, 5, 2) || !is_digits(s, 8, 2)) return false;
  return is_calendar_date(std::stoi(std::string(s.substr(0, 4))), two_digits(s, 5), two_digits(s, 8));
}

bool is_media_name(std::string_view s) {
  if (s.rfind("media/", 0) != 0 || s.size() > 200) return false;
  const std::string_view name = s.substr(6);
  if (name.empty() || name[0] == '.' || name.find("..") != std::string_view::npos) return false;
  for (const char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') return false;
  auto ends = [&](std::string_view ext) { return name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext; };
  return ends(".png") || ends(".jpg") || ends(".jpeg");
}

// A fact's date: a year, a month or a day.
bool is_as_of(std::string_view s) {
  if (s.size() == 4) return is_digits(s, 0, 4);
  if (s.size() == 7) return is_digits(s, 0, 4) && s[4] == '-' && is_digits(s, 5, 2) && two_digits(s, 5) >= 1 && two_digits(s, 5) <= 12;
  return is_date(s);
}

// One RFC 3339 reader for the whole program (kiosk/core/clock): impossible dates and times
// (2030-02-31, 25:61:61) are not times.
bool is_rfc3339(std::string_view s) { return parse_rfc3339(s) >= 0; }

bool is_email(std::string_view s) {
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  auto dot = s.find('.', at);
  return dot != std::string_view::npos && dot > at + 1 && dot + 1 < s.size() && s.find(' ') == std::string_view::npos;
}

bool is_phone(std::string_view s) {
  int digits = 0;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
    else if (c != ' ' && c != '+' && c != '-' && c != '/' && c != '(' && c != ')') return false;
  }
  return digits >= 5;
}

bool is_https_url(std::string_view s) { return s.substr(0, 8) == "https://" && s.size() > 8; }

bool is_language_code(std::string_view c) {
  return c.size() == 2 && std::islower(static_cast<unsigned char>(c[0])) && std::islower(static_cast<unsigned char>(c[1]));
}

}  // namespace kiosk
