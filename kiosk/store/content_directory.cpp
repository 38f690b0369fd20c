#include "kiosk/store/content_directory.hpp"

#include "kiosk/store/atomic_file.hpp"

#include <algorithm>
#include <system_error>

namespace kiosk {

ContentParseResult load_content_directory(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return {nullptr, {{dir.string(), "$", "a folder of content files (*.json)", "no such folder", ""}}};
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) return {nullptr, {{dir.string(), "$", "a readable folder", ec.message(), ""}}};
  std::sort(files.begin(), files.end());

  std::vector<ContentSource> sources;
  Problems unreadable;
  for (const auto& f : files) {
    auto text = read_whole_file(f, kContentFileMaxBytes, kJsonPadding);
    if (!text) {
      unreadable.push_back({f.filename().string(), "$", "a readable file of at most 256 MB", "a read error or a larger file", ""});
      continue;
    }
    sources.push_back({f.filename().string(), std::move(*text)});
  }
  if (!unreadable.empty()) return {nullptr, std::move(unreadable)};
  return parse_content(std::move(sources));
}

nlohmann::json content_document_of(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  nlohmann::json doc{{"schema", kContentSchema}};
  for (const auto& f : files) {
    const auto part = nlohmann::json::parse(read_whole_file(f, kContentFileMaxBytes).value_or("{}"), nullptr, false);
    if (!part.is_object()) continue;
    for (const auto& [k, v] : part.items())
      if (k != "schema") doc[k] = v;
  }
  return doc;
}

}  // namespace kiosk
