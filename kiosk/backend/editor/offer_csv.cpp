#include "kiosk/backend/editor/offer_csv.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>

#include "kiosk/backend/editor/content_form.hpp"
#include "kiosk/core/content_formats.hpp"
#include "kiosk/core/content_parser.hpp"
#include "kiosk/core/text_fold.hpp"
#include "kiosk/net/digest.hpp"

namespace kiosk::backend {

using json = nlohmann::json;

namespace {

// Header names by field path: German, English. The fields themselves come from offer_fields(),
// so a field added to the form without a column here fails the CSV tests, not the agency.
const std::map<std::string, std::pair<std::string, std::string>>& header_names() {
  static const std::map<std::string, std::pair<std::string, std::string>> names{
      {"id", {"id", "id"}},
      {"title", {"titel", "title"}},
      {"summary", {"kurzbeschreibung", "summary"}},
      {"description", {"beschreibung", "description"}},
      {"organisation_id", {"organisation_id", "organization_id"}},
      {"organisation", {"organisation", "organization"}},
      {"unit", {"stelle", "unit"}},
      {"categories", {"bereiche", "categories"}},
      {"district", {"stadtbezirk", "district"}},
      {"address", {"adresse", "address"}},
      {"remote", {"online", "remote"}},
      {"commitment", {"engagement", "commitment"}},
      {"hours_per_month", {"stunden_pro_monat", "hours_per_month"}},
      {"time_slots", {"zeiten", "time_slots"}},
      {"start_date", {"beginn", "start_date"}},
      {"end_date", {"ende", "end_date"}},
      {"valid_until", {"gueltig_bis", "valid_until"}},
      {"minimum_age", {"mindestalter", "minimum_age"}},
      {"police_certificate", {"fuehrungszeugnis", "police_certificate"}},
      {"languages", {"sprachen", "languages"}},
      {"accessibility", {"barrierefreiheit", "accessibility"}},
      {"suitable_for", {"geeignet_fuer", "suitable_for"}},
      {"benefits", {"vorteile", "benefits"}},
      {"contact.name", {"kontakt_name", "contact_name"}},
      {"contact.email", {"kontakt_email", "contact_email"}},
      {"contact.phone", {"kontakt_telefon", "contact_phone"}},
      {"contact.url", {"kontakt_webseite", "contact_url"}},
      {"contact.address", {"kontakt_adresse", "contact_address"}},
      {"contact.hours", {"kontakt_sprechzeiten", "contact_hours"}},
      {"url", {"webseite", "url"}},
      {"featured", {"startseite", "featured"}},
      {"image_alt", {"bildbeschreibung", "image_alt"}},
  };
  return names;
}

std::vector<CsvColumn> make_columns() {
  std::vector<CsvColumn> out;
  for (const FieldSpec& f : offer_fields()) {
    const auto n = header_names().find(f.path);
    if (n == header_names().end()) continue;  // the picture: uploaded in the editor
    if (f.kind == FieldKind::Text || f.kind == FieldKind::LongText) {
      for (const char* lang : kEditorLanguages)
        out.push_back({f.path + "." + lang, f.path, n->second.first + "_" + lang, n->second.second + "_" + lang});
    } else {
      out.push_back({f.path, f.path, n->second.first, n->second.second});
    }
  }
  return out;
}

// "Gültig bis", "GUELTIG-BIS", "gueltig_bis" and "Contact e-mail"/"contact_email" are one
// column: letters and digits only, folded.
std::string header_key(const std::string& header) {
  std::string out;
  for (const char c : fold_text(header))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  return out;
}

// 31.12.2026 (how a German spreadsheet shows a date) → 2026-12-31; anything else as it is,
// for the validator to name.
std::string iso_date(const std::string& cell) {
  int d = 0, m = 0, y = 0;
  char tail = 0;
  if (std::sscanf(cell.c_str(), "%2d.%2d.%4d%c", &d, &m, &y, &tail) != 3 || y < 1000 || d < 1 || m < 1) return cell;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::optional<bool> yes_no(const std::string& cell) {
  const std::string w = fold_text(cell);
  for (const char* yes : {"ja", "j", "yes", "y", "x", "1", "true", "wahr"})
    if (w == yes) return true;
  for (const char* no : {"", "nein", "n", "no", "0", "false", "falsch"})
    if (w == no) return false;
  return std::nullopt;
}

std::string new_id(const json& doc, std::set<std::string>& taken) {
  std::string base;
  const json* title = field_value(doc, "title.de");
  for (const char c : title && title->is_string() ? fold_text(title->get<std::string>()) : std::string()) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) base.push_back(c);
    else if (!base.empty() && base.back() != '-') base.push_back('-');
    if (base.size() >= 48) break;
  }
  while (!base.empty() && base.back() == '-') base.pop_back();
  if (base.empty()) base = "angebot";
  std::string id = base;
  for (int n = 2; taken.count(id); ++n) id = base + "-" + std::to_string(n);
  taken.insert(id);
  return id;
}

std::string cell_of(const json* v) {
  if (v == nullptr || v->is_null()) return {};
  if (v->is_string()) return v->get<std::string>();
  if (v->is_boolean()) return v->get<bool>() ? "ja" : "nein";
  if (v->is_number()) return v->dump();
  if (v->is_array()) {
    std::string out;
    for (const auto& x : *v) out += (out.empty() ? "" : "; ") + (x.is_string() ? x.get<std::string>() : x.dump());
    return out;
  }
  return v->dump();
}

// "$.offers[12].contact.email" → 12, or -1 for a problem outside the offers.
long offer_index(const std::string& path) {
  static const std::string prefix = "$.offers[";
  if (path.compare(0, prefix.size(), prefix) != 0) return -1;
  const size_t end = path.find(']', prefix.size());
  if (end == std::string::npos) return -1;
  try {
    return std::stol(path.substr(prefix.size(), end - prefix.size()));
  } catch (...) {
    return -1;
  }
}

}  // namespace

const std::vector<CsvColumn>& offer_columns() {
  static const auto c = make_columns();
  return c;
}

void OrganisationNames::add(const std::string& id, const std::string& name) {
  name_of[id] = name;
  id_of.emplace(fold_text(name), id);
}

ImportPlan plan_offer_import(std::string_view bytes, json drafts, const OrganisationNames& organisations,
                             const std::string& now) {
  ImportPlan plan;
  plan.digest = sha256_hex(bytes);
  CsvTable table = read_csv(bytes);
  plan.notices = table.notices;
  if (!table.ok) {
    plan.refusal = table.refusal;
    return plan;
  }
  // Which column of the file is which field.
  std::map<std::string, const CsvColumn*> by_name;
  for (const CsvColumn& c : offer_columns()) {
    by_name.emplace(header_key(c.de), &c);
    by_name.emplace(header_key(c.en), &c);
  }
  const auto& header = table.rows.front();
  std::vector<const CsvColumn*> column_at(header.size(), nullptr);
  std::map<std::string, std::string> header_of;  // form key → the file's header
  for (size_t j = 0; j < header.size(); ++j) {
    const std::string name = trim(header[j]);
    const auto it = by_name.find(header_key(name));
    if (it == by_name.end() || header_of.count(it->second->key)) {
      if (!name.empty())
        plan.notices.push_back({"Die Spalte „" + name + "“ wird nicht gelesen (unbekannt oder doppelt).",
                                "The column \"" + name + "\" is not read (unknown or repeated)."});
      continue;
    }
    column_at[j] = it->second;
    header_of[it->second->key] = name;
  }
  if (header_of.empty()) {
    plan.refusal = {"Die erste Zeile nennt keine bekannte Spalte (etwa id, titel_de, stadtbezirk). Die Vorlage erhalten Sie mit „Exportieren“.",
                    "The first row names no known column (such as id, title_de, district). Export gives you the template."};
    return plan;
  }
  const auto column_name = [&](const std::string& key) {
    const auto h = header_of.find(key);
    if (h != header_of.end()) return h->second;
    for (const CsvColumn& c : offer_columns())
      if (c.key == key) return c.de;
    return key;
  };

  json& checked = drafts;  // every row goes in, then the kiosk's parser reads it all
  checked["schema"] = kContentSchema;
  json& offers = checked["offers"];
  if (!offers.is_array()) offers = json::array();
  std::map<std::string, size_t> position;  // id → index in `offers`
  std::set<std::string> taken;
  for (size_t i = 0; i < offers.size(); ++i) {
    position[offers[i].value("id", "")] = i;
    taken.insert(offers[i].value("id", ""));
  }
  std::map<std::string, int> row_of_id;
  std::map<size_t, size_t> plan_row_at;  // index in `offers` → index in plan.rows
  const auto& fields = offer_fields();
  const auto spec = [&](const std::string& path) {
    return std::find_if(fields.begin(), fields.end(), [&](const FieldSpec& f) { return f.path == path; });
  };

  for (size_t r = 1; r < table.rows.size(); ++r) {
    const auto& cells = table.rows[r];
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return trim(c).empty(); })) continue;
    ImportRow row;
    row.row = static_cast<int>(r + 1);
    std::vector<ImportProblem> own;
    FormValues form;
    std::set<std::string> only;
    std::vector<std::pair<std::string, bool>> flags;  // yes/no columns
    std::string id;
    for (size_t j = 0; j < column_at.size(); ++j) {
      const CsvColumn* col = column_at[j];
      if (!col) continue;
      const std::string cell = unguarded_cell(trim(j < cells.size() ? cells[j] : std::string()));
      if (col->key == "id") {
        id = cell;
        continue;
      }
      only.insert(col->key);
      const auto f = spec(col->path);
      if (f->kind == FieldKind::Choices) {
        std::string item;
        for (const char c : cell + ";") {
          if (c == ';' || c == '|') {
            if (!trim(item).empty()) form.emplace(col->key, trim(item));
            item.clear();
          } else {
            item.push_back(c);
          }
        }
      } else if (f->kind == FieldKind::Bool) {
        const auto yes = yes_no(cell);
        if (!yes) own.push_back({row.row, column_name(col->key), "expected ja or nein, found \"" + cell + "\""});
        else flags.emplace_back(col->key, *yes);
      } else {
        form.emplace(col->key, f->kind == FieldKind::Date ? iso_date(cell) : cell);
      }
    }
    if (!id.empty() && row_of_id.count(id))
      own.push_back({row.row, column_name("id"), "this id is already in row " + std::to_string(row_of_id[id]) + " of the file"});
    if (!id.empty() && !is_id(id))
      own.push_back({row.row, column_name("id"), "expected an id (lowercase letters, digits and -), found \"" + id + "\""});
    const auto existing = id.empty() ? position.end() : position.find(id);
    static const json kNone = json::object();
    const json& before = existing != position.end() ? offers[existing->second] : kNone;
    json doc = apply_form("offers", before, form, &only);
    // "nein" keeps a stored false as it is and adds none, so an export imports unchanged.
    for (const auto& [key, yes] : flags) {
      const json* had = field_value(before, key);
      if (yes) doc[key] = true;
      else if (had && had->is_boolean()) doc[key] = false;
      else doc.erase(key);
    }
    if (id.empty()) id = new_id(doc, taken);
    else taken.insert(id);
    row_of_id.emplace(id, row.row);
    doc["id"] = id;
    // An organisation the editor knows: its name is what the kiosk shows.
    const std::string org_id = doc.value("organisation_id", "");
    if (!org_id.empty()) {
      const auto known = organisations.name_of.find(org_id);
      if (known != organisations.name_of.end()) doc["organisation"] = known->second;
      else own.push_back({row.row, column_name("organisation_id"), "no organisation with this id; add it under Organisationen first"});
    } else if (!only.count("organisation_id") && doc.contains("organisation") && doc["organisation"].is_string()) {
      const auto known = organisations.id_of.find(fold_text(doc["organisation"].get<std::string>()));
      if (known != organisations.id_of.end()) doc["organisation_id"] = known->second;
    }
    row.id = id;
    row.fields = changed_fields("offers", before, doc);
    const bool is_new = existing == position.end();
    row.outcome = is_new ? ImportRow::Outcome::New : row.fields.empty() ? ImportRow::Outcome::Unchanged : ImportRow::Outcome::Changed;
    if (is_new || !row.fields.empty()) doc["updated_at"] = now;
    const size_t index = is_new ? offers.size() : existing->second;
    if (is_new) offers.push_back(std::move(doc));
    else offers[index] = std::move(doc);  // `before` is not read after this
    if (!own.empty()) row.outcome = ImportRow::Outcome::Refused;
    plan.problems.insert(plan.problems.end(), own.begin(), own.end());
    plan_row_at[index] = plan.rows.size();
    plan.rows.push_back(std::move(row));
  }

  // One run of the kiosk's parser over the drafts with every row in place.
  const ContentParseResult result = parse_content_document("import", checked.dump());
  std::map<long, Problems> by_offer;
  for (const Problem& p : result.problems) {
    const long index = offer_index(p.path);
    const auto at = index < 0 ? plan_row_at.end() : plan_row_at.find(static_cast<size_t>(index));
    if (at == plan_row_at.end()) {
      plan.problems.push_back({0, "", p.to_string()});
      continue;
    }
    by_offer[index].push_back(p);
  }
  for (const auto& [index, problems] : by_offer) {
    ImportRow& row = plan.rows[plan_row_at[static_cast<size_t>(index)]];
    row.outcome = ImportRow::Outcome::Refused;
    for (const FieldProblem& fp : problems_of_item("offers", static_cast<size_t>(index), problems)) {
      std::string key = fp.language.empty() ? fp.field : fp.field + "." + fp.language;
      if (spec(fp.field) != fields.end() && (spec(fp.field)->kind == FieldKind::Text || spec(fp.field)->kind == FieldKind::LongText) &&
          fp.language.empty())
        key = fp.field + ".de";
      plan.problems.push_back({row.row, fp.field.empty() ? "" : column_name(key), fp.message});
    }
  }
  for (const auto& [index, at] : plan_row_at) plan.rows[at].doc = std::move(offers[index]);  // parsed: no longer needed there
  std::stable_sort(plan.problems.begin(), plan.problems.end(), [](const ImportProblem& a, const ImportProblem& b) { return a.row < b.row; });
  for (const ImportRow& row : plan.rows) {
    plan.created += row.outcome == ImportRow::Outcome::New;
    plan.changed += row.outcome == ImportRow::Outcome::Changed;
    plan.unchanged += row.outcome == ImportRow::Outcome::Unchanged;
    plan.refused += row.outcome == ImportRow::Outcome::Refused;
  }
  plan.readable = true;
  return plan;
}

ImportSave import_save(const ImportPlan& plan, json drafts, const std::string& user, const std::string& now) {
  ImportSave out;
  drafts["schema"] = kContentSchema;
  json& offers = drafts["offers"];
  std::map<std::string, size_t> at;
  for (size_t i = 0; i < offers.size(); ++i) at[offers[i].value("id", "")] = i;
  for (const ImportRow& r : plan.rows) {
    if (r.outcome != ImportRow::Outcome::New && r.outcome != ImportRow::Outcome::Changed) continue;
    out.items.push_back({"offers", r.id, r.doc, false, user, now});
    std::string fields;
    for (const auto& f : r.fields) fields += (fields.empty() ? "" : ", ") + f;
    out.whats.push_back(r.outcome == ImportRow::Outcome::New ? "imported from a spreadsheet (new)"
                                                             : "imported from a spreadsheet: changed " + fields);
    if (at.count(r.id)) offers[at[r.id]] = r.doc;
    else offers.push_back(r.doc);
  }
  out.problems = parse_content_document("import", drafts.dump()).problems;
  return out;
}

OrganisationNames organisation_names(EditorStore& store) {
  OrganisationNames names;
  for (const Item& o : store.find({"organisations", "", "", "", ItemQuery::Status::Active, 0, 100000}))
    if (o.doc.contains("name") && o.doc["name"].is_string()) names.add(o.id, o.doc["name"].get<std::string>());
  return names;
}

std::string export_offers_csv(const json& offers) {
  std::vector<std::string> cells;
  for (const CsvColumn& c : offer_columns()) cells.push_back(c.de);
  std::string out = "\xEF\xBB\xBF" + csv_line(cells);
  if (!offers.is_array()) return out;
  for (const json& o : offers) {
    cells.clear();
    for (const CsvColumn& c : offer_columns()) cells.push_back(cell_of(field_value(o, c.key)));
    out += csv_line(cells);
  }
  return out;
}

}  // namespace kiosk::backend
