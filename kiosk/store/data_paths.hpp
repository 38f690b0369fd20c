#pragma once
// Where the program's own read-only files are: `<prefix>/share/berswordt-kiosk/{content,fonts,assets}`,
// found relative to the running binary (`<prefix>/bin/…`). The build tree has the same layout,
// so a freshly built kiosk and an installed one find their files the same way.
#include <filesystem>

namespace kiosk {

std::filesystem::path data_dir();
inline std::filesystem::path bundled_content_dir() { return data_dir() / "content"; }
inline std::filesystem::path font_dir() { return data_dir() / "fonts"; }

}  // namespace kiosk
