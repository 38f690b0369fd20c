#pragma once
// The visitor's filter chips and search text, applied to the offers. Within a group chips are
// alternatives (Hörde or Eving); across groups all must hold (in Hörde and regular).
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/search_index.hpp"

namespace kiosk {

enum class TimeBucket { UpTo4, From5To10, Over10 };  // hours per month
TimeBucket time_bucket(int hours_per_month);
std::string_view time_bucket_id(TimeBucket b);  // "up-to-4", "5-to-10", "over-10"

enum class FilterGroup { Category, District, When, Commitment, Time, Audience };
// "category", "district", "when", "commitment", "time", "suitable"
std::string_view filter_group_id(FilterGroup g);

struct OfferFilter {
  std::set<std::string> categories;
  std::set<std::string> districts;
  std::set<Commitment> commitments;
  std::set<TimeBucket> time;
  // When the visitor has time. An offer without slots is "by arrangement" and fits any of them.
  std::set<TimeSlot> slots;
  std::set<std::string> audiences;

  bool empty() const;
  size_t count(FilterGroup g) const;
  void clear();
  bool matches(const Offer& offer) const;

  // Chips by the id the UI uses in its automation ids: toggle("district", "hoerde").
  bool toggle(FilterGroup group, const std::string& value);
  bool is_set(FilterGroup group, const std::string& value) const;
};

// Is the offer still listed on `today` (YYYY-MM-DD, the kiosk's local date)? An offer is
// listed through its valid_until day and hidden from the day after; "" lists every offer.
bool offer_is_current(const Offer& offer, std::string_view today);

// The offers to list on `today`: with a query, the search hits best first; without, all in
// content order. Offers past their valid_until are never among them.
std::vector<uint32_t> select_offers(const ContentSnapshot& content, const SearchIndex& index,
                                    const OfferFilter& filter, std::string_view query, std::string_view today);

}  // namespace kiosk
