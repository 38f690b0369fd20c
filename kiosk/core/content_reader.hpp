#pragma once
// Reading one JSON object of a content document (simdjson's DOM), with a Problem for every
// field that is not what it should be, in words an editor understands. Paths are spelled out
// only for a problem: a valid bundle of 10,000 offers would otherwise format half a million of
// them that nobody reads. Internal to the content parser (content_schema, content_checks).
//
// simdjson, because a published bundle of 10,000 offers is 17 MB of JSON and reading it is
// most of what applying an update costs: nlohmann builds a node per value (120-200 ms and the
// memory peak for such a bundle), simdjson parses into one tape in a few tens of ms.
#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/content_formats.hpp"
#include "kiosk/core/problem.hpp"

namespace kiosk::content_internal {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;
using Value = std::optional<element>;

// The element as a T, once its type is known to be T.
template <class T>
T as(const element& e) {
  T out{};
  return e.get(out) == simdjson::SUCCESS ? out : T{};
}

// What was found, in words: "the number 5", "the text \"…\"", "nothing (the field is missing)".
std::string describe(const Value& v);
std::string in_quotes(std::string_view s);
std::string one_of(const std::vector<std::string>& options);  // "\"a\", \"b\" or \"c\""
template <class E, size_t N>
std::string choice_names(const ChoiceIds<E, N>& ids) {
  std::vector<std::string> names;
  for (const auto& c : ids) names.emplace_back(c.first);
  return one_of(names);
}
// A member of a JSON object, or nothing when it has none of that name.
Value member(const object& obj, std::string_view key);
std::optional<std::string_view> as_string(const Value& v);

// Where an object is: its file, its JSON path, and what it is in words ("offer \"tafel\"").
// Items keep theirs for the checks that need every file (duplicates, references).
struct Where {
  std::string_view file;  // the ContentSource's name, which outlives the parse
  std::string path;
  std::string subject;
};

// The path of the i-th element of a list field, spelled out on demand.
struct ItemPath {
  const std::string& list;
  size_t index;
  std::string str() const { return list + "[" + std::to_string(index) + "]"; }
};

class Reader {
 public:
  Reader(Problems& out, Where where, std::optional<object> obj)
      : out_(out), where_(std::move(where)), obj_(obj) {}

  const Where& where() const { return where_; }
  std::string path_of(std::string_view key) const { return where_.path + "." + std::string(key); }

  void problem(const std::string& path, std::string expected, std::string found) const {
    out_.push_back({std::string(where_.file), path, std::move(expected), std::move(found), where_.subject});
  }

  Value field(std::string_view key) const { return obj_ ? member(*obj_, key) : std::nullopt; }

  std::string string(const char* key, bool required) const {
    const Value v = field(key);
    if (!v && !required) return {};
    const auto s = as_string(v);
    if (!s || (required && s->empty())) {
      problem(path_of(key), required ? "a non-empty text" : "a text", describe(v));
      return {};
    }
    return std::string(*s);
  }

  // Strings with a format: checked only when present (or required).
  std::string checked(const char* key, bool required, const char* expected, bool (*ok)(std::string_view)) const {
    const Value v = field(key);
    if (!v && !required) return {};
    const auto s = as_string(v);
    if (!s || !ok(*s)) {
      problem(path_of(key), expected, describe(v));
      return {};
    }
    return std::string(*s);
  }

  std::string id(const char* key = "id") const {
    return checked(key, true, "an id of lowercase letters, digits and hyphens", is_id);
  }

  bool boolean(const char* key, bool fallback) const {
    const Value v = field(key);
    if (!v) return fallback;
    if (!v->is_bool()) {
      problem(path_of(key), "true or false", describe(v));
      return fallback;
    }
    return as<bool>(*v);
  }

  int integer(const char* key, bool required, int lo, int hi, int fallback = 0) const {
    const Value v = field(key);
    if (!v && !required) return fallback;
    int64_t n = 0;
    if (!v || v->get_int64().get(n) != simdjson::SUCCESS || n < lo || n > hi) {
      problem(path_of(key), "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi), describe(v));
      return fallback;
    }
    return static_cast<int>(n);
  }

  LocalizedText text(const char* key, bool required) const {
    const Value v = field(key);
    LocalizedText t;
    if (!v && !required) return t;
    read_text(v, [&] { return path_of(key); }, t);
    return t;
  }

  template <class PathFn>
  void read_text(const Value& v, const PathFn& path, LocalizedText& t) const {
    static const char* expected = "a text in German and English, e.g. {\"de\": \"…\", \"en\": \"…\"}";
    if (!v || !v->is_object()) {
      problem(path(), expected, describe(v));
      return;
    }
    const object langs = as<object>(*v);
    for (Lang lang : kAllLangs) {
      const Value s = member(langs, lang_code(lang));
      if (!s) continue;
      if (!s->is_string()) {
        problem(path() + "." + std::string(lang_code(lang)), "a text", describe(s));
        continue;
      }
      t.set(lang, std::string(as<std::string_view>(*s)));
    }
    if (t.empty()) problem(path() + ".de", "a non-empty German text (German is the fallback language)", describe(member(langs, "de")));
  }

  std::vector<LocalizedText> text_list(const char* key) const {
    std::vector<LocalizedText> out;
    for_each(key, [&](const element& item, const ItemPath& path) {
      LocalizedText t;
      read_text(item, [&] { return path.str(); }, t);
      out.push_back(std::move(t));
    });
    return out;
  }

  std::vector<std::string> string_list(const char* key, bool required_non_empty, const char* expected_item,
                                       bool (*ok)(std::string_view)) const {
    std::vector<std::string> out;
    const Value v = field(key);
    if (required_non_empty && (!v || !v->is_array() || as<array>(*v).size() == 0)) {
      problem(path_of(key), std::string("a non-empty list of ") + expected_item, describe(v));
      return out;
    }
    for_each(key, [&](const element& item, const ItemPath& path) {
      const auto s = as_string(item);
      if (!s || !ok(*s)) {
        problem(path.str(), expected_item, describe(item));
        return;
      }
      out.emplace_back(*s);
    });
    return out;
  }

  template <class E, size_t N>
  E choice(const char* key, bool required, const ChoiceIds<E, N>& options, E fallback) const {
    const Value v = field(key);
    if (!v && !required) return fallback;
    if (const auto s = as_string(v)) {
      for (const auto& [name, value] : options)
        if (name == *s) return value;
    }
    problem(path_of(key), choice_names(options), describe(v));
    return fallback;
  }

  // Calls fn(item, path) for each element of the array at `key`; an absent key is an empty list.
  template <class Fn>
  void for_each(const char* key, const Fn& fn) const {
    const Value v = field(key);
    if (!v) return;
    if (!v->is_array()) {
      problem(path_of(key), "a list", describe(v));
      return;
    }
    const std::string list = path_of(key);
    size_t i = 0;
    const array items = as<array>(*v);
    for (element item : items) fn(item, ItemPath{list, i++});
  }

  Reader child(const char* key, bool required) const {
    const Value v = field(key);
    if (v && v->is_object()) return Reader(out_, {where_.file, path_of(key), where_.subject}, as<object>(*v));
    if (v || required) problem(path_of(key), "an object", describe(v));
    return Reader(out_, {where_.file, path_of(key), where_.subject}, std::nullopt);
  }

 private:
  Problems& out_;
  Where where_;
  std::optional<object> obj_;  // none: every field is missing
};

}  // namespace kiosk::content_internal
