// The Turkish and Ukrainian texts, checked word by word with hunspell and Debian's dictionaries
// (hunspell-tr, hunspell-uk): every UI string, the taxonomy, and the units' names, summaries,
// descriptions, facts and topics. German names and mottos quoted as „…“ stay German and are
// not checked. A word the
// dictionary does not know must be a name or an abbreviation listed here, with its reason, or it
// is a typo. This is what checked them; a native speaker has not (see README, Languages).
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "support.hpp"

using namespace kiosk;

namespace {

using json = nlohmann::json;

// Words hunspell does not know that are right, by language.
const std::set<std::string> kKnownGood = {
    // place and proper names, which stay German in every language
    "Aplerbeck", "Berswordt", "Brackel", "Dortmund", "Eving", "FreiwilligenAgentur", "Hombruch", "Huckarde", "Hörde",
    "Innenstadt", "Lütgendortmund", "Mengede", "Nord", "Ost", "Scharnhorst", "West",
    // the units' own names, which stay as the city spells them, and a division's number
    "Allianz", "Smart", "City", "Ombudsstelle", "III",
    // the names printed on keyboard keys, which the speech help names as they are written
    "Escape", "R", "Tab", "Enter",
    // technical words the staff screen uses as they are
    "PIN", "pin", "hash", "kiosk", "kioskctl",
    // Turkish: GVKT md. (the GDPR and its article), unit abbreviations g sa dk sn, the example
    // address ad@ornek.com, suffixes after an apostrophe ('daki, 'nin), and correct words the
    // dictionary lacks: Felemenkçe (Dutch), çevrimiçi (online), Kioskta (at the kiosk),
    // filtrelerinize (to your filters), iletemeyiz (we cannot pass on)
    "GVKT", "md", "g", "sa", "dk", "sn", "ornek", "com", "daki", "nin", "Felemenkçe", "Çevrimiçi", "çevrimiçi", "Kioskta",
    "filtrelerinize", "iletemeyiz",
    // Ukrainian: abbreviations д (day), ел. (e-mail), напр. (e.g.), ст. (article), and Підтвердіть
    // (confirm, imperative), which the dictionary lacks
    "д", "ел", "напр", "ст", "Підтвердіть"};

json load(const char* name) { return json::parse(test::read_file(test::bundled_content() / name)); }

std::vector<std::string> texts_in(const std::string& lang) {
  std::vector<std::string> out;
  const json strings = load("strings.json");  // kept: a range-for over a temporary's member would dangle
  for (const auto& [key, value] : strings["strings"][lang].items()) out.push_back(value.get<std::string>());
  const json taxonomy = load("taxonomy.json");
  for (const char* section : {"categories", "districts", "suitable_for"})
    for (const auto& item : taxonomy[section]) out.push_back(item["name"].value(lang, ""));
  const json units = load("units.json");
  for (const auto& unit : units["units"]) {
    for (const char* field : {"name", "summary", "description"}) out.push_back(unit[field].value(lang, ""));
    for (const auto& fact : unit.value("facts", json::array())) {
      out.push_back(fact["label"].value(lang, ""));
      out.push_back(fact["value"].value(lang, ""));
    }
    for (const auto& topic : unit.value("topics", json::array())) out.push_back(topic.value(lang, ""));
    if (unit["contact"].contains("name")) out.push_back(unit["contact"]["name"].value(lang, ""));
  }
  // „…“ holds German as the city writes it (a motto, a page's name): it stays German.
  for (auto& text : out)
    for (size_t open; (open = text.find("\u201E")) != std::string::npos;) {
      const size_t close = text.find("\u201C", open);
      text.replace(open, close == std::string::npos ? std::string::npos : close + 3 - open, " ");
    }
  return out;
}

}  // namespace

TEST_CASE("Turkish and Ukrainian texts: every word is in the dictionary or a listed name or abbreviation") {
  for (const auto& [lang, dictionary] : {std::pair<std::string, std::string>{"tr", "tr_TR"}, {"uk", "uk_UA"}}) {
    CAPTURE(lang);
    std::set<std::string> words;
    for (std::string text : texts_in(lang)) {
      // Multi-byte punctuation and pictograms become spaces; then every ASCII byte that is not
      // a letter or an apostrophe ends a word (UTF-8 letters are all bytes of 0x80 and above).
      for (const char* mark : {"\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB", "\u2026", "\u2013", "\u2014", "\u00B7",
                               "\u2022", "\u20AC"})
        for (size_t at; (at = text.find(mark)) != std::string::npos;) text.replace(at, std::string(mark).size(), " ");
      for (const char* apostrophe : {"\u2019", "\u02BC"})  // typographic apostrophes read as '
        for (size_t at; (at = text.find(apostrophe)) != std::string::npos;) text.replace(at, std::string(apostrophe).size(), "'");
      std::string w;
      auto flush = [&] {
        while (!w.empty() && w.back() == '\'') w.pop_back();
        while (!w.empty() && w.front() == '\'') w.erase(0, 1);
        // Turkish "Dortmund'daki": the name and its suffix are checked apart; in Ukrainian the
        // apostrophe belongs to the word (ім'я, обов'язкові).
        if (lang == "tr")
          for (size_t at; (at = w.find('\'')) != std::string::npos; w.erase(0, at + 1)) words.insert(w.substr(0, at));
        if (!w.empty() && static_cast<unsigned char>(w[0]) != 0xEF) words.insert(w);  // U+F0xx: pictograms
        w.clear();
      };
      for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80 || std::isalpha(c) || c == '\'') w.push_back(text[i]);
        else flush();
        if (text.compare(i, 1, "{") == 0) i = std::min(text.find('}', i), text.size());  // {n}: a placeholder
      }
      flush();
    }
    CAPTURE(words.size());
    REQUIRE(words.size() > 300);
    test::TempDir tmp;
    const auto list = tmp.path() / "words.txt";
    {
      std::ofstream f(list);
      for (const auto& w : words) f << w << "\n";
    }
    std::string out;
    REQUIRE(test::run_command("hunspell -d " + dictionary + " -l " + list.string(), out) == 0);
    std::istringstream unknown(out);
    for (std::string w; std::getline(unknown, w);)
      if (!w.empty()) CHECK_MESSAGE(kKnownGood.count(w) > 0, "not in the " << dictionary << " dictionary: " << w);
  }
}
