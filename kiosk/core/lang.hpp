#pragma once
// The four languages of the UI. Every text has German; a text missing in the visitor's
// language is shown in the next language of its fallback chain (content/meta.json, see
// FallbackChains), and German last of all.
#include <array>
#include <optional>
#include <string_view>
#include <vector>

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

// For each language, the languages to try next when a text lacks it (German need not be named:
// it is always last). The defaults follow who reads what: most Ukrainians who came to Dortmund
// since 2022 read English better than German; Turkish-speaking Dortmunders mostly read German.
struct FallbackChains {
  std::array<std::vector<Lang>, 4> next{std::vector<Lang>{}, std::vector<Lang>{Lang::De},
                                        std::vector<Lang>{Lang::De, Lang::En}, std::vector<Lang>{Lang::En, Lang::De}};
  const std::vector<Lang>& of(Lang l) const { return next[static_cast<size_t>(l)]; }
};

}  // namespace kiosk
