#pragma once
// The editor's forms for units and offers: one table of fields, taken from content/SCHEMA.md,
// that renders the form, reads it back into the item's JSON, and places the validator's
// problems next to their field. The JSON, not the form, is what gets validated: the same
// parser the kiosk and `kioskctl validate` run decides what may be saved.
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kiosk/core/problem.hpp"

namespace kiosk::backend {

enum class FieldKind {
  Id,         // set when the item is made, shown after
  Text,       // {"de": …, "en": …, "tr": …, "uk": …}, one line
  LongText,   // the same, several lines
  String,     // one line
  Int,
  Bool,       // a check box
  Date,       // YYYY-MM-DD
  Choice,     // one of `choices` (or of a taxonomy section)
  Choices,    // any of them, check boxes
  Languages,  // two-letter codes, written "de, en"
  Image,      // a picture uploaded apart; the field holds its name
  TextList,   // a list of texts (a unit's topics), one per line in each language
  Facts,      // a unit's facts: rows of label, value (texts) and as_of
};

struct FieldSpec {
  std::string path;  // in the item's JSON, nested with '.': "contact.email"
  FieldKind kind;
  std::string label_de, label_en;
  bool required = false;
  std::string choices;  // a taxonomy section ("districts", "units", …) or "a|b|c"
  std::string hint_de, hint_en;
};

const std::vector<FieldSpec>& offer_fields();
const std::vector<FieldSpec>& unit_fields();
const std::vector<FieldSpec>& organisation_fields();
const std::vector<FieldSpec>& fields_of(const std::string& kind);  // "offers", "units" or "organisations"

inline constexpr const char* kEditorLanguages[] = {"de", "en", "tr", "uk"};

// A submitted form: every value of every name, in order (check boxes repeat a name).
using FormValues = std::multimap<std::string, std::string>;
FormValues parse_form(const std::string& urlencoded);
std::string form_value(const FormValues& form, const std::string& name);  // the first, or ""
std::string url_encode(const std::string& text);  // for a query string

// The item's JSON after the form: starts from `before` (fields no form shows stay as they
// were), sets every field the form has. What cannot be read as its type (a word in a number
// field) is kept as typed, so the validator names it rather than it being lost. With `only`
// (a spreadsheet row's columns: "district", "title.de"), every other field keeps its value.
nlohmann::json apply_form(const std::string& kind, const nlohmann::json& before, const FormValues& form,
                          const std::set<std::string>* only = nullptr);

// A text in `lang`, else in German ("" when neither); a plain string as it is.
std::string text_in(const nlohmann::json& text, const std::string& lang);
// What lists call an item: an offer's title, a unit's or organisation's name, in `lang`.
std::string item_title(const nlohmann::json& doc, const std::string& lang);
// Without the spaces, tabs and line breaks around it.
std::string trim(const std::string& s);

// The value at a field's path ("contact.email") in an item's JSON, or null when it has none.
const nlohmann::json* field_value(const nlohmann::json& doc, const std::string& path);

// A field's label in the editor's language ("en" or German), for lists of changed fields.
std::string field_label(const std::string& kind, const std::string& path, const std::string& lang);

// The fields whose values differ, by path ("title", "contact.email"): the history's "which fields".
std::vector<std::string> changed_fields(const std::string& kind, const nlohmann::json& before, const nlohmann::json& after);

// A problem the validator found in item `index` of `kind`, placed at its field.
struct FieldProblem {
  std::string field;     // a FieldSpec path, or "" for the item as a whole
  std::string language;  // for a text's language, else ""
  std::string message;   // "expected …, found …"
};
std::vector<FieldProblem> problems_of_item(const std::string& kind, size_t index, const Problems& problems);

// Languages of the editor's tabs a text field lacks, for every text field with a German text.
std::map<std::string, std::vector<std::string>> missing_translations(const std::string& kind, const nlohmann::json& doc);

}  // namespace kiosk::backend
