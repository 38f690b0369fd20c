#include "kiosk/core/offer_filter.hpp"

#include <algorithm>

namespace kiosk {
namespace {

template <class T>
bool toggle_in(std::set<T>& s, const T& v) {
  if (s.erase(v) == 0) s.insert(v);
  return true;
}

bool commitment_from(const std::string& id, Commitment& out) {
  for (const auto& [name, c] : kCommitments)
    if (name == id) return out = c, true;
  return false;
}

bool slot_from(const std::string& id, TimeSlot& out) {
  for (const auto& [name, s] : kTimeSlots)
    if (name == id) return out = s, true;
  return false;
}

bool bucket_from(const std::string& id, TimeBucket& out) {
  for (TimeBucket b : {TimeBucket::UpTo4, TimeBucket::From5To10, TimeBucket::Over10})
    if (time_bucket_id(b) == id) return out = b, true;
  return false;
}

}  // namespace

TimeBucket time_bucket(int h) { return h <= 4 ? TimeBucket::UpTo4 : h <= 10 ? TimeBucket::From5To10 : TimeBucket::Over10; }

std::string_view time_bucket_id(TimeBucket b) {
  switch (b) {
    case TimeBucket::UpTo4: return "up-to-4";
    case TimeBucket::From5To10: return "5-to-10";
    case TimeBucket::Over10: return "over-10";
  }
  return "up-to-4";
}

std::string_view filter_group_id(FilterGroup g) {
  switch (g) {
    case FilterGroup::Category: return "category";
    case FilterGroup::District: return "district";
    case FilterGroup::When: return "when";
    case FilterGroup::Commitment: return "commitment";
    case FilterGroup::Time: return "time";
    case FilterGroup::Audience: return "suitable";
  }
  return "category";
}

bool OfferFilter::empty() const {
  return categories.empty() && districts.empty() && slots.empty() && commitments.empty() && time.empty() && audiences.empty();
}

size_t OfferFilter::count(FilterGroup g) const {
  switch (g) {
    case FilterGroup::Category: return categories.size();
    case FilterGroup::District: return districts.size();
    case FilterGroup::When: return slots.size();
    case FilterGroup::Commitment: return commitments.size();
    case FilterGroup::Time: return time.size();
    case FilterGroup::Audience: return audiences.size();
  }
  return 0;
}

void OfferFilter::clear() { *this = OfferFilter{}; }

bool OfferFilter::matches(const Offer& o) const {
  auto any_of = [](const std::set<std::string>& wanted, const std::vector<std::string>& have) {
    return wanted.empty() || std::any_of(have.begin(), have.end(), [&](const std::string& h) { return wanted.count(h) > 0; });
  };
  return any_of(categories, o.categories) && (districts.empty() || districts.count(o.district) > 0) &&
         (commitments.empty() || commitments.count(o.commitment) > 0) &&
         (time.empty() || time.count(time_bucket(o.hours_per_month)) > 0) && any_of(audiences, o.suitable_for) &&
         (slots.empty() || o.time_slots.empty() ||
          std::any_of(o.time_slots.begin(), o.time_slots.end(), [&](TimeSlot s) { return slots.count(s) > 0; }));
}

bool OfferFilter::toggle(FilterGroup g, const std::string& v) {
  switch (g) {
    case FilterGroup::Category: return toggle_in(categories, v);
    case FilterGroup::District: return toggle_in(districts, v);
    case FilterGroup::Audience: return toggle_in(audiences, v);
    case FilterGroup::Commitment: {
      Commitment c{};
      return commitment_from(v, c) && toggle_in(commitments, c);
    }
    case FilterGroup::Time: {
      TimeBucket b{};
      return bucket_from(v, b) && toggle_in(time, b);
    }
    case FilterGroup::When: {
      TimeSlot s{};
      return slot_from(v, s) && toggle_in(slots, s);
    }
  }
  return false;
}

bool OfferFilter::is_set(FilterGroup g, const std::string& v) const {
  switch (g) {
    case FilterGroup::Category: return categories.count(v) > 0;
    case FilterGroup::District: return districts.count(v) > 0;
    case FilterGroup::Audience: return audiences.count(v) > 0;
    case FilterGroup::Commitment: {
      Commitment c{};
      return commitment_from(v, c) && commitments.count(c) > 0;
    }
    case FilterGroup::Time: {
      TimeBucket b{};
      return bucket_from(v, b) && time.count(b) > 0;
    }
    case FilterGroup::When: {
      TimeSlot s{};
      return slot_from(v, s) && slots.count(s) > 0;
    }
  }
  return false;
}

bool offer_is_current(const Offer& offer, std::string_view today) {
  // Both are YYYY-MM-DD, so text order is date order.
  return today.empty() || offer.valid_until.empty() || today <= std::string_view(offer.valid_until);
}

std::vector<uint32_t> select_offers(const ContentSnapshot& content, const SearchIndex& index, const OfferFilter& filter,
                                    std::string_view query, std::string_view today) {
  std::vector<uint32_t> out;
  const auto listed = [&](uint32_t i) {
    return offer_is_current(content.offers[i], today) && filter.matches(content.offers[i]);
  };
  const bool has_query = query.find_first_not_of(" \t") != std::string_view::npos;
  if (has_query) {
    for (const auto& hit : index.search(query))
      if (listed(hit.offer)) out.push_back(hit.offer);
    return out;
  }
  for (uint32_t i = 0; i < content.offers.size(); ++i)
    if (listed(i)) out.push_back(i);
  return out;
}

}  // namespace kiosk
