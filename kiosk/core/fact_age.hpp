#pragma once
// Figures age: "more than 170 partners" was true when the city wrote it. Facts carry the date
// their source stated them (`as_of`); these helpers find the ones an editor should check again.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content.hpp"

namespace kiosk {

struct AgedFact {
  std::string unit;   // the unit's id
  std::string label;  // the fact's German label
  std::string as_of;
};

// Facts whose `as_of` ends more than two years before `today` (YYYY-MM-DD). A year counts as
// its last day, a month as its last days, so "2024" is not due before 2027-01-01.
std::vector<AgedFact> facts_to_recheck(const ContentSnapshot& content, std::string_view today);

}  // namespace kiosk
