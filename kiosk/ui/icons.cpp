#include "kiosk/ui/icons.hpp"

#include <utility>

namespace kiosk::ui::icon {

std::string_view for_name(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kByName[] = {
      {"child", "\xEF\x86\xAE"},       {"user", "\xEF\x80\x87"},     {"language", "\xEF\x86\xAB"},
      {"leaf", "\xEF\x81\xAC"},        {"futbol-o", "\xEF\x87\xA3"}, {"book", "\xEF\x80\xAD"},
      {"handshake-o", "\xEF\x8A\xB5"}, {"university", kUniversity},  {"laptop", "\xEF\x84\x89"},
      {"heartbeat", "\xEF\x88\x9E"},   {"users", kUsers},            {"home", kHome},
  };
  for (const auto& [n, glyph] : kByName)
    if (n == name) return glyph;
  return {};
}

}  // namespace kiosk::ui::icon
