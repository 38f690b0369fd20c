// Offers as spreadsheets (issue 16): files as people really have them, the dry run's row and
// column for every problem, and an export that imports unchanged.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "kiosk/backend/editor/content_form.hpp"
#include "kiosk/backend/editor/offer_csv.hpp"
#include "kiosk/core/content_parser.hpp"
#include "kiosk/store/content_directory.hpp"
#include "support.hpp"

using namespace kiosk;
using namespace kiosk::backend;
using json = nlohmann::json;

namespace {

json bundled_drafts() { return content_document_of(test::bundled_content()); }

std::string fixture(const std::string& name) { return test::read_file(test::source_dir() / "tests/fixtures/csv" / name); }

const ImportRow* row_titled(const ImportPlan& plan, const std::string& title) {
  for (const auto& r : plan.rows)
    if (r.doc.contains("title") && r.doc["title"].value("de", "") == title) return &r;
  return nullptr;
}

const std::string kNow = "2026-11-30T12:00:00+01:00";

}  // namespace

TEST_CASE("csv: a German Excel file with a byte order mark, semicolons and line breaks inside quotes") {
  const ImportPlan plan = plan_offer_import(fixture("angebote-semikolon-bom.csv"), bundled_drafts(), {}, kNow);
  REQUIRE(plan.readable);
  CHECK(plan.problems.empty());
  for (const auto& p : plan.problems) MESSAGE(p.row << " " << p.column << ": " << p.message);
  CHECK(plan.created == 2);
  CHECK(plan.refused == 0);
  const ImportRow* garden = row_titled(plan, "Grünpaten für den Westfalenpark");
  REQUIRE(garden != nullptr);
  CHECK(garden->row == 2);
  CHECK(garden->id == "gruenpaten-fuer-den-westfalenpark");
  CHECK(garden->doc["description"]["de"] ==
        "Sie pflegen Beete mit anderen.\nWerkzeug ist da; Handschuhe auch.\n\n\xE2\x80\x9EGie\xC3\x9F" "kannen\xE2\x80\x9C stehen bereit.");
  CHECK(garden->doc["categories"] == json({"umwelt", "soziales"}));
  CHECK(garden->doc["valid_until"] == "2026-12-31");  // 31.12.2026 as a spreadsheet shows it
  CHECK(garden->doc["time_slots"] == json({"weekend"}));
  CHECK(garden->doc["updated_at"] == kNow);
  const ImportRow* reading = row_titled(plan, "Vorlesen im Seniorenheim");
  REQUIRE(reading != nullptr);
  CHECK(reading->doc["categories"] == json({"senioren", "kultur"}));  // "; " separates a list too
  CHECK_FALSE(reading->doc.contains("valid_until"));
}

TEST_CASE("csv: Windows-1252 from Excel is converted, with a notice that says how to save CSV UTF-8") {
  const ImportPlan plan = plan_offer_import(fixture("angebote-windows-1252.csv"), bundled_drafts(), {}, kNow);
  REQUIRE(plan.readable);
  CHECK(plan.problems.empty());
  REQUIRE(plan.created == 1);
  const json& doc = plan.rows.front().doc;
  CHECK(doc["title"]["de"] == "Fahrradwerkstatt f\xC3\xBCr alle");
  CHECK(doc["summary"]["de"] == "R\xC3\xA4" "der reparieren, 5 \xE2\x82\xAC Materialgeld erstattet.");
  CHECK(doc["description"]["de"].get<std::string>().find("\xE2\x80\x93") != std::string::npos);  // the en dash, 0x96
  REQUIRE_FALSE(plan.notices.empty());
  CHECK(plan.notices.front().de.find("Windows-1252") != std::string::npos);
  CHECK(plan.notices.front().de.find("CSV UTF-8") != std::string::npos);
  CHECK(plan.notices.front().en.find("CSV UTF-8") != std::string::npos);
}

TEST_CASE("csv: files that cannot be read are refused with what to do, never imported as mojibake") {
  const json drafts = bundled_drafts();
  const std::string utf8 = fixture("angebote-semikolon-bom.csv");
  std::string utf16 = "\xFF\xFE";
  for (const char c : std::string("id;titel_de\r\n")) utf16 += std::string(1, c) + '\0';
  const std::pair<std::string, std::string> cases[] = {
      {utf16, "UTF-16"},
      {"id;titel_de\n;Caf\x81\n", "weder UTF-8 noch Windows-1252"},  // 0x81 is no Windows-1252 character
      {"id;titel_de\n;\"never closed\n", "Anführungszeichen"},
      {"", "leer"},
      {"name;farbe\nx;y\n", "keine bekannte Spalte"},
  };
  for (const auto& [bytes, says] : cases) {
    CAPTURE(says);
    const ImportPlan plan = plan_offer_import(bytes, drafts, {}, kNow);
    CHECK_FALSE(plan.readable);
    CHECK(plan.refusal.de.find(says) != std::string::npos);
    CHECK_FALSE(plan.refusal.en.empty());
    CHECK(plan.rows.empty());
  }
}

TEST_CASE("csv: the dry run names row and column of every problem and refuses only those rows") {
  const ImportPlan plan = plan_offer_import(fixture("angebote-drei-gut-zwei-falsch.csv"), bundled_drafts(), {}, kNow);
  REQUIRE(plan.readable);
  CHECK(plan.created == 3);
  CHECK(plan.refused == 2);
  REQUIRE(plan.problems.size() == 2);
  CHECK(plan.problems[0].row == 4);  // the header is row 1
  CHECK(plan.problems[0].column == "titel_de");
  CHECK(plan.problems[0].message.find("expected") != std::string::npos);
  CHECK(plan.problems[1].row == 6);
  CHECK(plan.problems[1].column == "stadtbezirk");
  CHECK(plan.problems[1].message.find("atlantis") != std::string::npos);
}

TEST_CASE("csv: English headers, yes/no words, a cell guarded against formulas, an unknown column") {
  const std::string file =
      "ID,Title DE,Summary_de,description-de,Organization,Unit,Categories,District,Address,Commitment,Hours per month,Remote,Featured,Contact e-mail,Notes\n"
      "new-one,'=Lesen,Kurz,Lang,Verein (Beispiel),freiwilligenagentur,kultur,eving,Platz 1,flexible,2,nein,x,info@example.org,intern\n";
  const ImportPlan plan = plan_offer_import(file, bundled_drafts(), {}, kNow);
  REQUIRE(plan.readable);
  for (const auto& p : plan.problems) MESSAGE(p.row << " " << p.column << ": " << p.message);
  CHECK(plan.problems.empty());
  REQUIRE(plan.rows.size() == 1);
  CHECK(plan.rows[0].id == "new-one");
  CHECK(plan.rows[0].doc["title"]["de"] == "=Lesen");
  CHECK(plan.rows[0].doc["featured"] == true);
  CHECK_FALSE(plan.rows[0].doc.contains("remote"));
  REQUIRE(plan.notices.size() == 1);
  CHECK(plan.notices[0].de.find("Notes") != std::string::npos);
  const ImportPlan bad = plan_offer_import("id;titel_de;online\nlesepaten-aplerbeck;Lesen;vielleicht\n", bundled_drafts(), {}, kNow);
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].column == "online");
  CHECK(bad.problems[0].row == 2);
}

TEST_CASE("csv: a row with an id updates that offer, only in the columns the file has") {
  const json drafts = bundled_drafts();
  const ImportPlan plan = plan_offer_import("id;stadtbezirk;titel_en\nlesepaten-aplerbeck;brackel;Reading buddy\n", drafts, {}, kNow);
  REQUIRE(plan.rows.size() == 1);
  CHECK(plan.rows[0].outcome == ImportRow::Outcome::Changed);
  CHECK(plan.rows[0].fields == std::vector<std::string>{"title", "district"});
  CHECK(plan.rows[0].doc["district"] == "brackel");
  CHECK(plan.rows[0].doc["title"]["de"] == drafts["offers"][0]["title"]["de"]);  // German title kept
  CHECK(plan.rows[0].doc["summary"] == drafts["offers"][0]["summary"]);
}

TEST_CASE("csv: an organisation the editor knows is linked by id or by name, an unknown id refused") {
  OrganisationNames orgs;
  orgs.add("gartenfreunde", "Gartenfreunde Hörde e. V.");
  const json drafts = bundled_drafts();
  const std::string head = "id;titel_de;kurzbeschreibung_de;beschreibung_de;stelle;bereiche;stadtbezirk;adresse;engagement;stunden_pro_monat;kontakt_email;";
  const std::string rest = ";freiwilligenagentur;umwelt;hoerde;Weg 1;flexible;2;info@example.org;";
  const ImportPlan plan = plan_offer_import(head + "organisation_id\na;A;K;B" + rest + "gartenfreunde\nb;B;K;B" + rest + "nobody\n",
                                            drafts, orgs, kNow);
  REQUIRE(plan.rows.size() == 2);
  CHECK(plan.rows[0].doc["organisation"] == "Gartenfreunde Hörde e. V.");
  CHECK(plan.rows[1].outcome == ImportRow::Outcome::Refused);
  const ImportPlan by_name = plan_offer_import(head + "organisation\nc;C;K;B" + rest + "GARTENFREUNDE HÖRDE E. V.\n", drafts, orgs, kNow);
  REQUIRE(by_name.rows.size() == 1);
  CHECK(by_name.rows[0].doc["organisation_id"] == "gartenfreunde");
}

TEST_CASE("csv: export, then import without edits, changes nothing, and the file reads in a spreadsheet's way") {
  const json drafts = bundled_drafts();
  const std::string file = export_offers_csv(drafts["offers"]);
  CHECK(file.compare(0, 3, "\xEF\xBB\xBF") == 0);
  CHECK(file.find("id;titel_de;titel_en;titel_tr;titel_uk;") == 3);
  const ImportPlan plan = plan_offer_import(file, drafts, {}, kNow);
  REQUIRE(plan.readable);
  CHECK(plan.problems.empty());
  CHECK(plan.unchanged == static_cast<int>(drafts["offers"].size()));
  CHECK(plan.changed == 0);
  CHECK(plan.created == 0);
  for (const auto& r : plan.rows) CHECK_MESSAGE(r.fields.empty(), r.id);
}

TEST_CASE("csv: every field of the offer form has a column, except the picture") {
  for (const FieldSpec& f : offer_fields()) {
    CAPTURE(f.path);
    bool found = false;
    for (const CsvColumn& c : offer_columns()) found = found || c.path == f.path;
    CHECK(found == (f.kind != FieldKind::Image));
  }
}

TEST_CASE("csv: a spreadsheet formula never leaves the editor as one") {
  const std::string line = csv_line({"=HYPERLINK(\"x\")", "+49 231 50-0", "@SUM(1)", "-5", "a;b", "plain"});
  CHECK(line == "\"'=HYPERLINK(\"\"x\"\")\";+49 231 50-0;'@SUM(1);-5;\"a;b\";plain\r\n");
  CHECK(unguarded_cell("'=HYPERLINK(\"x\")") == "=HYPERLINK(\"x\")");
  CHECK(unguarded_cell("'quoted") == "'quoted");
}
