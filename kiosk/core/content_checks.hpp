#pragma once
// Checks that need every document of a bundle: unique ids, references that resolve, the
// sections and UI strings a kiosk cannot do without (filled from `fallback`, the bundled
// content, where a bundle made for an older kiosk lacks them). Internal to the content parser.
#include <vector>

#include "kiosk/core/content_schema.hpp"

namespace kiosk::content_internal {

void check_whole(Parsed& p, const std::vector<SourceView>& sources, const ContentSnapshot* fallback);

}  // namespace kiosk::content_internal
