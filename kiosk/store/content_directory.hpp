#pragma once
// Reads an editable content folder (every *.json file in it, in name order) and parses it.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "kiosk/core/content_parser.hpp"

namespace kiosk {

// Big enough for 50,000 offers in one file (about 90 MB), small enough that a stray huge file
// is refused with a message rather than read into memory.
inline constexpr size_t kContentFileMaxBytes = 256u << 20;

ContentParseResult load_content_directory(const std::filesystem::path& dir);

// The folder's sections merged into one document, as a bundle carries them. Call it on a folder
// load_content_directory accepted.
nlohmann::json content_document_of(const std::filesystem::path& dir);

}  // namespace kiosk
