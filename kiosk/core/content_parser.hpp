#pragma once
// Turns content documents (JSON text) into a ContentSnapshot, or into the full list of what is
// wrong with them. Validation never stops at the first problem: an editor fixing a bundle wants
// every mistake in one run, each with its file and JSON path (see content/SCHEMA.md).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/problem.hpp"

namespace kiosk {

struct ContentSource {
  std::string name;  // shown in problems, e.g. "offers.json"
  std::string text;  // the file's bytes
};

struct ContentParseResult {
  std::shared_ptr<const ContentSnapshot> snapshot;  // null when there are problems
  Problems problems;
  bool ok() const { return snapshot != nullptr; }
};

// Every source is a JSON object with "schema": kContentSchema and any of the sections
// meta, categories, districts, suitable_for, units, offers, strings. A bundle may keep each
// section in its own file (the editable `content/` folder) or all of them in one document
// (what `kioskctl publish` serves); the result is the same.
//
// `fallback` (the content bundled with the program) fills what a published bundle may lack
// because it was made for an older kiosk: UI strings added since, the privacy notice version.
// Without a fallback (validating the bundled content itself) such gaps are problems.
ContentParseResult parse_content(const std::vector<ContentSource>& sources, const ContentSnapshot* fallback = nullptr);

// The same, releasing each text as soon as it is parsed: the text of 10,000 offers is 17 MB
// that would otherwise be held while the model is built, at the start-up memory peak.
ContentParseResult parse_content(std::vector<ContentSource>&& sources, const ContentSnapshot* fallback = nullptr);

// One published document, read where it lies: a copy into a ContentSource would cost as much
// as a third of the parse.
ContentParseResult parse_content_document(std::string_view name, const std::string& text, const ContentSnapshot* fallback = nullptr);

// The JSON parser reads in blocks and needs this many bytes allocated (not used) past the end
// of a text. A text with that much spare capacity is parsed in place, any other one is copied
// first; readers of content files reserve it (read_whole_file's `spare`).
inline constexpr size_t kJsonPadding = 64;

}  // namespace kiosk
