#include "kiosk/core/json_duplicates.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

namespace kiosk {

namespace {

// Tracks the keys of every open object; stops at the first repeat.
class DuplicateFinder : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::optional<std::string> found;

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override {
    value();
    frames_.push_back({true, {}, "", 0});
    return true;
  }
  bool key(string_t& k) override {
    Frame& f = frames_.back();
    f.current = k;
    if (!f.keys.insert(k).second) {
      found = path();
      return false;
    }
    return true;
  }
  bool end_object() override { return pop(); }
  bool start_array(std::size_t) override {
    value();
    frames_.push_back({false, {}, "", 0});
    return true;
  }
  bool end_array() override { return pop(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  struct Frame {
    bool object;
    std::set<std::string> keys;
    std::string current;  // the key being read (objects)
    size_t index;         // the next element (arrays)
  };
  // A value begins: in an array it takes the next index.
  bool value() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    return true;
  }
  bool pop() {
    frames_.pop_back();
    return true;
  }
  std::string path() const {
    std::string p = "$";
    for (const Frame& f : frames_) p += f.object ? "." + f.current : "[" + std::to_string(f.index - 1) + "]";
    return p;
  }
  std::vector<Frame> frames_;
};

// Depth-first over the tape. The path is spelled out only for a finding; each depth reuses one
// scratch list of keys, so a 10,000-offer document costs a few ms and no allocation per object.
class TapeWalker {
 public:
  std::optional<std::string> run(const simdjson::dom::element& root) {
    if (!walk(root, 0)) return std::nullopt;
    std::string p = "$";
    for (auto it = trail_.rbegin(); it != trail_.rend(); ++it) p += it->key.empty() ? "[" + std::to_string(it->index) + "]" : "." + std::string(it->key);
    return p;
  }

 private:
  struct Step {
    std::string_view key;  // empty: an array index
    size_t index;
  };
  bool walk(const simdjson::dom::element& e, size_t depth) {
    if (e.is_object()) {
      if (scratch_.size() <= depth) scratch_.resize(depth + 1);
      auto& keys = scratch_[depth];
      keys.clear();
      const simdjson::dom::object obj = e.get_object().value_unsafe();
      for (auto field : obj) keys.push_back(field.key);
      std::sort(keys.begin(), keys.end());
      if (const auto dup = std::adjacent_find(keys.begin(), keys.end()); dup != keys.end()) {
        trail_.push_back({*dup, 0});
        return true;
      }
      for (auto field : obj)
        if ((field.value.is_object() || field.value.is_array()) && walk(field.value, depth + 1)) {
          trail_.push_back({field.key, 0});
          return true;
        }
    } else if (e.is_array()) {
      size_t i = 0;
      const simdjson::dom::array arr = e.get_array().value_unsafe();
      for (auto item : arr) {
        if ((item.is_object() || item.is_array()) && walk(item, depth + 1)) {
          trail_.push_back({{}, i});
          return true;
        }
        ++i;
      }
    }
    return false;
  }
  std::vector<std::vector<std::string_view>> scratch_;
  std::vector<Step> trail_;  // innermost first
};

}  // namespace

std::optional<std::string> first_duplicate_key(std::string_view text) {
  DuplicateFinder finder;
  nlohmann::json::sax_parse(text, &finder);
  return finder.found;
}

std::optional<std::string> first_duplicate_key(const simdjson::dom::element& root) { return TapeWalker().run(root); }

}  // namespace kiosk
