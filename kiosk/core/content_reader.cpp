#include "kiosk/core/content_reader.hpp"

namespace kiosk::content_internal {

std::string describe(const Value& v) {
  if (!v) return "nothing (the field is missing)";
  switch (v->type()) {
    case element_type::NULL_VALUE: return "null";
    case element_type::BOOL: return as<bool>(*v) ? "true" : "false";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: return "the number " + simdjson::minify(*v);
    case element_type::STRING: {
      std::string s(as<std::string_view>(*v));
      if (s.size() > 60) s = s.substr(0, 57) + "...";
      return s.empty() ? "an empty text" : "the text \"" + s + "\"";
    }
    case element_type::ARRAY: return "a list of " + std::to_string(as<array>(*v).size());
    case element_type::OBJECT: return "an object";
  }
  return "an unreadable value";
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string one_of(const std::vector<std::string>& options) {
  std::string s;
  for (size_t i = 0; i < options.size(); ++i) {
    if (i) s += i + 1 == options.size() ? " or " : ", ";
    s += in_quotes(options[i]);
  }
  return s;
}

Value member(const object& obj, std::string_view key) {
  element e;
  if (obj.at_key(key).get(e) != simdjson::SUCCESS) return std::nullopt;
  return e;
}

std::optional<std::string_view> as_string(const Value& v) {
  if (!v || !v->is_string()) return std::nullopt;
  return as<std::string_view>(*v);
}

}  // namespace kiosk::content_internal
