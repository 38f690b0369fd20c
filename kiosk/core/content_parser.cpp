#include "kiosk/core/content_parser.hpp"

#include <simdjson.h>

#include "kiosk/core/content_checks.hpp"
#include "kiosk/core/content_schema.hpp"

// The parser in parts: content_reader (one JSON object, field by field), content_formats (the
// fields' formats), content_schema (sections and items), content_checks (the whole bundle).
namespace kiosk {
namespace {

using content_internal::Parsed;
using content_internal::SourceView;

bool has_padding(const std::string& text) { return text.capacity() >= text.size() + kJsonPadding; }

SourceView view_of(const ContentSource& s) { return {s.name, s.text, has_padding(s.text), nullptr}; }

ContentParseResult parse_views(const std::vector<SourceView>& sources, const ContentSnapshot* fallback) {
  Parsed p;
  if (sources.empty()) {
    p.problems.push_back({"(bundle)", "$", "at least one content file (*.json)", "none", ""});
    return {nullptr, std::move(p.problems)};
  }
  simdjson::dom::parser parser;  // one for all documents: its buffers grow to the largest
  for (const SourceView& src : sources) content_internal::parse_document(p, parser, src);
  content_internal::check_whole(p, sources, fallback);
  if (!p.problems.empty()) return {nullptr, std::move(p.problems)};
  return {std::move(p.snapshot), {}};
}

}  // namespace

ContentParseResult parse_content(const std::vector<ContentSource>& sources, const ContentSnapshot* fallback) {
  std::vector<SourceView> views;
  for (const ContentSource& s : sources) views.push_back(view_of(s));
  return parse_views(views, fallback);
}

ContentParseResult parse_content(std::vector<ContentSource>&& sources, const ContentSnapshot* fallback) {
  std::vector<SourceView> views;
  for (ContentSource& s : sources) {
    views.push_back(view_of(s));
    views.back().release = &s.text;
  }
  return parse_views(views, fallback);
}

ContentParseResult parse_content_document(std::string_view name, const std::string& text, const ContentSnapshot* fallback) {
  return parse_views({{name, text, has_padding(text), nullptr}}, fallback);
}

}  // namespace kiosk
