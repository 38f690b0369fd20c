#include "kiosk/ui/icons.hpp"

#include <set>
#include <utility>
#include <vector>

namespace kiosk::ui::icon {

namespace {
constexpr std::pair<std::string_view, std::string_view> kByName[] = {
      {"child", "\xEF\x86\xAE"},       {"user", "\xEF\x80\x87"},     {"language", "\xEF\x86\xAB"},
      {"leaf", "\xEF\x81\xAC"},        {"futbol-o", "\xEF\x87\xA3"}, {"book", "\xEF\x80\xAD"},
      {"handshake-o", "\xEF\x8A\xB5"}, {"university", kUniversity},  {"laptop", "\xEF\x84\x89"},
      {"heartbeat", "\xEF\x88\x9E"},   {"users", kUsers},            {"home", kHome},
};

// The code point of a three-byte UTF-8 sequence (every Font Awesome 4.7 glyph is one).
unsigned short code_point(std::string_view utf8) {
  const auto b = [&](size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(utf8[i])); };
  return static_cast<unsigned short>(((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F));
}
}  // namespace

const unsigned short* glyph_ranges() {
  static const std::vector<unsigned short> ranges = [] {
    std::set<unsigned short> points;
    for (const char* s : {kHome, kSearch, kFilter, kClose, kCheck, kTextSize, kContrast, kBackspace, kKeyboardHide, kShift, kEnter,
                          kQr, kUsers, kUniversity, kHandPointer, kGlobe, kWarning, kWheelchair, kBack, kSpeech})
      points.insert(code_point(s));
    for (const auto& [name, glyph] : kByName) points.insert(code_point(glyph));
    std::vector<unsigned short> r;
    for (unsigned short p : points) r.insert(r.end(), {p, p});
    r.push_back(0);
    return r;
  }();
  return ranges.data();
}

std::string_view for_name(std::string_view name) {
  for (const auto& [n, glyph] : kByName)
    if (n == name) return glyph;
  return {};
}

}  // namespace kiosk::ui::icon
