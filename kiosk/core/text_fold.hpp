#pragma once
// Folding text for search, so what a visitor types finds what the content says: case is
// ignored, German umlauts fold to their two-letter spelling (ä→ae, ö→oe, ü→ue, ß→ss, so
// "Hoerde" and "Hörde" meet), other diacritics are dropped (é→e, ş→s, ı→i), and Cyrillic is
// lower-cased (Київ = київ). Only explicit tables are used: no toupper/tolower on non-ASCII.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// German spells ö as "oe" when it has no umlaut; a Turkish visitor types "gonullu" for
// "gönüllü". The index keeps both spellings of a word, queries are folded the German way.
enum class Umlauts { Expand, Drop };

std::string fold_text(std::string_view utf8, Umlauts umlauts = Umlauts::Expand);

// Folds and splits into words (letters and digits; everything else separates).
std::vector<std::string> fold_words(std::string_view utf8, Umlauts umlauts = Umlauts::Expand);

// The same words, handed to `word` one by one in a buffer reused between calls: building the
// index folds every text of 10,000 offers, and a string per word would be most of its cost.
void for_each_folded_word(std::string_view utf8, Umlauts umlauts, const std::function<void(const std::string&)>& word);

std::u32string to_u32(std::string_view utf8);
void append_utf8(std::string& out, char32_t c);

// Decodes one code point at `pos` and advances it; invalid bytes become U+FFFD.
char32_t next_code_point(std::string_view s, size_t& pos);

// Optimal-string-alignment distance of at most one: one insertion, deletion, substitution or
// swap of neighbours.
bool within_one_edit(std::u32string_view a, std::u32string_view b);

}  // namespace kiosk
