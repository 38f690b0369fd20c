#include "kiosk/backend/editor/content_form.hpp"

#include <algorithm>
#include <cctype>

namespace kiosk::backend {

using json = nlohmann::json;

namespace {

// Contact fields, as offers and units both have them (SCHEMA.md "contact").
void add_contact(std::vector<FieldSpec>& f, bool unit) {
  f.push_back({"contact.name", FieldKind::Text, "Kontakt: Name oder Stelle", "Contact: name or office", false, "", "",
               ""});
  f.push_back({"contact.email", FieldKind::String, "Kontakt: E-Mail", "Contact: email", false, "",
               "Eine Funktionsadresse, nie die einer Privatperson.", "A functional address, never a private person's."});
  f.push_back({"contact.phone", FieldKind::String, "Kontakt: Telefon", "Contact: phone", false, "", "", ""});
  f.push_back({"contact.url", FieldKind::String, "Kontakt: Webseite", "Contact: web page", false, "", "Beginnt mit https://",
               "Starts with https://"});
  f.push_back({"contact.address", FieldKind::String, "Kontakt: Anschrift", "Contact: address", false, "", "", ""});
  f.push_back({"contact.hours", FieldKind::Text, "Kontakt: Sprechzeiten", "Contact: hours", false, "", "", ""});
  if (unit)
    f.push_back({"contact.general_line", FieldKind::Bool, "Allgemeiner Kontakt der Stadt (bewusst)",
                 "The city's general line (on purpose)", false, "", "", ""});
}

// Every kind's first field: the id, set when the item is made.
FieldSpec id_field() {
  return {"id", FieldKind::Id, "Kennung", "Id", true, "", "Kleinbuchstaben, Ziffern und -; nicht mehr änderbar.",
          "Lowercase letters, digits and -; cannot be changed later."};
}

// The picture's words for blind visitors: the kiosk reads them aloud (issue 17).
FieldSpec image_alt_field() {
  return {"image_alt", FieldKind::Text, "Bildbeschreibung", "Picture description", false, "",
          "Was auf dem Bild zu sehen ist, in einem Satz: die Sprachausgabe liest es Blinden vor.",
          "What the picture shows, in one sentence: speech reads it to blind visitors."};
}

std::vector<FieldSpec> make_offer_fields() {
  std::vector<FieldSpec> f{
      id_field(),
      {"title", FieldKind::Text, "Titel", "Title", true, "", "", ""},
      {"summary", FieldKind::Text, "Kurzbeschreibung", "Summary", true, "", "", ""},
      {"description", FieldKind::LongText, "Beschreibung", "Description", true, "", "", ""},
      {"organisation_id", FieldKind::Choice, "Organisation aus der Liste", "Organisation from the list", false, "organisations",
       "Dann kommt der Name unten von dort und bleibt aktuell.", "Then the name below comes from there and stays current."},
      {"organisation", FieldKind::String, "Organisation (wie der Kiosk sie nennt)", "Organisation (as the kiosk names it)", true, "", "", ""},
      {"unit", FieldKind::Choice, "Zuständige Stelle", "Unit", true, "units", "", ""},
      {"categories", FieldKind::Choices, "Bereiche", "Areas", true, "categories", "", ""},
      {"district", FieldKind::Choice, "Stadtbezirk", "District", true, "districts", "", ""},
      {"address", FieldKind::String, "Adresse", "Address", false, "", "Nötig, außer das Angebot ist ortsunabhängig.",
       "Needed unless the offer is remote."},
      {"remote", FieldKind::Bool, "Ortsunabhängig (online)", "Remote (online)", false, "", "", ""},
      {"commitment", FieldKind::Choice, "Art des Engagements", "Commitment", true, "one-off|fixed-term|regular|flexible", "", ""},
      {"hours_per_month", FieldKind::Int, "Stunden pro Monat", "Hours per month", true, "", "0 bis 200", "0 to 200"},
      {"time_slots", FieldKind::Choices, "Zeiten", "Times", false, "weekday-morning|weekday-afternoon|weekday-evening|weekend",
       "Keine: nach Absprache.", "None: by arrangement."},
      {"start_date", FieldKind::Date, "Beginn", "Start", false, "", "", ""},
      {"end_date", FieldKind::Date, "Ende", "End", false, "", "", ""},
      {"valid_until", FieldKind::Date, "Anzeigen bis einschließlich", "Show until (inclusive)", false, "",
       "Ab dem Tag danach zeigt kein Kiosk das Angebot mehr.", "From the day after, no kiosk shows the offer."},
      {"minimum_age", FieldKind::Int, "Mindestalter", "Minimum age", false, "", "0: keines", "0: none"},
      {"police_certificate", FieldKind::Choice, "Führungszeugnis", "Police certificate", false, "none|standard|extended", "", ""},
      {"languages", FieldKind::Languages, "Sprachen der Tätigkeit", "Languages of the work", false, "",
       "Zweibuchstabige Codes, z. B. de, en, tr", "Two-letter codes, e.g. de, en, tr"},
      {"accessibility", FieldKind::Text, "Barrierefreiheit", "Accessibility", false, "", "", ""},
      {"suitable_for", FieldKind::Choices, "Geeignet für", "Suitable for", false, "suitable_for", "", ""},
      {"benefits", FieldKind::Text, "Was Engagierte bekommen", "Benefits", false, "", "", ""},
  };
  add_contact(f, false);
  f.push_back({"url", FieldKind::String, "Seite des Angebots (QR-Code)", "Offer's page (QR code)", false, "", "Beginnt mit https://",
               "Starts with https://"});
  f.push_back({"featured", FieldKind::Bool, "Auf der Startseite zeigen", "Feature on the home screen", false, "", "", ""});
  f.push_back({"image", FieldKind::Image, "Bild", "Picture", false, "", "", ""});
  f.push_back(image_alt_field());
  return f;
}

std::vector<FieldSpec> make_unit_fields() {
  std::vector<FieldSpec> f{
      id_field(),
      {"name", FieldKind::Text, "Name", "Name", true, "", "", ""},
      {"summary", FieldKind::Text, "Kurzbeschreibung", "Summary", true, "", "", ""},
      {"description", FieldKind::LongText, "Beschreibung", "Description", true, "", "", ""},
      {"parent", FieldKind::Choice, "Gehört zu", "Belongs to", false, "units", "", ""},
      {"facts", FieldKind::Facts, "Fakten und Zahlen", "Facts and figures", false, "",
       "Zahlen, die sich ändern können, mit Stand (Jahr, Monat oder Tag).",
       "Figures that can change, with their date (year, month or day)."},
      {"topics", FieldKind::TextList, "Themen", "Topics", false, "", "Ein Thema pro Zeile.", "One topic per line."},
  };
  add_contact(f, true);
  f.push_back({"url", FieldKind::String, "Seite der Stelle (QR-Code)", "Unit's page (QR code)", true, "", "Beginnt mit https://",
               "Starts with https://"});
  f.push_back({"image", FieldKind::Image, "Bild", "Picture", false, "", "", ""});
  f.push_back(image_alt_field());
  return f;
}

// An organisation is the editor's own record (issue 16): kiosks get only its name, through the
// offers that pick it. The contact is for the agency's staff and never leaves the editor.
std::vector<FieldSpec> make_organisation_fields() {
  return {
      id_field(),
      {"name", FieldKind::String, "Name", "Name", true, "", "So zeigt der Kiosk sie bei ihren Angeboten.",
       "As the kiosk shows it with its offers."},
      {"address", FieldKind::String, "Anschrift", "Address", false, "", "", ""},
      {"district", FieldKind::Choice, "Stadtbezirk", "District", false, "districts", "", ""},
      {"website", FieldKind::String, "Webseite", "Website", false, "", "Beginnt mit https://", "Starts with https://"},
      {"staff_contact", FieldKind::String, "Ansprechperson (nur für die Agentur)", "Contact (for the agency only)", false, "",
       "Wird nie veröffentlicht.", "Never published."},
  };
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  size_t at = 0;
  while (true) {
    const size_t dot = path.find('.', at);
    parts.push_back(path.substr(at, dot == std::string::npos ? std::string::npos : dot - at));
    if (dot == std::string::npos) return parts;
    at = dot + 1;
  }
}

void set_path(json& doc, const std::string& path, json value) {
  const auto parts = split_path(path);
  json* at = &doc;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (!(*at)[parts[i]].is_object()) (*at)[parts[i]] = json::object();
    at = &(*at)[parts[i]];
  }
  if (value.is_null())
    at->erase(parts.back());
  else
    (*at)[parts.back()] = std::move(value);
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at <= s.size()) {
    const size_t nl = std::min(s.find('\n', at), s.size());
    out.push_back(trim(s.substr(at, nl - at)));
    at = nl + 1;
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

json text_from(const FormValues& form, const std::string& name) {
  json t = json::object();
  for (const char* lang : kEditorLanguages) {
    const std::string v = trim(form_value(form, name + "." + lang));
    if (!v.empty()) t[lang] = v;
  }
  return t.empty() ? json() : t;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string url_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

const std::vector<FieldSpec>& offer_fields() {
  static const auto f = make_offer_fields();
  return f;
}

const std::vector<FieldSpec>& unit_fields() {
  static const auto f = make_unit_fields();
  return f;
}

const std::vector<FieldSpec>& organisation_fields() {
  static const auto f = make_organisation_fields();
  return f;
}

const std::vector<FieldSpec>& fields_of(const std::string& kind) {
  return kind == "units" ? unit_fields() : kind == "organisations" ? organisation_fields() : offer_fields();
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string text_in(const json& t, const std::string& lang) {
  if (t.is_string()) return t.get<std::string>();
  if (!t.is_object()) return {};
  if (t.contains(lang) && t[lang].is_string()) return t[lang].get<std::string>();
  return t.contains("de") && t["de"].is_string() ? t["de"].get<std::string>() : std::string();
}

std::string item_title(const json& doc, const std::string& lang) {
  if (!doc.is_object()) return {};
  return text_in(doc.value(doc.contains("title") ? "title" : "name", json()), lang);
}

const json* field_value(const json& doc, const std::string& path) {
  const json* at = &doc;
  for (const auto& p : split_path(path)) {
    if (!at->is_object() || !at->contains(p)) return nullptr;
    at = &(*at)[p];
  }
  return at;
}

FormValues parse_form(const std::string& body) {
  FormValues out;
  size_t at = 0;
  while (at < body.size()) {
    const size_t amp = std::min(body.find('&', at), body.size());
    const std::string pair = body.substr(at, amp - at);
    const size_t eq = pair.find('=');
    if (!pair.empty()) out.emplace(url_decode(pair.substr(0, eq)), eq == std::string::npos ? "" : url_decode(pair.substr(eq + 1)));
    at = amp + 1;
  }
  return out;
}

std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

std::string form_value(const FormValues& form, const std::string& name) {
  const auto it = form.find(name);
  return it == form.end() ? std::string() : it->second;
}

json apply_form(const std::string& kind, const json& before, const FormValues& form, const std::set<std::string>* only) {
  json doc = before.is_object() ? before : json::object();
  for (const FieldSpec& f : fields_of(kind)) {
    const std::string raw = trim(form_value(form, f.path));
    const bool text = f.kind == FieldKind::Text || f.kind == FieldKind::LongText;
    if (only && !text && !only->count(f.path)) continue;
    switch (f.kind) {
      case FieldKind::Id:
        if (!doc.contains("id")) doc["id"] = raw;
        break;
      case FieldKind::Text:
      case FieldKind::LongText:
        if (only) {  // languages not given keep their text
          const json* had = field_value(doc, f.path);
          json t = had && had->is_object() ? *had : json::object();
          bool any = false;
          for (const char* lang : kEditorLanguages) {
            if (!only->count(f.path + "." + lang)) continue;
            any = true;
            const std::string v = trim(form_value(form, f.path + "." + lang));
            if (v.empty()) t.erase(lang);
            else t[lang] = v;
          }
          if (any) set_path(doc, f.path, t.empty() ? json() : t);
          break;
        }
        set_path(doc, f.path, text_from(form, f.path));
        break;
      case FieldKind::Image: break;  // set by its own upload form, never by the item's form
      case FieldKind::String:
      case FieldKind::Date:
      case FieldKind::Choice: set_path(doc, f.path, raw.empty() ? json() : json(raw)); break;
      case FieldKind::Int: {
        const bool digits = !raw.empty() && raw.size() < 10 && std::all_of(raw.begin(), raw.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        set_path(doc, f.path, raw.empty() ? json() : digits ? json(std::stol(raw)) : json(raw));
        break;
      }
      case FieldKind::Bool: set_path(doc, f.path, form.count(f.path) ? json(true) : json()); break;
      case FieldKind::Choices: {
        json list = json::array();
        const auto [b, e] = form.equal_range(f.path);
        for (auto it = b; it != e; ++it)
          if (!it->second.empty()) list.push_back(it->second);
        set_path(doc, f.path, list.empty() && !f.required ? json() : list);
        break;
      }
      case FieldKind::Languages: {
        json list = json::array();
        std::string word;
        for (const char c : raw + ",") {
          if (c == ',' || c == ' ' || c == ';' || c == '|') {
            if (!word.empty()) list.push_back(word);
            word.clear();
          } else {
            word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
          }
        }
        set_path(doc, f.path, list.empty() ? json() : list);
        break;
      }
      case FieldKind::TextList: {
        std::map<std::string, std::vector<std::string>> by_lang;
        size_t rows = 0;
        for (const char* lang : kEditorLanguages) rows = std::max(rows, (by_lang[lang] = lines_of(form_value(form, f.path + "." + lang))).size());
        json list = json::array();
        for (size_t i = 0; i < rows; ++i) {
          json t = json::object();
          for (const char* lang : kEditorLanguages)
            if (i < by_lang[lang].size() && !by_lang[lang][i].empty()) t[lang] = by_lang[lang][i];
          if (!t.empty()) list.push_back(t);
        }
        set_path(doc, f.path, list.empty() ? json() : list);
        break;
      }
      case FieldKind::Facts: {
        json list = json::array();
        for (int i = 0; i < 200; ++i) {
          const std::string row = f.path + "." + std::to_string(i);
          if (!form.count(row + ".as_of") && !form.count(row + ".label.de")) break;
          json fact = json::object();
          if (auto l = text_from(form, row + ".label"); !l.is_null()) fact["label"] = l;
          if (auto v = text_from(form, row + ".value"); !v.is_null()) fact["value"] = v;
          if (const auto a = trim(form_value(form, row + ".as_of")); !a.empty()) fact["as_of"] = a;
          if (!fact.empty()) list.push_back(fact);
        }
        set_path(doc, f.path, list.empty() ? json() : list);
        break;
      }
    }
  }
  if (kind != "organisations" && !doc.contains("contact")) doc["contact"] = json::object();
  return doc;
}

std::string field_label(const std::string& kind, const std::string& path, const std::string& lang) {
  for (const FieldSpec& f : fields_of(kind))
    if (f.path == path) return lang == "en" ? f.label_en : f.label_de;
  return path;
}

std::vector<std::string> changed_fields(const std::string& kind, const json& before, const json& after) {
  std::vector<std::string> out;
  for (const FieldSpec& f : fields_of(kind)) {
    const json* a = field_value(before, f.path);
    const json* b = field_value(after, f.path);
    if ((a == nullptr) != (b == nullptr) || (a && *a != *b)) out.push_back(f.path);
  }
  return out;
}

std::vector<FieldProblem> problems_of_item(const std::string& kind, size_t index, const Problems& problems) {
  const std::string prefix = "$." + kind + "[" + std::to_string(index) + "]";
  std::vector<FieldProblem> out;
  for (const Problem& p : problems) {
    if (p.path.compare(0, prefix.size(), prefix) != 0) continue;
    if (p.path.size() > prefix.size() && p.path[prefix.size()] != '.') continue;
    const std::string rest = p.path.size() > prefix.size() ? p.path.substr(prefix.size() + 1) : "";
    FieldProblem fp{"", "", "expected " + p.expected + ", found " + p.found};
    size_t best = 0;
    for (const FieldSpec& f : fields_of(kind)) {
      const auto& fp_path = f.path;
      const bool match = rest == fp_path || (rest.size() > fp_path.size() && rest.compare(0, fp_path.size(), fp_path) == 0 &&
                                             (rest[fp_path.size()] == '.' || rest[fp_path.size()] == '['));
      if (!match || fp_path.size() <= best) continue;
      best = fp_path.size();
      fp.field = fp_path;
      fp.language.clear();
      if ((f.kind == FieldKind::Text || f.kind == FieldKind::LongText) && rest.size() == fp_path.size() + 3)
        fp.language = rest.substr(fp_path.size() + 1);
    }
    // A group as a whole ("contact": none of email, phone, url) is shown at its first field.
    if (fp.field.empty() && !rest.empty())
      for (const FieldSpec& f : fields_of(kind))
        if (f.path.compare(0, rest.size() + 1, rest + ".") == 0) {
          fp.field = f.path;
          break;
        }
    out.push_back(fp);
  }
  return out;
}

std::map<std::string, std::vector<std::string>> missing_translations(const std::string& kind, const json& doc) {
  std::map<std::string, std::vector<std::string>> out;
  for (const FieldSpec& f : fields_of(kind)) {
    if (f.kind != FieldKind::Text && f.kind != FieldKind::LongText) continue;
    const json* t = field_value(doc, f.path);
    if (!t || !t->is_object() || !t->contains("de")) continue;
    for (const char* lang : kEditorLanguages)
      if (!t->contains(lang)) out[lang].push_back(f.path);
  }
  return out;
}

}  // namespace kiosk::backend
