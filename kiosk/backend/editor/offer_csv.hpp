#pragma once
// Offers as a spreadsheet (issue 16): the column set, the dry run, and the export. A row is
// read into an offer's JSON through the editor's own form code (apply_form) and the whole
// draft is then checked by the kiosk's parser, so an import can save nothing a form could not.
//
// Columns, German names first (English aliases accepted; case, spaces, '-' and umlauts do not
// matter, so "Gültig bis" is gueltig_bis): id, titel_de … titel_uk, kurzbeschreibung_*,
// beschreibung_*, organisation_id, organisation, stelle, bereiche, stadtbezirk, adresse, online,
// engagement, stunden_pro_monat, zeiten, beginn, ende, gueltig_bis, mindestalter,
// fuehrungszeugnis, sprachen, barrierefreiheit_*, geeignet_fuer, vorteile_*, kontakt_name_*,
// kontakt_email, kontakt_telefon, kontakt_webseite, kontakt_adresse, kontakt_sprechzeiten_*,
// webseite, startseite. Lists in one cell are separated by ';' or '|'; yes/no is "ja"/"nein"
// (also x, 1, true / 0, false); dates as 2026-12-31 or 31.12.2026. Pictures are not in the
// file: they are uploaded in the editor, and an import keeps them.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/backend/editor/csv_file.hpp"
#include "kiosk/backend/editor/editor_store.hpp"
#include "kiosk/core/problem.hpp"

namespace kiosk::backend {

struct CsvColumn {
  std::string key;     // the form's name: "district", "title.de"
  std::string path;    // the field's path: "district", "title"
  std::string de, en;  // header names: "titel_de", "title_de"
};
const std::vector<CsvColumn>& offer_columns();

// The editor's organisations as an import needs them: by id, and by name (folded) to link rows
// that name an organisation the editor knows.
struct OrganisationNames {
  std::map<std::string, std::string> name_of;  // id → name
  std::map<std::string, std::string> id_of;    // folded name → id
  void add(const std::string& id, const std::string& name);
};

struct ImportProblem {
  int row = 0;         // as the spreadsheet numbers it: the header is row 1
  std::string column;  // the header as the file has it, or as it should be named
  std::string message;
};

struct ImportRow {
  enum class Outcome { New, Changed, Unchanged, Refused };
  int row = 0;
  std::string id;
  Outcome outcome = Outcome::Refused;
  std::vector<std::string> fields;  // what changed, by path
  nlohmann::json doc;               // the offer as it would be saved
};

struct ImportPlan {
  bool readable = false;
  Words refusal;
  std::vector<Words> notices;
  std::vector<ImportRow> rows;
  std::vector<ImportProblem> problems;
  int created = 0, changed = 0, unchanged = 0, refused = 0;
  std::string digest;  // SHA-256 of the file: the import confirms the file the dry run showed
};

// What importing `bytes` into `drafts` (EditorStore::draft_document()) would do; saves nothing.
// Rows with a problem are refused, the others would be saved as drafts. `now` becomes the
// updated_at of every row that changes.
ImportPlan plan_offer_import(std::string_view bytes, nlohmann::json drafts, const OrganisationNames& organisations,
                             const std::string& now);

// What an import saves: the rows without problems as drafts by `user`, each with its history
// line. `problems` holds what the kiosk's parser finds in `drafts` with all of them in place
// (rows that pass alone but not together); then nothing may be saved.
struct ImportSave {
  std::vector<Item> items;
  std::vector<std::string> whats;
  Problems problems;
};
ImportSave import_save(const ImportPlan& plan, nlohmann::json drafts, const std::string& user, const std::string& now);

// The editor's organisation records, as an import links them.
OrganisationNames organisation_names(EditorStore& store);

// Every offer in the columns above, ';'-separated, UTF-8 with a byte order mark (so Excel reads
// the umlauts), one row per offer. Importing it again changes nothing.
std::string export_offers_csv(const nlohmann::json& offers);

}  // namespace kiosk::backend
