#include "kiosk/core/fact_age.hpp"

namespace kiosk {

std::vector<AgedFact> facts_to_recheck(const ContentSnapshot& content, std::string_view today) {
  std::vector<AgedFact> due;
  if (today.size() < 10) return due;
  // Two years before today, as text: ISO dates compare correctly as strings.
  const std::string limit = std::to_string(std::stoi(std::string(today.substr(0, 4))) - 2) + std::string(today.substr(4, 6));
  for (const Unit& u : content.units)
    for (const Fact& f : u.facts) {
      if (f.as_of.empty()) continue;
      const std::string end = f.as_of.size() == 4 ? f.as_of + "-12-31" : f.as_of.size() == 7 ? f.as_of + "-31" : f.as_of;
      if (end < limit) due.push_back({u.id, f.label.get(Lang::De), f.as_of});
    }
  return due;
}

}  // namespace kiosk
