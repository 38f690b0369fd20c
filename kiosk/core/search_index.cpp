#include "kiosk/core/search_index.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "kiosk/core/text_fold.hpp"

namespace kiosk {
namespace {

// Does the text hold ä, ö or ü (either case)? Only then do the two spellings differ.
bool has_umlaut(const std::string& text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) != 0xC3) continue;
    switch (static_cast<unsigned char>(text[i + 1])) {
      case 0xA4: case 0xB6: case 0xBC: case 0x84: case 0x96: case 0x9C: return true;
      default: break;
    }
  }
  return false;
}

// Collects the words of every offer: one vocabulary for all offers, and for each word its
// postings, appended offer by offer. An offer's word seen again in the same offer only raises
// the weight of its last posting, which is that offer's, so no per-offer set is needed.
class IndexBuilder {
 public:
  using Postings = std::vector<SearchIndex::Posting>;

  void start_offer(uint32_t offer) { offer_ = offer; }

  void add(const std::string& text, float weight) {
    if (text.empty()) return;
    const auto add_word = [&](const std::string& w) {
      auto [it, inserted] = vocabulary_.try_emplace(w, static_cast<uint32_t>(postings_.size()));
      if (inserted) postings_.emplace_back();
      Postings& p = postings_[it->second];
      if (p.empty() || p.back().offer != offer_) p.push_back({offer_, weight});
      else p.back().weight = std::max(p.back().weight, weight);
    };
    for_each_folded_word(text, Umlauts::Expand, add_word);
    // Only then do the two spellings differ; folding again costs more than the check.
    if (has_umlaut(text)) for_each_folded_word(text, Umlauts::Drop, add_word);
    // Hyphenated names are written together too: "Phoenix-See" is also found as "phoenixsee"
    // (its parts are words already).
    if (text.find('-') != std::string::npos) add_joined(text, weight);
  }

  void add_joined(const std::string& text, float weight) {
    for (size_t start = 0; start < text.size();) {
      const size_t end = std::min(text.find_first_of(" \t\n", start), text.size());
      const std::string_view token(text.data() + start, end - start);
      if (token.find('-') != std::string_view::npos) {
        std::string joined;
        for (const char c : token)
          if (c != '-') joined.push_back(c);
        add(joined, weight);  // no hyphen left, so no recursion beyond this
      }
      start = end + 1;
    }
  }

  void add(const LocalizedText& text, float weight) {
    for (const auto& t : text.by_lang) add(t, weight);
  }

  size_t size() const { return vocabulary_.size(); }

  // Hands each word with its postings over, once the offers are all added.
  template <class Fn>
  void take(const Fn& fn) {
    for (auto& [word, at] : vocabulary_) fn(word, std::move(postings_[at]));
  }

 private:
  std::unordered_map<std::string, uint32_t> vocabulary_;  // folded word -> index into postings_
  std::vector<Postings> postings_;
  uint32_t offer_ = 0;
};

constexpr size_t kTypoMinLength = 5;
constexpr size_t kInfixMinLength = 4;
constexpr float kInfixFactor = 0.8f;
constexpr float kTypoFactor = 0.6f;

}  // namespace

SearchIndex::SearchIndex(const ContentSnapshot& c) : offer_count_(static_cast<uint32_t>(c.offers.size())) {
  IndexBuilder b;
  std::array<const LocalizedText*, std::size(kTimeSlots)> slot_words{};
  for (const auto& [id, slot] : kTimeSlots)
    if (const auto it = c.strings.find("slot." + std::string(id)); it != c.strings.end())
      slot_words[static_cast<size_t>(slot)] = &it->second;
  for (uint32_t i = 0; i < offer_count_; ++i) {
    const Offer& o = c.offers[i];
    b.start_offer(i);
    b.add(o.title, kTitle);
    b.add(o.summary, kSummary);
    b.add(o.description, kDescription);
    b.add(o.organisation, kSummary);
    b.add(o.address, kPlace);
    if (const District* d = c.find_district(o.district)) b.add(d->name, kPlace);
    for (const auto& id : o.categories)
      if (const Category* cat = c.find_category(id)) b.add(cat->name, kPlace);
    // "Wochenende", "hafta sonu", "вихідні": when the offer is, in every language.
    for (TimeSlot t : o.time_slots)
      if (const LocalizedText* words = slot_words[static_cast<size_t>(t)]) b.add(*words, kPlace);
  }
  words_.reserve(b.size());
  b.take([&](const std::string& w, IndexBuilder::Postings&& p) { words_.push_back({w, to_u32(w), std::move(p)}); });
  std::sort(words_.begin(), words_.end(), [](const Word& a, const Word& b) { return a.folded < b.folded; });
}

std::vector<SearchIndex::Hit> SearchIndex::search(std::string_view query) const {
  const std::vector<std::string> terms = fold_words(query);
  if (terms.empty() || offer_count_ == 0) return {};
  std::vector<float> total(offer_count_, 0.0f);
  std::vector<uint16_t> matched(offer_count_, 0);
  std::vector<float> best(offer_count_);
  for (size_t t = 0; t < terms.size(); ++t) {
    const std::string& term = terms[t];
    std::fill(best.begin(), best.end(), 0.0f);
    auto credit = [&](const Word& w, float factor) {
      for (const Posting& p : w.postings) best[p.offer] = std::max(best[p.offer], p.weight * factor);
    };
    // Prefix matches: a contiguous range of the sorted vocabulary.
    bool any_prefix = false;
    for (auto it = std::lower_bound(words_.begin(), words_.end(), term,
                                    [](const Word& w, const std::string& q) { return w.folded < q; });
         it != words_.end() && it->folded.compare(0, term.size(), term) == 0; ++it)
      credit(*it, 1.0f), any_prefix = true;
    // German builds compounds: "garten" should find "Gemeinschaftsgarten". Inside a word
    // counts a little less than at its start.
    if (to_u32(term).size() >= kInfixMinLength) {
      for (const Word& w : words_) {
        const size_t at = w.folded.find(term);
        if (at != std::string::npos && at > 0) credit(w, kInfixFactor), any_prefix = true;
      }
    }
    // One typo, in the word or in a prefix of it about as long as what was typed; only for
    // words the content does not have as typed, so a correct word gets precise results.
    const std::u32string q = to_u32(term);
    if (!any_prefix && q.size() >= kTypoMinLength) {
      for (const Word& w : words_) {
        const std::u32string_view cp = w.code_points;
        if (cp.size() + 1 < q.size()) continue;
        bool hit = false;
        for (size_t len = q.size() - 1; len <= q.size() + 1 && len <= cp.size() && !hit; ++len)
          hit = within_one_edit(q, cp.substr(0, len));
        if (hit) credit(w, kTypoFactor);
      }
    }
    for (uint32_t o = 0; o < offer_count_; ++o) {
      if (best[o] <= 0.0f) continue;
      total[o] += best[o];
      matched[o] = static_cast<uint16_t>(matched[o] + 1);
    }
  }
  std::vector<Hit> hits;
  for (uint32_t o = 0; o < offer_count_; ++o)
    if (matched[o] == terms.size()) hits.push_back({o, total[o]});
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.score > b.score; });
  return hits;
}

}  // namespace kiosk
