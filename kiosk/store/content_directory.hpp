#pragma once
// Reads an editable content folder (every *.json file in it, in name order) and parses it.
#include <filesystem>

#include "kiosk/core/content_parser.hpp"

namespace kiosk {

ContentParseResult load_content_directory(const std::filesystem::path& dir);

}  // namespace kiosk
