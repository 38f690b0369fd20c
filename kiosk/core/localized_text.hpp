#pragma once
#include <array>
#include <string>
#include <vector>

#include "kiosk/core/lang.hpp"

namespace kiosk {

// A text in up to four languages. German is required by validation, so `get` always has
// something to show: a missing translation falls back (along a chain, or to German) rather than
// to an empty label.
struct LocalizedText {
  std::array<std::string, 4> by_lang;

  const std::string& get(Lang lang) const {
    const std::string& s = by_lang[static_cast<size_t>(lang)];
    return s.empty() ? by_lang[static_cast<size_t>(kFallbackLang)] : s;
  }
  // The text in `lang`, else in the first language of `chain` that has it, else German.
  Lang shown_in(Lang lang, const std::vector<Lang>& chain) const {
    if (has(lang)) return lang;
    for (Lang l : chain)
      if (has(l)) return l;
    return kFallbackLang;
  }
  const std::string& get(Lang lang, const std::vector<Lang>& chain) const {
    return by_lang[static_cast<size_t>(shown_in(lang, chain))];
  }
  bool has(Lang lang) const { return !by_lang[static_cast<size_t>(lang)].empty(); }
  bool empty() const { return by_lang[static_cast<size_t>(kFallbackLang)].empty(); }
  void set(Lang lang, std::string text) { by_lang[static_cast<size_t>(lang)] = std::move(text); }
};

}  // namespace kiosk
