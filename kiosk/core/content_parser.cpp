#include "kiosk/core/content_parser.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "kiosk/core/ui_keys.hpp"

namespace kiosk {
namespace {

using json = nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Describing what was found, in words an editor understands.

std::string describe(const json* v) {
  if (v == nullptr) return "nothing (the field is missing)";
  switch (v->type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return v->get<bool>() ? "true" : "false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "the number " + v->dump();
    case json::value_t::string: {
      std::string s = v->get<std::string>();
      if (s.size() > 60) s = s.substr(0, 57) + "...";
      return s.empty() ? "an empty text" : "the text \"" + s + "\"";
    }
    case json::value_t::array: return "a list of " + std::to_string(v->size());
    case json::value_t::object: return "an object";
    default: return "an unreadable value";
  }
}

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

std::string one_of(const std::vector<std::string>& options) {
  std::string s;
  for (size_t i = 0; i < options.size(); ++i) {
    if (i) s += i + 1 == options.size() ? " or " : ", ";
    s += in_quotes(options[i]);
  }
  return s;
}

bool is_id(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  if (!std::isalnum(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool is_digits(const std::string& s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!is_digits(s, 0, 4) || !is_digits(s, 5, 2) || !is_digits(s, 8, 2)) return false;
  int month = std::stoi(s.substr(5, 2));
  int day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool is_rfc3339(const std::string& s) {
  // 2026-11-01T09:30:00Z or with a +01:00 offset; fractional seconds allowed.
  if (s.size() < 20 || !is_date(s.substr(0, 10)) || (s[10] != 'T' && s[10] != 't')) return false;
  if (!is_digits(s, 11, 2) || s[13] != ':' || !is_digits(s, 14, 2) || s[16] != ':' || !is_digits(s, 17, 2))
    return false;
  size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  }
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) return i + 1 == s.size();
  return i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && is_digits(s, i + 1, 2) && s[i + 3] == ':' &&
         is_digits(s, i + 4, 2);
}

bool is_email(const std::string& s) {
  auto at = s.find('@');
  if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
  auto dot = s.find('.', at);
  return dot != std::string::npos && dot > at + 1 && dot + 1 < s.size() && s.find(' ') == std::string::npos;
}

bool is_phone(const std::string& s) {
  int digits = 0;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
    else if (c != ' ' && c != '+' && c != '-' && c != '/' && c != '(' && c != ')') return false;
  }
  return digits >= 5;
}

bool is_https_url(const std::string& s) { return s.rfind("https://", 0) == 0 && s.size() > 8; }

// ---------------------------------------------------------------------------------------------
// Reading one JSON object, recording a Problem for every field that is not what it should be.

struct Where {
  std::string file;
  std::string path;
  std::string subject;
};

class Reader {
 public:
  Reader(Problems& out, Where where, const json& obj) : out_(out), where_(std::move(where)), obj_(obj) {}

  const Where& where() const { return where_; }
  std::string path_of(const std::string& key) const { return where_.path + "." + key; }

  void problem(const std::string& path, std::string expected, std::string found) const {
    out_.push_back({where_.file, path, std::move(expected), std::move(found), where_.subject});
  }

  const json* field(const char* key) const {
    auto it = obj_.find(key);
    return it == obj_.end() ? nullptr : &*it;
  }

  std::string string(const char* key, bool required) const {
    const json* v = field(key);
    if (v == nullptr && !required) return {};
    if (v == nullptr || !v->is_string() || (required && v->get<std::string>().empty())) {
      problem(path_of(key), required ? "a non-empty text" : "a text", describe(v));
      return {};
    }
    return v->get<std::string>();
  }

  // Strings with a format: checked only when present (or required).
  std::string checked(const char* key, bool required, const char* expected, bool (*ok)(const std::string&)) const {
    const json* v = field(key);
    if (v == nullptr && !required) return {};
    if (v == nullptr || !v->is_string() || !ok(v->get<std::string>())) {
      problem(path_of(key), expected, describe(v));
      return {};
    }
    return v->get<std::string>();
  }

  std::string id(const char* key = "id") const {
    return checked(key, true, "an id of lowercase letters, digits and hyphens", is_id);
  }

  bool boolean(const char* key, bool fallback) const {
    const json* v = field(key);
    if (v == nullptr) return fallback;
    if (!v->is_boolean()) {
      problem(path_of(key), "true or false", describe(v));
      return fallback;
    }
    return v->get<bool>();
  }

  int integer(const char* key, bool required, int lo, int hi, int fallback = 0) const {
    const json* v = field(key);
    if (v == nullptr && !required) return fallback;
    if (v == nullptr || !v->is_number_integer() || v->get<long long>() < lo || v->get<long long>() > hi) {
      problem(path_of(key), "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi), describe(v));
      return fallback;
    }
    return static_cast<int>(v->get<long long>());
  }

  LocalizedText text(const char* key, bool required) const {
    const json* v = field(key);
    LocalizedText t;
    if (v == nullptr && !required) return t;
    read_text(v, path_of(key), t);
    return t;
  }

  void read_text(const json* v, const std::string& path, LocalizedText& t) const {
    static const char* expected = "a text in German and English, e.g. {\"de\": \"…\", \"en\": \"…\"}";
    if (v == nullptr || !v->is_object()) {
      problem(path, expected, describe(v));
      return;
    }
    for (Lang lang : kAllLangs) {
      auto it = v->find(std::string(lang_code(lang)));
      if (it == v->end()) continue;
      if (!it->is_string()) {
        problem(path + "." + std::string(lang_code(lang)), "a text", describe(&*it));
        continue;
      }
      t.set(lang, it->get<std::string>());
    }
    if (t.empty()) problem(path + ".de", "a non-empty German text (German is the fallback language)", describe(v->contains("de") ? &(*v)["de"] : nullptr));
  }

  std::vector<LocalizedText> text_list(const char* key) const {
    std::vector<LocalizedText> out;
    for_each(key, [&](const json& item, const std::string& path) {
      LocalizedText t;
      read_text(&item, path, t);
      out.push_back(std::move(t));
    });
    return out;
  }

  std::vector<std::string> string_list(const char* key, bool required_non_empty, const char* expected_item,
                                       bool (*ok)(const std::string&)) const {
    std::vector<std::string> out;
    const json* v = field(key);
    if (required_non_empty && (v == nullptr || !v->is_array() || v->empty())) {
      problem(path_of(key), std::string("a non-empty list of ") + expected_item, describe(v));
      return out;
    }
    for_each(key, [&](const json& item, const std::string& path) {
      if (!item.is_string() || !ok(item.get<std::string>())) {
        problem(path, expected_item, describe(&item));
        return;
      }
      out.push_back(item.get<std::string>());
    });
    return out;
  }

  template <class E>
  E choice(const char* key, bool required, const std::vector<std::pair<std::string, E>>& options, E fallback) const {
    const json* v = field(key);
    if (v == nullptr && !required) return fallback;
    if (v != nullptr && v->is_string()) {
      for (const auto& [name, value] : options)
        if (name == v->get<std::string>()) return value;
    }
    std::vector<std::string> names;
    for (const auto& o : options) names.push_back(o.first);
    problem(path_of(key), one_of(names), describe(v));
    return fallback;
  }

  // Calls fn for each element of the array at `key`; an absent key is an empty list.
  void for_each(const char* key, const std::function<void(const json&, const std::string&)>& fn) const {
    const json* v = field(key);
    if (v == nullptr) return;
    if (!v->is_array()) {
      problem(path_of(key), "a list", describe(v));
      return;
    }
    for (size_t i = 0; i < v->size(); ++i) fn((*v)[i], path_of(key) + "[" + std::to_string(i) + "]");
  }

  Reader child(const char* key, bool required, const json& empty) const {
    const json* v = field(key);
    if (v != nullptr && v->is_object()) return Reader(out_, {where_.file, path_of(key), where_.subject}, *v);
    if (v != nullptr || required) problem(path_of(key), "an object", describe(v));
    return Reader(out_, {where_.file, path_of(key), where_.subject}, empty);
  }

 private:
  Problems& out_;
  Where where_;
  const json& obj_;
};

const json& empty_object() {
  static const json e = json::object();
  return e;
}

// Where each item came from, for problems found only once all files are read (duplicates,
// references).
struct Origin {
  std::string file;
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
  p.problems.push_back({o.file, o.path + field, std::move(expected), std::move(found), o.subject});
}

Contact read_contact(const Reader& r) {
  Contact c;
  c.name = r.text("name", false);
  c.email = r.checked("email", false, "an email address like name@example.org", is_email);
  c.phone = r.checked("phone", false, "a phone number of digits, spaces and + - / ( )", is_phone);
  c.url = r.checked("url", false, "an https:// address", is_https_url);
  c.address = r.string("address", false);
  c.hours = r.text("hours", false);
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

void parse_item_list(Parsed& p, const Reader& top, const char* key, const char* kind,
                     const std::function<void(const Reader&)>& parse_one) {
  top.for_each(key, [&](const json& item, const std::string& path) {
    std::string subject;
    if (item.is_object() && item.contains("id") && item["id"].is_string())
      subject = std::string(kind) + " " + in_quotes(item["id"].get<std::string>());
    Reader r(p.problems, {top.where().file, path, subject}, item.is_object() ? item : empty_object());
    if (!item.is_object()) {
      r.problem(path, std::string("an object describing one ") + kind, describe(&item));
      return;
    }
    p.origins[kind].push_back({top.where().file, path, subject});
    parse_one(r);
  });
}

void parse_strings(Parsed& p, const Reader& top) {
  const json* v = top.field("strings");
  if (v == nullptr) return;
  if (!v->is_object()) {
    top.problem(top.path_of("strings"), "an object of languages, e.g. {\"de\": {…}, \"en\": {…}}", describe(v));
    return;
  }
  for (const auto& [code, table] : v->items()) {
    std::string path = top.path_of("strings") + "." + code;
    auto lang = lang_from_code(code);
    if (!lang) {
      top.problem(path, "a language code: \"de\", \"en\", \"tr\" or \"uk\"", in_quotes(code));
      continue;
    }
    if (!table.is_object()) {
      top.problem(path, "an object of UI strings by key", describe(&table));
      continue;
    }
    for (const auto& [key, value] : table.items()) {
      if (!value.is_string() || value.get<std::string>().empty()) {
        top.problem(path + "." + key, "a non-empty text", describe(&value));
        continue;
      }
      p.snapshot->strings[key].set(*lang, value.get<std::string>());
      p.origins["string"].push_back({top.where().file, path + "." + key, ""});
    }
  }
}

void parse_document(Parsed& p, const ContentSource& src) {
  json doc;
  try {
    doc = json::parse(src.text);
  } catch (const json::parse_error& e) {
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
    p.problems.push_back({src.name, "$", "valid JSON",
                          "a syntax error at line " + std::to_string(line) + ", column " + std::to_string(col), ""});
    p.unreadable = true;
    return;
  } catch (const json::out_of_range& e) {
    // nlohmann reports a number too large for a double this way, e.g. 1E999.
    p.problems.push_back({src.name, "$", "numbers a computer can hold", std::string("a number that is too large (") + e.what() + ")", ""});
    p.unreadable = true;
    return;
  }
  if (!doc.is_object()) {
    p.problems.push_back({src.name, "$", "a JSON object with \"schema\" and content sections", describe(&doc), ""});
    p.unreadable = true;
    return;
  }
  Reader top(p.problems, {src.name, "$", ""}, doc);
  const json* schema = top.field("schema");
  if (schema == nullptr || !schema->is_string() || schema->get<std::string>() != kContentSchema) {
    top.problem("$.schema", in_quotes(kContentSchema), describe(schema));
    p.unreadable = true;
    return;  // a document of another schema version cannot be read field by field
  }

  if (top.field("meta") != nullptr) parse_meta(p, top.child("meta", true, empty_object()));
  ContentSnapshot& s = *p.snapshot;

  parse_item_list(p, top, "categories", "category", [&](const Reader& r) {
    s.categories.push_back({r.id(), r.text("name", true), r.string("icon", false)});
  });
  parse_item_list(p, top, "districts", "district", [&](const Reader& r) {
    District d{r.id(), r.text("name", true), DistrictKind::Borough};
    d.kind = r.choice<DistrictKind>("kind", true,
                                    {{"borough", DistrictKind::Borough},
                                     {"citywide", DistrictKind::Citywide},
                                     {"online", DistrictKind::Online}},
                                    DistrictKind::Borough);
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
    if (r.field("parent") != nullptr) u.parent = r.id("parent");
    r.for_each("facts", [&](const json& item, const std::string& path) {
      Reader f(p.problems, {r.where().file, path, r.where().subject}, item.is_object() ? item : empty_object());
      if (!item.is_object()) {
        f.problem(path, "an object {\"label\": …, \"value\": …}", describe(&item));
        return;
      }
      u.facts.push_back({f.text("label", true), f.text("value", true)});
    });
    u.topics = r.text_list("topics");
    u.contact = read_contact(r.child("contact", true, empty_object()));
    u.url = r.checked("url", true, "an https:// address of the unit's page", is_https_url);
    u.image = r.string("image", false);
    s.units.push_back(std::move(u));
  });
  if (const json* list = top.field("offers"); list != nullptr && list->is_array())
    s.offers.reserve(s.offers.size() + list->size());  // 10,000 offers moved once, not copied at every growth
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
    o.commitment = r.choice<Commitment>("commitment", true,
                                        {{"one-off", Commitment::OneOff},
                                         {"fixed-term", Commitment::FixedTerm},
                                         {"regular", Commitment::Regular},
                                         {"flexible", Commitment::Flexible}},
                                        Commitment::Flexible);
    o.hours_per_month = r.integer("hours_per_month", true, 0, 200);
    r.for_each("time_slots", [&](const json& item, const std::string& path) {
      static const std::vector<std::pair<std::string, TimeSlot>> slots{{"weekday-morning", TimeSlot::WeekdayMorning},
                                                                        {"weekday-afternoon", TimeSlot::WeekdayAfternoon},
                                                                        {"weekday-evening", TimeSlot::WeekdayEvening},
                                                                        {"weekend", TimeSlot::Weekend}};
      for (const auto& [name, slot] : slots)
        if (item.is_string() && item.get<std::string>() == name) return o.time_slots.push_back(slot);
      r.problem(path, "\"weekday-morning\", \"weekday-afternoon\", \"weekday-evening\" or \"weekend\"", describe(&item));
    });
    o.start_date = r.checked("start_date", false, "a date like 2026-03-01", is_date);
    o.end_date = r.checked("end_date", false, "a date like 2026-03-01", is_date);
    if (!o.start_date.empty() && !o.end_date.empty() && o.end_date < o.start_date)
      r.problem(r.path_of("end_date"), "a date on or after start_date " + o.start_date, in_quotes(o.end_date));
    o.minimum_age = r.integer("minimum_age", false, 0, 99);
    o.police_certificate = r.choice<PoliceCertificate>("police_certificate", false,
                                                       {{"none", PoliceCertificate::None},
                                                        {"standard", PoliceCertificate::Standard},
                                                        {"extended", PoliceCertificate::Extended}},
                                                       PoliceCertificate::None);
    o.languages = r.string_list("languages", false, "a two-letter language code like \"de\"", [](const std::string& c) {
      return c.size() == 2 && std::islower(static_cast<unsigned char>(c[0])) && std::islower(static_cast<unsigned char>(c[1]));
    });
    o.accessibility = r.text("accessibility", false);
    o.suitable_for = r.string_list("suitable_for", false, "an audience id from suitable_for", is_id);
    o.benefits = r.text("benefits", false);
    o.contact = read_contact(r.child("contact", true, empty_object()));
    if (o.contact.email.empty() && o.contact.phone.empty() && o.contact.url.empty() && r.field("contact") != nullptr)
      r.problem(r.path_of("contact"), "at least one of email, phone or url", "none of them");
    o.url = r.checked("url", false, "an https:// address of the offer's page", is_https_url);
    o.updated_at = r.checked("updated_at", true, "a time like 2026-11-01T09:30:00+01:00 (RFC 3339)", is_rfc3339);
    o.featured = r.boolean("featured", false);
    o.image = r.string("image", false);
    if (!o.remote && o.address.empty() && r.field("address") == nullptr)
      r.problem(r.path_of("address"), "an address (required unless \"remote\" is true)", describe(nullptr));
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
                  in_quotes(items[i].id) + ", already used at " + o.file + ": " + o.path);
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

void check_whole(Parsed& p, const std::vector<ContentSource>& sources, const ContentSnapshot* fallback) {
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
  std::string bundle = sources.size() == 1 ? sources[0].name : "(bundle)";
  const auto& string_origins = p.origins["string"];
  const std::string strings_file = string_origins.empty() ? bundle : string_origins.front().file;
  if (!p.meta_seen) p.problems.push_back({bundle, "$.meta", "a \"meta\" section with the bundle's title", describe(nullptr), ""});
  if (p.meta_seen && s.meta.privacy_version.empty()) {
    if (fallback != nullptr && !fallback->meta.privacy_version.empty()) {
      s.meta.privacy_version = fallback->meta.privacy_version;
      if (s.meta.privacy_url.empty()) s.meta.privacy_url = fallback->meta.privacy_url;
    } else {
      p.problems.push_back({bundle, "$.meta.privacy_version", "the version of the privacy notice (recorded with every consent)",
                            describe(nullptr), ""});
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
                          describe(nullptr), ""});
  }
}

}  // namespace

ContentParseResult parse_content(const std::vector<ContentSource>& sources, const ContentSnapshot* fallback) {
  Parsed p;
  if (sources.empty()) {
    p.problems.push_back({"(bundle)", "$", "at least one content file (*.json)", "none", ""});
    return {nullptr, std::move(p.problems)};
  }
  for (const ContentSource& src : sources) parse_document(p, src);
  check_whole(p, sources, fallback);
  if (!p.problems.empty()) return {nullptr, std::move(p.problems)};
  return {std::move(p.snapshot), {}};
}

}  // namespace kiosk
