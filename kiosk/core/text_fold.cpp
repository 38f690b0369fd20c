#include "kiosk/core/text_fold.hpp"

#include <cstdint>

namespace kiosk {
namespace {

// Base letters for U+0100…U+017F (Latin Extended-A), in code point order. 'O' marks Œ/œ (→ "oe").
constexpr std::string_view kLatinExtA =
    "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii" "ii" "jj" "kkk"
    "llllllllll" "nnnnnnnnn" "oooooo" "OO" "rrrrrr" "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy"
    "zzzzzz" "s";
static_assert(kLatinExtA.size() == 0x80);

// U+00C0…U+00FF (Latin-1 letters); '1' ä/Ä → ae, '2' ö → oe, '3' ü → ue, '4' ß → ss,
// '5' æ → ae, '6' þ → th, '.' not a letter (× ÷).
constexpr std::string_view kLatin1 =
    "aaaa1a5ceeeeiiiidnoooo2.ouuu3y64"   // C0–DF: À…Ä Å Æ Ç … Ö × Ø … Ü Ý Þ ß
    "aaaa1a5ceeeeiiiidnoooo2.ouuu3y6y";  // E0–FF: à…ä å æ ç … ö ÷ ø … ü ý þ ÿ
static_assert(kLatin1.size() == 0x40);

bool is_word_char(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Appends the folded form of one code point; returns false for separators.
bool fold_code_point(char32_t c, std::string& out, Umlauts umlauts) {
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    if (!is_word_char(c)) return false;
    out.push_back(static_cast<char>(c));
    return true;
  }
  if (c >= 0xC0 && c <= 0xFF) {
    const bool expand = umlauts == Umlauts::Expand;
    switch (const char m = kLatin1[c - 0xC0]) {
      case '1': out += expand ? "ae" : "a"; return true;
      case '5': out += "ae"; return true;
      case '2': out += expand ? "oe" : "o"; return true;
      case '3': out += expand ? "ue" : "u"; return true;
      case '4': out += "ss"; return true;
      case '6': out += "th"; return true;
      case '.': return false;
      default: out.push_back(m); return true;
    }
  }
  if (c >= 0x100 && c <= 0x17F) {
    const char m = kLatinExtA[c - 0x100];
    if (m == 'O') out += "oe";
    else out.push_back(m);
    return true;
  }
  if (c >= 0x410 && c <= 0x42F) c += 0x20;        // А…Я → а…я
  else if (c >= 0x400 && c <= 0x40F) c += 0x50;   // Ѐ…Џ (Є, І, Ї …) → ѐ…џ
  else if (c == 0x490) c = 0x491;                 // Ґ → ґ
  if (c >= 0x2000 && c <= 0x206F) return false;   // typographic punctuation and spaces
  if (c == 0xA0 || (c >= 0xA1 && c <= 0xBF)) return false;  // NBSP, ¡ « » · ¿ …
  append_utf8(out, c);
  return true;
}

}  // namespace

char32_t next_code_point(std::string_view s, size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  auto cont = [&](size_t i) -> int {
    if (pos + i >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[pos + i]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 < 0x80) {
    pos += 1;
    return b0;
  }
  if ((b0 & 0xE0) == 0xC0) {
    const int c1 = cont(1);
    if (c1 >= 0) {
      pos += 2;
      return static_cast<char32_t>(((b0 & 0x1F) << 6) | c1);
    }
  } else if ((b0 & 0xF0) == 0xE0) {
    const int c1 = cont(1), c2 = cont(2);
    if (c1 >= 0 && c2 >= 0) {
      pos += 3;
      return static_cast<char32_t>(((b0 & 0x0F) << 12) | (c1 << 6) | c2);
    }
  } else if ((b0 & 0xF8) == 0xF0) {
    const int c1 = cont(1), c2 = cont(2), c3 = cont(3);
    if (c1 >= 0 && c2 >= 0 && c3 >= 0) {
      pos += 4;
      return static_cast<char32_t>(((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3);
    }
  }
  pos += 1;
  return 0xFFFD;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) out.push_back(next_code_point(utf8, i));
  return out;
}

std::string fold_text(std::string_view utf8, Umlauts umlauts) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    if (!fold_code_point(next_code_point(utf8, i), out, umlauts) && !out.empty() && out.back() != ' ') out.push_back(' ');
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void for_each_folded_word(std::string_view utf8, Umlauts umlauts, const std::function<void(const std::string&)>& word) {
  std::string current;
  for (size_t i = 0; i < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {  // most of the content is ASCII: no decoding, no tables
      ++i;
      if (byte >= 'a' && byte <= 'z') current.push_back(static_cast<char>(byte));
      else if (byte >= 'A' && byte <= 'Z') current.push_back(static_cast<char>(byte + ('a' - 'A')));
      else if (byte >= '0' && byte <= '9') current.push_back(static_cast<char>(byte));
      else if (!current.empty()) word(current), current.clear();
      continue;
    }
    if (fold_code_point(next_code_point(utf8, i), current, umlauts)) continue;
    if (!current.empty()) word(current), current.clear();
  }
  if (!current.empty()) word(current);
}

std::vector<std::string> fold_words(std::string_view utf8, Umlauts umlauts) {
  std::vector<std::string> words;
  for_each_folded_word(utf8, umlauts, [&](const std::string& w) { words.push_back(w); });
  return words;
}

bool within_one_edit(std::u32string_view a, std::u32string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;  // equal, or b has one more at the end
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);  // swap
  }
  return a.substr(i) == b.substr(i + 1);  // insertion into a
}

}  // namespace kiosk
