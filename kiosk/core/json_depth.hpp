#pragma once
// How deeply a JSON text nests, found without parsing it. Parsers (nlohmann's DOM, simdjson)
// build or destroy nested values with recursion or memory proportional to the depth, so text
// from outside is measured first and refused when it nests deeper than any real document does.
#include <cstddef>
#include <string_view>

namespace kiosk {

// True when no array or object in `text` nests deeper than `max_depth` (brackets inside
// strings, escaped quotes included, do not count). Says nothing about whether `text` is valid.
bool json_nesting_within(std::string_view text, size_t max_depth);

}  // namespace kiosk
