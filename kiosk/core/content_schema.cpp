#include "kiosk/core/content_schema.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "kiosk/core/content_formats.hpp"
#include "kiosk/core/content_parser.hpp"
#include "kiosk/core/json_duplicates.hpp"

namespace kiosk::content_internal {
namespace {

constexpr const char* kLanguageCodeExpected = "a language code: \"de\", \"en\", \"tr\" or \"uk\"";

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

// "fallback": {"uk": ["en", "de"], "tr": ["de", "en"]}: the languages to try, in order, for
// a text missing in the visitor's; languages not named keep their default chain.
void parse_fallback(const Reader& meta, FallbackChains& out) {
  const Value v = meta.field("fallback");
  if (!v) return;
  const std::string at = meta.path_of("fallback");
  if (!v->is_object()) return meta.problem(at, "an object of languages, e.g. {\"uk\": [\"en\", \"de\"]}", describe(v));
  for (const auto [code, list] : as<object>(*v)) {
    const std::string path = at + "." + std::string(code);
    const auto lang = lang_from_code(code);
    if (!lang) {
      meta.problem(path, kLanguageCodeExpected, in_quotes(code));
      continue;
    }
    if (!list.is_array()) {
      meta.problem(path, "a list of language codes, e.g. [\"en\", \"de\"]", describe(list));
      continue;
    }
    std::vector<Lang> chain;
    size_t i = 0;
    for (const element item : as<array>(list)) {
      const std::string item_path = path + "[" + std::to_string(i++) + "]";
      const auto s = as_string(item);
      const auto next = s ? lang_from_code(*s) : std::nullopt;
      if (!next || *next == *lang || std::find(chain.begin(), chain.end(), *next) != chain.end()) {
        meta.problem(item_path, "another language's code, once: \"de\", \"en\", \"tr\" or \"uk\"", describe(item));
        continue;
      }
      chain.push_back(*next);
    }
    out.next[static_cast<size_t>(*lang)] = std::move(chain);
  }
}

void parse_meta(Parsed& p, const Reader& r) {
  ContentMeta& m = p.snapshot->meta;
  m.title = r.text("title", true);
  m.sample_data = r.boolean("sample_data", false);
  m.notice = r.text("notice", false);
  m.privacy_version = r.string("privacy_version", false);
  m.privacy_url = r.checked("privacy_url", false, "an https:// address of the privacy notice", is_https_url);
  parse_fallback(r, m.fallback);
  p.meta_seen = true;
}

template <class ParseOne>
void parse_item_list(Parsed& p, const Reader& top, const char* key, const char* kind, const ParseOne& parse_one) {
  std::vector<Where>& origins = p.origins[kind];
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
      top.problem(path, kLanguageCodeExpected, in_quotes(code));
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

}  // namespace

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
    u.image_alt = r.text("image_alt", false);
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
      r.problem(path.str(), choice_names(kTimeSlots), describe(item));
    });
    o.start_date = r.checked("start_date", false, "a date like 2026-03-01", is_date);
    o.end_date = r.checked("end_date", false, "a date like 2026-03-01", is_date);
    if (!o.start_date.empty() && !o.end_date.empty() && o.end_date < o.start_date)
      r.problem(r.path_of("end_date"), "a date on or after start_date " + o.start_date, in_quotes(o.end_date));
    o.valid_until = r.checked("valid_until", false, "a date like 2026-12-31 (the last day the offer is listed)", is_date);
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
    o.image_alt = r.text("image_alt", false);
    if (!o.remote && o.address.empty() && !r.field("address"))
      r.problem(r.path_of("address"), "an address (required unless \"remote\" is true)", describe(std::nullopt));
    s.offers.push_back(std::move(o));
  });
  parse_strings(p, top);
}

}  // namespace kiosk::content_internal
