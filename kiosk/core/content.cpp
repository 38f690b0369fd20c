#include "kiosk/core/content.hpp"

#include <algorithm>

namespace kiosk {

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

void ContentSnapshot::index() {
  unit_index_.clear();
  offer_index_.clear();
  for (size_t i = 0; i < units.size(); ++i) unit_index_.emplace(units[i].id, i);
  for (size_t i = 0; i < offers.size(); ++i) offer_index_.emplace(offers[i].id, i);
}

const Unit* ContentSnapshot::find_unit(std::string_view id) const {
  auto it = unit_index_.find(std::string(id));
  return it == unit_index_.end() ? nullptr : &units[it->second];
}

const Offer* ContentSnapshot::find_offer(std::string_view id) const {
  auto it = offer_index_.find(std::string(id));
  return it == offer_index_.end() ? nullptr : &offers[it->second];
}

const Category* ContentSnapshot::find_category(std::string_view id) const { return find_by_id(categories, id); }
const District* ContentSnapshot::find_district(std::string_view id) const { return find_by_id(districts, id); }
const Audience* ContentSnapshot::find_audience(std::string_view id) const { return find_by_id(audiences, id); }

std::string_view ContentSnapshot::text(std::string_view key, Lang lang) const {
  auto it = strings.find(key);
  if (it != strings.end() && !it->second.empty()) return it->second.get(lang);
  return key;  // validation (kRequiredUiKeys) keeps this from happening with checked content
}


}  // namespace kiosk
