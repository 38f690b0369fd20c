#pragma once
// The content schema (content/SCHEMA.md) as code: which sections a document has, which fields
// each item has, their formats and what the problem says when one is wrong. Internal to the
// content parser; whole-bundle checks are in content_checks.
#include <simdjson.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/content_reader.hpp"
#include "kiosk/core/problem.hpp"

namespace kiosk::content_internal {

// What the documents of one bundle built so far, and where each item came from.
struct Parsed {
  std::shared_ptr<ContentSnapshot> snapshot = std::make_shared<ContentSnapshot>();
  Problems problems;
  std::map<std::string, std::vector<Where>> origins;  // "offer" -> per item
  bool meta_seen = false;
  bool unreadable = false;  // a whole document could not be read; bundle-wide checks would only add noise
};

// A document as parse_document reads it; the bytes belong to the caller.
struct SourceView {
  std::string_view name;
  std::string_view text;
  bool padded = false;              // kJsonPadding bytes allocated past the end
  std::string* release = nullptr;   // freed once parsed, when the caller handed it over
};

// Reads one document into `p`: every section it has, every problem it finds.
void parse_document(Parsed& p, simdjson::dom::parser& parser, const SourceView& src);

}  // namespace kiosk::content_internal
