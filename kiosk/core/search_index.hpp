#pragma once
// Search as you type over the offers. Built once per content snapshot: a sorted vocabulary of
// folded words (see text_fold.hpp) with, for each word, the offers it occurs in and the most
// important field it occurs in. A query word matches a vocabulary word it is a prefix of, or
// from four letters on a part of a compound ("garten" in "Gemeinschaftsgarten"); from five
// letters on, a word the content does not contain is matched with one typo forgiven. Every query word must match (AND); offers rank by the
// fields they matched in: title over summary over description.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content.hpp"

namespace kiosk {

class SearchIndex {
 public:
  SearchIndex() = default;
  explicit SearchIndex(const ContentSnapshot& content);

  struct Hit {
    uint32_t offer;  // index into ContentSnapshot::offers
    float score;
  };
  // Best first; offers of equal score keep their content order. An empty query has no hits.
  std::vector<Hit> search(std::string_view query) const;

  size_t vocabulary_size() const { return words_.size(); }

  // Field weights: what a match in each field is worth.
  static constexpr float kTitle = 8, kSummary = 4, kPlace = 3, kDescription = 1;

  // One offer a word occurs in, with the weight of the most important field it occurs in.
  struct Posting {
    uint32_t offer;
    float weight;
  };

 private:
  struct Word {
    std::string folded;
    std::u32string code_points;  // for typo matching
    std::vector<Posting> postings;
  };
  std::vector<Word> words_;  // sorted by `folded`
  uint32_t offer_count_ = 0;
};

}  // namespace kiosk
