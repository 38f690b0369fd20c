#include "kiosk/core/content_parser.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <simdjson.h>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/json_duplicates.hpp"
#include "kiosk/core/ui_keys.hpp"

namespace kiosk {
namespace {

// simdjson's DOM: a published bundle of 10,000 offers is 17 MB of JSON, and reading it is most
// of what applying an update costs. nlohmann builds a node per value (120-200 ms and the
// memory peak for such a bundle); simdjson parses into one tape in a few tens of ms. nlohmann
// stays only to say where a syntax error is, which simdjson does not report.
using simdjson::dom::element;
using simdjson::dom::element_type;
using Value = std::optional<element>;

// The element as a T, once its type is known to be T.
template <class T>
T as(const element& e) {
  T out{};
  return e.get(out) == simdjson::SUCCESS ? out : T{};
}
using simdjson::dom::array;
using simdjson::dom::object;

// ---------------------------------------------------------------------------------------------
// Describing what was found, in words an editor understands.

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

bool is_id(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  if (!std::isalnum(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool is_digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

int two_digits(std::string_view s, size_t pos) { return (s[pos] - '0') * 10 + (s[pos + 1] - '0'); }

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!is_digits(s, 0, 4) || !is_digits(s, 5, 2) || !is_digits(s, 8, 2)) return false;
  return is_calendar_date(std::stoi(std::string(s.substr(0, 4))), two_digits(s, 5), two_digits(s, 8));
}

// A picture in the content's media/ folder: a plain file name, never a path that climbs out.
constexpr const char* kImageExpected = "a picture in media/ such as media/rathaus.jpg (.png, .jpg or .jpeg; no folders, no \"..\")";
bool is_media_name(std::string_view s) {
  if (s.rfind("media/", 0) != 0 || s.size() > 200) return false;
  const std::string_view name = s.substr(6);
  if (name.empty() || name[0] == '.' || name.find("..") != std::string_view::npos) return false;
  for (const char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') return false;
  auto ends = [&](std::string_view ext) { return name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext; };
  return ends(".png") || ends(".jpg") || ends(".jpeg");
}

// A fact's date: a year, a month or a day.
bool is_as_of(std::string_view s) {
  if (s.size() == 4) return is_digits(s, 0, 4);
  if (s.size() == 7) return is_digits(s, 0, 4) && s[4] == '-' && is_digits(s, 5, 2) && two_digits(s, 5) >= 1 && two_digits(s, 5) <= 12;
  return is_date(s);
}

// One RFC 3339 reader for the whole program (kiosk/core/bundle_manifest): impossible dates and
// times (2030-02-31, 25:61:61) are not times.
bool is_rfc3339(std::string_view s) { return parse_rfc3339(s) >= 0; }

bool is_email(std::string_view s) {
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  auto dot = s.find('.', at);
  return dot != std::string_view::npos && dot > at + 1 && dot + 1 < s.size() && s.find(' ') == std::string_view::npos;
}

bool is_phone(std::string_view s) {
  int digits = 0;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
    else if (c != ' ' && c != '+' && c != '-' && c != '/' && c != '(' && c != ')') return false;
  }
  return digits >= 5;
}

bool is_https_url(std::string_view s) { return s.substr(0, 8) == "https://" && s.size() > 8; }

bool is_language_code(std::string_view c) {
  return c.size() == 2 && std::islower(static_cast<unsigned char>(c[0])) && std::islower(static_cast<unsigned char>(c[1]));
}

// A member of a JSON object, or nothing when it has none of that name.
Value member(const object& obj, std::string_view key) {
  element e;
  if (obj.at_key(key).get(e) != simdjson::SUCCESS) return std::nullopt;
  return e;
}

std::optional<std::string_view> as_string(const Value& v) {
  if (!v || !v->is_string()) return std::nullopt;
  return as<std::string_view>(*v);
}

// ---------------------------------------------------------------------------------------------
// Reading one JSON object, recording a Problem for every field that is not what it should be.
// Paths are spelled out only for a problem: a valid bundle of 10,000 offers would otherwise
// format half a million of them that nobody reads.

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

  template <class E>
  E choice(const char* key, bool required, const std::vector<std::pair<std::string_view, E>>& options, E fallback) const {
    const Value v = field(key);
    if (!v && !required) return fallback;
    if (const auto s = as_string(v)) {
      for (const auto& [name, value] : options)
        if (name == *s) return value;
    }
    std::vector<std::string> names;
    for (const auto& o : options) names.emplace_back(o.first);
    problem(path_of(key), one_of(names), describe(v));
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

// Where each item came from, for problems found only once all files are read (duplicates,
// references).
struct Origin {
  std::string_view file;
  std::string path;
  std::string subject;
};

struct Parsed {
  std::shared_ptr<ContentSnapshot> snapshot = std::make_shared<ContentSnapshot>();
  Problems problems;
  std::map<std::string, std::vector<Origin>> origins;  // "offer" -> per item
  bool meta_seen = false;
  bool unreadable = false;  // a whole document could not be read; bundle-wide checks would only add noise
};

void add_problem(Parsed& p, const Origin& o, const std::string& field, std::string expected, std::string found) {
  p.problems.push_back({std::string(o.file), o.path + field, std::move(expected), std::move(found), o.subject});
}

Contact read_contact(const Reader& r) {
  Contact c;
  c.name = r.text("name", false);
  c.email = r.checked("email", false, "an email address like name@example.org", is_email);
  c.phone = r.checked("phone", false, "a phone number of digits, spaces and + - / ( )", is_phone);
  c.url = r.checked("url", false, "an https:// address", is_https_url);
  c.address = r.string("address", false);
  c.hours = r.text("hours", false);
  c.general_line = r.boolean("general_line", false);
  return c;
}

void parse_meta(Parsed& p, const Reader& r) {
  ContentMeta& m = p.snapshot->meta;
  m.title = r.text("title", true);
  m.sample_data = r.boolean("sample_data", false);
  m.notice = r.text("notice", false);
  m.privacy_version = r.string("privacy_version", false);
  m.privacy_url = r.checked("privacy_url", false, "an https:// address of the privacy notice", is_https_url);
  p.meta_seen = true;
}

template <class ParseOne>
void parse_item_list(Parsed& p, const Reader& top, const char* key, const char* kind, const ParseOne& parse_one) {
  std::vector<Origin>& origins = p.origins[kind];
  top.for_each(key, [&](const element& item, const ItemPath& at) {
    std::string path = at.str();
    if (!item.is_object()) {
      top.problem(path, std::string("an object describing one ") + kind, describe(item));
      return;
    }
    const object obj = as<object>(item);
    std::string subject;
    if (const auto id = as_string(member(obj, "id")))
      subject = std::string(kind) + " " + in_quotes(*id);
    origins.push_back({top.where().file, path, subject});
    parse_one(Reader(p.problems, {top.where().file, std::move(path), std::move(subject)}, obj));
  });
}

void parse_strings(Parsed& p, const Reader& top) {
  const Value v = top.field("strings");
  if (!v) return;
  if (!v->is_object()) {
    top.problem(top.path_of("strings"), "an object of languages, e.g. {\"de\": {…}, \"en\": {…}}", describe(v));
    return;
  }
  const object languages = as<object>(*v);
  for (const auto [code, table] : languages) {
    std::string path = top.path_of("strings") + "." + std::string(code);
    auto lang = lang_from_code(code);
    if (!lang) {
      top.problem(path, "a language code: \"de\", \"en\", \"tr\" or \"uk\"", in_quotes(code));
      continue;
    }
    if (!table.is_object()) {
      top.problem(path, "an object of UI strings by key", describe(table));
      continue;
    }
    const object entries = as<object>(table);
    for (const auto [key, value] : entries) {
      const auto text = as_string(value);
      if (!text || text->empty()) {
        top.problem(path + "." + std::string(key), "a non-empty text", describe(value));
        continue;
      }
      p.snapshot->strings[std::string(key)].set(*lang, std::string(*text));
      p.origins["string"].push_back({top.where().file, path + "." + std::string(key), ""});
    }
  }
}

template <class E>
using Choices = std::vector<std::pair<std::string_view, E>>;
const Choices<DistrictKind> kDistrictKinds{
    {"borough", DistrictKind::Borough}, {"citywide", DistrictKind::Citywide}, {"online", DistrictKind::Online}};
const Choices<Commitment> kCommitments{{"one-off", Commitment::OneOff},
                                       {"fixed-term", Commitment::FixedTerm},
                                       {"regular", Commitment::Regular},
                                       {"flexible", Commitment::Flexible}};
const Choices<PoliceCertificate> kPoliceCertificates{
    {"none", PoliceCertificate::None}, {"standard", PoliceCertificate::Standard}, {"extended", PoliceCertificate::Extended}};
const Choices<TimeSlot> kTimeSlots{{"weekday-morning", TimeSlot::WeekdayMorning},
                                   {"weekday-afternoon", TimeSlot::WeekdayAfternoon},
                                   {"weekday-evening", TimeSlot::WeekdayEvening},
                                   {"weekend", TimeSlot::Weekend}};

// A document as parse_document reads it; the bytes belong to the caller.
struct SourceView {
  std::string_view name;
  std::string_view text;
  bool padded = false;              // kJsonPadding bytes allocated past the end
  std::string* release = nullptr;   // freed once parsed, when the caller handed it over
};

bool has_padding(const std::string& text) { return text.capacity() >= text.size() + kJsonPadding; }

SourceView view_of(const ContentSource& s) { return {s.name, s.text, has_padding(s.text), nullptr}; }

// Where a document that is not JSON goes wrong, for the editor: nlohmann knows the byte,
// simdjson only that it failed.
Problem syntax_problem(const SourceView& src, simdjson::error_code error) {
  try {
    const auto unused = nlohmann::json::parse(src.text);
  } catch (const nlohmann::json::parse_error& e) {
    // Turn the byte offset into a line and column an editor can jump to.
    size_t line = 1, col = 1;
    for (size_t i = 0; i + 1 < e.byte && i < src.text.size(); ++i) {
      if (src.text[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    return {std::string(src.name), "$", "valid JSON", "a syntax error at line " + std::to_string(line) + ", column " + std::to_string(col), ""};
  } catch (const nlohmann::json::out_of_range& e) {
    return {std::string(src.name), "$", "numbers a computer can hold", std::string("a number that is too large (") + e.what() + ")", ""};
  }
  if (error == simdjson::NUMBER_ERROR || error == simdjson::NUMBER_OUT_OF_RANGE)
    return {std::string(src.name), "$", "numbers a computer can hold", std::string("a number that is too large (") + simdjson::error_message(error) + ")", ""};
  return {std::string(src.name), "$", "valid JSON", std::string("JSON this kiosk cannot read (") + simdjson::error_message(error) + ")", ""};
}

void parse_document(Parsed& p, simdjson::dom::parser& parser, const SourceView& src) {
  element doc;
  static_assert(kJsonPadding >= simdjson::SIMDJSON_PADDING);
  const auto error = parser.parse(src.text.data(), src.text.size(), !src.padded).get(doc);
  if (src.release != nullptr && error == simdjson::SUCCESS) std::string().swap(*src.release);  // the tape has what is needed
  if (error != simdjson::SUCCESS) {
    p.problems.push_back(syntax_problem(src, error));
    p.unreadable = true;
    return;
  }
  if (const auto dup = first_duplicate_key(doc)) {
    // Readers disagree on which of two values counts; a signed document must mean one thing.
    p.problems.push_back({std::string(src.name), *dup, "each key once in its object", "the key a second time", ""});
    p.unreadable = true;
    return;
  }
  if (!doc.is_object()) {
    p.problems.push_back({std::string(src.name), "$", "a JSON object with \"schema\" and content sections", describe(doc), ""});
    p.unreadable = true;
    return;
  }
  Reader top(p.problems, {src.name, "$", ""}, as<object>(doc));
  const Value schema = top.field("schema");
  if (as_string(schema) != std::optional<std::string_view>(kContentSchema)) {
    top.problem("$.schema", in_quotes(kContentSchema), describe(schema));
    p.unreadable = true;
    return;  // a document of another schema version cannot be read field by field
  }

  if (top.field("meta")) parse_meta(p, top.child("meta", true));
  ContentSnapshot& s = *p.snapshot;

  parse_item_list(p, top, "categories", "category", [&](const Reader& r) {
    s.categories.push_back({r.id(), r.text("name", true), r.string("icon", false)});
  });
  parse_item_list(p, top, "districts", "district", [&](const Reader& r) {
    District d{r.id(), r.text("name", true), DistrictKind::Borough};
    d.kind = r.choice("kind", true, kDistrictKinds, DistrictKind::Borough);
    s.districts.push_back(std::move(d));
  });
  parse_item_list(p, top, "suitable_for", "audience", [&](const Reader& r) {
    s.audiences.push_back({r.id(), r.text("name", true)});
  });
  parse_item_list(p, top, "units", "unit", [&](const Reader& r) {
    Unit u;
    u.id = r.id();
    u.name = r.text("name", true);
    u.summary = r.text("summary", true);
    u.description = r.text("description", true);
    if (r.field("parent")) u.parent = r.id("parent");
    r.for_each("facts", [&](const element& item, const ItemPath& path) {
      if (!item.is_object()) {
        r.problem(path.str(), "an object {\"label\": …, \"value\": …}", describe(item));
        return;
      }
      const Reader f(p.problems, {r.where().file, path.str(), r.where().subject}, as<object>(item));
      u.facts.push_back({f.text("label", true), f.text("value", true),
                         f.checked("as_of", false, "a year (2020), month (2020-05) or date (2020-05-31)", is_as_of)});
    });
    u.topics = r.text_list("topics");
    u.contact = read_contact(r.child("contact", true));
    u.url = r.checked("url", true, "an https:// address of the unit's page", is_https_url);
    u.image = r.checked("image", false, kImageExpected, is_media_name);
    s.units.push_back(std::move(u));
  });
  if (const Value list = top.field("offers"); list && list->is_array())
    s.offers.reserve(s.offers.size() + as<array>(*list).size());  // 10,000 offers moved once, not copied at every growth
  parse_item_list(p, top, "offers", "offer", [&](const Reader& r) {
    Offer o;
    o.id = r.id();
    o.title = r.text("title", true);
    o.summary = r.text("summary", true);
    o.description = r.text("description", true);
    o.organisation = r.string("organisation", true);
    o.unit = r.id("unit");
    o.categories = r.string_list("categories", true, "a category id", is_id);
    o.district = r.id("district");
    o.address = r.string("address", false);
    o.remote = r.boolean("remote", false);
    o.commitment = r.choice("commitment", true, kCommitments, Commitment::Flexible);
    o.hours_per_month = r.integer("hours_per_month", true, 0, 200);
    r.for_each("time_slots", [&](const element& item, const ItemPath& path) {
      for (const auto& [name, slot] : kTimeSlots)
        if (as_string(item) == std::optional<std::string_view>(name)) return o.time_slots.push_back(slot);
      r.problem(path.str(), "\"weekday-morning\", \"weekday-afternoon\", \"weekday-evening\" or \"weekend\"", describe(item));
    });
    o.start_date = r.checked("start_date", false, "a date like 2026-03-01", is_date);
    o.end_date = r.checked("end_date", false, "a date like 2026-03-01", is_date);
    if (!o.start_date.empty() && !o.end_date.empty() && o.end_date < o.start_date)
      r.problem(r.path_of("end_date"), "a date on or after start_date " + o.start_date, in_quotes(o.end_date));
    o.minimum_age = r.integer("minimum_age", false, 0, 99);
    o.police_certificate = r.choice("police_certificate", false, kPoliceCertificates, PoliceCertificate::None);
    o.languages = r.string_list("languages", false, "a two-letter language code like \"de\"", is_language_code);
    o.accessibility = r.text("accessibility", false);
    o.suitable_for = r.string_list("suitable_for", false, "an audience id from suitable_for", is_id);
    o.benefits = r.text("benefits", false);
    o.contact = read_contact(r.child("contact", true));
    if (o.contact.email.empty() && o.contact.phone.empty() && o.contact.url.empty() && r.field("contact"))
      r.problem(r.path_of("contact"), "at least one of email, phone or url", "none of them");
    o.url = r.checked("url", false, "an https:// address of the offer's page", is_https_url);
    o.updated_at = r.checked("updated_at", true, "a time like 2026-11-01T09:30:00+01:00 (RFC 3339)", is_rfc3339);
    o.featured = r.boolean("featured", false);
    o.image = r.checked("image", false, kImageExpected, is_media_name);
    if (!o.remote && o.address.empty() && !r.field("address"))
      r.problem(r.path_of("address"), "an address (required unless \"remote\" is true)", describe(std::nullopt));
    s.offers.push_back(std::move(o));
  });
  parse_strings(p, top);
}

// ---------------------------------------------------------------------------------------------
// Checks that need every file: unique ids, references that resolve, required UI strings.

template <class T>
void check_unique(Parsed& p, const std::vector<T>& items, const char* kind) {
  std::map<std::string, size_t> first;
  const auto& origins = p.origins[kind];
  for (size_t i = 0; i < items.size() && i < origins.size(); ++i) {
    if (items[i].id.empty()) continue;
    auto [it, inserted] = first.emplace(items[i].id, i);
    if (!inserted) {
      const Origin& o = origins[it->second];
      add_problem(p, origins[i], ".id", std::string("an id no other ") + kind + " has",
                  in_quotes(items[i].id) + ", already used at " + std::string(o.file) + ": " + o.path);
    }
  }
}

template <class T>
std::string known_ids(const std::vector<T>& items) {
  std::string s;
  for (size_t i = 0; i < items.size() && i < 14; ++i) s += (i ? ", " : "") + items[i].id;
  if (items.size() > 14) s += ", …";
  return s;
}

void check_references(Parsed& p) {
  ContentSnapshot& s = *p.snapshot;
  const auto& unit_origins = p.origins["unit"];
  for (size_t i = 0; i < s.units.size() && i < unit_origins.size(); ++i) {
    const Unit& u = s.units[i];
    if (!u.parent.empty() && s.find_unit(u.parent) == nullptr)
      add_problem(p, unit_origins[i], ".parent", "the id of a unit (" + known_ids(s.units) + ")", in_quotes(u.parent));
    if (!u.parent.empty() && u.parent == u.id)
      add_problem(p, unit_origins[i], ".parent", "another unit's id", "the unit's own id");
  }
  const auto& offer_origins = p.origins["offer"];
  for (size_t i = 0; i < s.offers.size() && i < offer_origins.size(); ++i) {
    const Offer& o = s.offers[i];
    const Origin& at = offer_origins[i];
    if (!o.unit.empty() && s.find_unit(o.unit) == nullptr)
      add_problem(p, at, ".unit", "the id of a unit (" + known_ids(s.units) + ")", in_quotes(o.unit));
    for (size_t c = 0; c < o.categories.size(); ++c)
      if (s.find_category(o.categories[c]) == nullptr)
        add_problem(p, at, ".categories[" + std::to_string(c) + "]",
                    "a category id (" + known_ids(s.categories) + ")", in_quotes(o.categories[c]));
    const District* d = o.district.empty() ? nullptr : s.find_district(o.district);
    if (!o.district.empty() && d == nullptr)
      add_problem(p, at, ".district", "a district id (" + known_ids(s.districts) + ")", in_quotes(o.district));
    if (d != nullptr && d->kind == DistrictKind::Online && !o.remote)
      add_problem(p, at, ".remote", "true for an offer in the online district", "false");
    for (size_t a = 0; a < o.suitable_for.size(); ++a)
      if (s.find_audience(o.suitable_for[a]) == nullptr)
        add_problem(p, at, ".suitable_for[" + std::to_string(a) + "]",
                    "an audience id (" + known_ids(s.audiences) + ")", in_quotes(o.suitable_for[a]));
  }
}

void check_whole(Parsed& p, const std::vector<SourceView>& sources, const ContentSnapshot* fallback) {
  ContentSnapshot& s = *p.snapshot;
  s.index();
  check_unique(p, s.categories, "category");
  check_unique(p, s.districts, "district");
  check_unique(p, s.audiences, "audience");
  check_unique(p, s.units, "unit");
  check_unique(p, s.offers, "offer");
  check_references(p);
  if (p.unreadable) return;

  // Bundle-wide gaps are reported against the file that holds the section, when there is one.
  std::string bundle = sources.size() == 1 ? std::string(sources[0].name) : "(bundle)";
  const auto& string_origins = p.origins["string"];
  const std::string strings_file = string_origins.empty() ? bundle : std::string(string_origins.front().file);
  if (!p.meta_seen) p.problems.push_back({bundle, "$.meta", "a \"meta\" section with the bundle's title", describe(std::nullopt), ""});
  if (p.meta_seen && s.meta.privacy_version.empty()) {
    if (fallback != nullptr && !fallback->meta.privacy_version.empty()) {
      s.meta.privacy_version = fallback->meta.privacy_version;
      if (s.meta.privacy_url.empty()) s.meta.privacy_url = fallback->meta.privacy_url;
    } else {
      p.problems.push_back({bundle, "$.meta.privacy_version", "the version of the privacy notice (recorded with every consent)",
                            describe(std::nullopt), ""});
    }
  }
  if (s.units.empty()) p.problems.push_back({bundle, "$.units", "at least one unit", "none", ""});
  if (s.districts.empty()) p.problems.push_back({bundle, "$.districts", "the districts offers refer to", "none", ""});
  for (std::string_view key : kRequiredUiKeys) {
    auto it = s.strings.find(key);
    if (it != s.strings.end() && it->second.has(Lang::De)) continue;
    if (fallback != nullptr) {  // a string this kiosk knows and the bundle's author did not yet
      const auto f = fallback->strings.find(key);
      if (f != fallback->strings.end() && f->second.has(Lang::De)) {
        s.strings[std::string(key)] = f->second;
        continue;
      }
    }
    p.problems.push_back({strings_file, "$.strings.de." + std::string(key), "the German UI string the screens need",
                          describe(std::nullopt), ""});
  }
}

}  // namespace

namespace {

ContentParseResult parse_views(const std::vector<SourceView>& sources, const ContentSnapshot* fallback) {
  Parsed p;
  if (sources.empty()) {
    p.problems.push_back({"(bundle)", "$", "at least one content file (*.json)", "none", ""});
    return {nullptr, std::move(p.problems)};
  }
  simdjson::dom::parser parser;  // one for all documents: its buffers grow to the largest
  for (const SourceView& src : sources) parse_document(p, parser, src);
  check_whole(p, sources, fallback);
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
