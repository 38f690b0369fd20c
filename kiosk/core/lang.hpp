#pragma once
// The four languages of the UI. Content is written in German and English; Turkish and
// Ukrainian visitors get UI strings in their language and content in German (the fallback).
#include <array>
#include <optional>
#include <string_view>

namespace kiosk {

enum class Lang { De = 0, En = 1, Tr = 2, Uk = 3 };

inline constexpr std::array<Lang, 4> kAllLangs{Lang::De, Lang::En, Lang::Tr, Lang::Uk};
inline constexpr Lang kFallbackLang = Lang::De;

constexpr std::string_view lang_code(Lang lang) {
  constexpr std::array<std::string_view, 4> codes{"de", "en", "tr", "uk"};
  return codes[static_cast<size_t>(lang)];
}

constexpr std::optional<Lang> lang_from_code(std::string_view code) {
  for (Lang l : kAllLangs) {
    if (lang_code(l) == code) return l;
  }
  return std::nullopt;
}

}  // namespace kiosk
