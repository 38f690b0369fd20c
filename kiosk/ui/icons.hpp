#pragma once
// Pictograms from Font Awesome 4.7 (Debian's fonts-font-awesome), merged into the text fonts,
// so an icon is just a string: "\uf015" draws a house in any font of the set.
#include <string_view>

namespace kiosk::ui::icon {

inline constexpr const char* kHome = "\xEF\x80\x95";        // f015
inline constexpr const char* kSearch = "\xEF\x80\x82";      // f002
inline constexpr const char* kFilter = "\xEF\x82\xB0";      // f0b0
inline constexpr const char* kClose = "\xEF\x80\x8D";       // f00d
inline constexpr const char* kCheck = "\xEF\x80\x8C";       // f00c
inline constexpr const char* kTextSize = "\xEF\x80\xB4";    // f034 text-height
inline constexpr const char* kContrast = "\xEF\x81\x82";    // f042 adjust
inline constexpr const char* kBackspace = "\xEF\x85\xB7";   // f177 long-arrow-left
inline constexpr const char* kKeyboardHide = "\xEF\x84\x9C"; // f11c keyboard
inline constexpr const char* kShift = "\xEF\x81\xA2";       // f062 arrow-up
inline constexpr const char* kEnter = "\xEF\x85\x88";       // f148 level-up (return)
inline constexpr const char* kQr = "\xEF\x80\xA9";          // f029
inline constexpr const char* kUsers = "\xEF\x83\x80";       // f0c0
inline constexpr const char* kUniversity = "\xEF\x86\x9C";  // f19c
inline constexpr const char* kHandPointer = "\xEF\x89\x9A"; // f25a hand-pointer-o
inline constexpr const char* kWarning = "\xEF\x81\xB1";     // f071 exclamation-triangle (problems, not only in red)
inline constexpr const char* kWheelchair = "\xEF\x86\x93";  // f193 wheelchair (reach mode)
inline constexpr const char* kBack = "\xEF\x81\x93";        // f053 chevron-left
inline constexpr const char* kSpeech = "\xEF\x80\xA8";     // f028 volume-up (speech is on)
inline constexpr const char* kGlobe = "\xEF\x82\xAC";       // f0ac globe (the keyboard layout key)

// The pictogram for a category's icon name from content (Font Awesome 4.7 names); "" if unknown.
std::string_view for_name(std::string_view name);

// Glyph ranges (ImGui's zero-terminated pairs) holding exactly the pictograms above: merging
// all of Font Awesome's 700 into four font sizes would triple the atlas for thirty icons.
const unsigned short* glyph_ranges();

}  // namespace kiosk::ui::icon
