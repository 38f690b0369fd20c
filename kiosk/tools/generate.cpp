#include "kiosk/tools/generate.hpp"

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "kiosk/store/atomic_file.hpp"

namespace kiosk {
namespace {

using json = nlohmann::json;

// std::mt19937 is the same sequence everywhere; the distributions of <random> are not, so
// picks are made with plain modulo to keep `--seed 1` the same content on every machine.
class Dice {
 public:
  explicit Dice(uint32_t seed) : rng_(seed) {}
  size_t pick(size_t n) { return static_cast<size_t>(rng_() % n); }
  bool chance(unsigned percent) { return rng_() % 100 < percent; }
  template <class T>
  const T& one(const std::vector<T>& v) { return v[pick(v.size())]; }

 private:
  std::mt19937 rng_;
};

struct Phrase {
  const char* de;
  const char* en;
};

// Who does what, where: titles such as "Lesepatin oder Lesepate im Stadtteilzentrum".
const std::vector<Phrase> kRoles{
    {"Lesepatin oder Lesepate", "Reading mentor"},         {"Hausaufgabenhilfe", "Homework help"},
    {"Begleitung zum Einkaufen", "Shopping companion"},     {"Besuchsdienst", "Visiting service"},
    {"Sprachcafé-Moderation", "Language café host"},        {"Gartenpflege", "Garden care"},
    {"Übungsleitung", "Exercise group leader"},             {"Digitalhilfe für Ältere", "Digital help for older people"},
    {"Repair-Café-Team", "Repair café team"},               {"Fahrdienst", "Driving service"},
    {"Kochgruppe", "Cooking group"},                        {"Museumsbegleitung", "Museum guide"},
    {"Nachbarschaftshilfe", "Neighbourhood help"},          {"Umweltaktion", "Environmental action"},
    {"Patenschaft für Neuzugewanderte", "Mentoring for newcomers"},
    {"Bücherflohmarkt", "Book sale"},                       {"Spielenachmittag", "Games afternoon"},
    {"Bewerbungstraining", "Job application coaching"},     {"Tafel-Ausgabe", "Food bank distribution"},
    {"Vorlesestunde", "Story time"},                        {"Stadtteilfest-Team", "Street festival crew"},
    {"Fahrradwerkstatt", "Bicycle workshop"},               {"Chor-Organisation", "Choir organisation"},
    {"Wahlhelferin oder Wahlhelfer", "Election helper"}};
const std::vector<Phrase> kPlaces{
    {"in der Grundschule", "at a primary school"},          {"im Stadtteilzentrum", "at the community centre"},
    {"im Seniorenheim", "at a care home"},                  {"im Jugendtreff", "at the youth club"},
    {"im Park", "in the park"},                             {"in der Stadtteilbibliothek", "at the local library"},
    {"im Familienzentrum", "at the family centre"},         {"im Sportverein", "at the sports club"},
    {"in der Kleingartenanlage", "at the allotments"},      {"in der Gemeinde", "at the parish"},
    {"im Quartiersbüro", "at the neighbourhood office"},    {"online von zu Hause", "online from home"}};
const std::vector<Phrase> kSummaries{
    {"Regelmäßig ein paar Stunden schenken und Menschen im Viertel direkt helfen.",
     "Give a few hours regularly and help people in the neighbourhood directly."},
    {"Mit kleinen Gruppen arbeiten, zuhören und gemeinsam etwas schaffen.",
     "Work with small groups, listen and achieve something together."},
    {"Ein offenes Team sucht Verstärkung – Vorkenntnisse sind nicht nötig.",
     "An open team is looking for help – no prior experience needed."},
    {"Praktisch anpacken, draußen oder drinnen, ganz nach Ihrer Zeit.",
     "Lend a hand, outdoors or indoors, whenever it suits you."},
    {"Wissen weitergeben und dabei selbst Neues lernen.", "Pass on what you know and learn something new yourself."}};
const std::vector<Phrase> kSentences{
    {"Sie arbeiten mit einem festen Team zusammen, das Sie gut einarbeitet.",
     "You work with a steady team that introduces you properly."},
    {"Die Termine stimmen wir gemeinsam mit Ihnen ab.", "We agree the dates together with you."},
    {"Vorkenntnisse brauchen Sie nicht, nur Freude am Umgang mit Menschen.",
     "You need no prior knowledge, just enjoy being with people."},
    {"Für Fragen gibt es eine feste Ansprechperson vor Ort.", "There is a fixed contact person on site for questions."},
    {"Fahrtkosten werden auf Wunsch erstattet.", "Travel costs are refunded on request."},
    {"Einmal im Quartal treffen sich alle Ehrenamtlichen zum Austausch.",
     "Once a quarter all volunteers meet to share experiences."},
    {"Die Räume sind gut mit Bus und Bahn erreichbar.", "The rooms are easy to reach by bus and tram."},
    {"Material und Werkzeug stellen wir, Sie bringen nur gute Laune mit.",
     "We provide materials and tools; you just bring good spirits."},
    {"Auch Menschen mit wenig Deutschkenntnissen sind herzlich willkommen.",
     "People with little German are very welcome too."},
    {"Nach einer Probezeit entscheiden Sie, ob Sie dabeibleiben möchten.",
     "After a trial period you decide whether you want to stay."}};
const std::vector<Phrase> kBenefits{{"Versicherungsschutz, Einarbeitung, Engagementnachweis.",
                                     "Insurance cover, an introduction, a certificate of your volunteering."},
                                    {"Fortbildungen, Ehrenamtskarte, gemeinsame Ausflüge.",
                                     "Training courses, the volunteer card, group outings."},
                                    {"Fahrtkostenerstattung und ein herzliches Team.", "Travel costs refunded and a warm team."}};
const std::vector<Phrase> kAccess{{"Räume stufenlos erreichbar, barrierefreies WC vorhanden.",
                                   "Rooms reachable without steps, accessible toilet available."},
                                  {"Erdgeschoss, Eingang mit kleiner Stufe.", "Ground floor, entrance with a small step."},
                                  {"Aufzug vorhanden, Parkplätze in der Nähe.", "Lift available, parking nearby."}};
const std::vector<std::string> kOrganisations{"Förderverein", "Bürgerverein", "Stadtteilinitiative", "Nachbarschaftstreff",
                                              "Kulturverein", "Sportverein", "Familienzentrum", "Seniorenbegegnungsstätte"};
const std::vector<std::string> kStreets{"Marktplatz", "Hauptstraße", "Kirchstraße", "Schulstraße", "Parkweg", "Lindenallee"};
const std::vector<std::string> kSlots{"weekday-morning", "weekday-afternoon", "weekday-evening", "weekend"};
const std::vector<std::string> kCommitments{"regular", "regular", "regular", "one-off", "flexible", "fixed-term"};
const std::vector<std::string> kPolice{"none", "none", "none", "none", "standard", "extended"};
const std::vector<std::string> kLanguages{"de", "en", "tr", "uk", "ar", "ru", "pl"};

json text(const std::string& de, const std::string& en) { return json{{"de", de}, {"en", en}}; }

std::vector<std::string> ids_of(const json& list) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item.at("id").get<std::string>());
  return out;
}

json make_offer(size_t n, Dice& dice, const std::vector<std::string>& units, const std::vector<std::string>& categories,
                const std::vector<std::string>& districts, const std::vector<std::string>& audiences) {
  const Phrase& role = dice.one(kRoles);
  const Phrase& place = dice.one(kPlaces);
  // Every district gets its share: the n-th offer is in district n mod 14, give or take.
  const std::string& district = dice.chance(80) ? districts[n % districts.size()] : dice.one(districts);
  const std::string id = "gen-" + std::to_string(n + 1) + "-" + district;
  std::string desc_de, desc_en;
  const size_t sentences = 4 + dice.pick(3);
  for (size_t i = 0; i < sentences; ++i) {
    const Phrase& s = kSentences[(dice.pick(kSentences.size()) + i) % kSentences.size()];
    desc_de += (i ? " " : "") + std::string(s.de);
    desc_en += (i ? " " : "") + std::string(s.en);
  }
  const std::string org = dice.one(kOrganisations) + " " + district + " (Beispiel)";
  const std::string host = "verein-" + std::to_string(n % 997) + ".example";
  json cats = json::array({dice.one(categories)});
  if (dice.chance(40)) {
    const std::string& second = dice.one(categories);
    if (second != cats[0]) cats.push_back(second);
  }
  json slots = json::array({kSlots[dice.pick(kSlots.size())]});
  if (dice.chance(30)) slots.push_back(kSlots[(dice.pick(kSlots.size()) + 1) % kSlots.size()]);
  if (slots.size() == 2 && slots[0] == slots[1]) slots.erase(1);
  json langs = json::array({"de"});
  if (dice.chance(35)) langs.push_back(kLanguages[1 + dice.pick(kLanguages.size() - 1)]);
  json suitable = json::array({dice.one(audiences)});
  const std::string commitment = dice.one(kCommitments);
  const Phrase& summary = dice.one(kSummaries);
  const Phrase& access = dice.one(kAccess);
  const Phrase& benefits = dice.one(kBenefits);
  json o{{"id", id},
         {"title", text(std::string(role.de) + " " + place.de, std::string(role.en) + " " + place.en)},
         {"summary", text(summary.de, summary.en)},
         {"description", text(desc_de, desc_en)},
         {"organisation", org},
         {"unit", dice.one(units)},
         {"categories", cats},
         {"district", district},
         {"address", dice.one(kStreets) + " " + std::to_string(1 + dice.pick(120)) + ", 44" + std::to_string(100 + dice.pick(300)) + " Dortmund"},
         {"commitment", commitment},
         {"hours_per_month", 2 + static_cast<int>(dice.pick(20))},
         {"time_slots", slots},
         {"police_certificate", dice.one(kPolice)},
         {"languages", langs},
         {"accessibility", text(access.de, access.en)},
         {"suitable_for", suitable},
         {"benefits", text(benefits.de, benefits.en)},
         {"contact", {{"name", text("Koordination Ehrenamt", "Volunteer coordination")}, {"email", "engagement@" + host},
                      {"url", "https://" + host + "/mitmachen"}}},
         {"url", "https://" + host + "/angebote/" + id},
         {"updated_at", "2026-11-" + std::string(dice.chance(50) ? "0" : "1") + std::to_string(1 + dice.pick(9)) + "T10:00:00+01:00"},
         {"featured", n < 6}};
  if (dice.chance(30)) o["minimum_age"] = dice.chance(50) ? 16 : 18;
  if (commitment == "one-off" || commitment == "fixed-term") {
    const int month = 1 + static_cast<int>(dice.pick(9));
    char start[32], end[32];
    std::snprintf(start, sizeof start, "2027-%02d-01", month);
    std::snprintf(end, sizeof end, "2027-%02d-%02d", commitment == "one-off" ? month : month + 3, commitment == "one-off" ? 1 : 28);
    o["start_date"] = start;
    o["end_date"] = end;
  }
  if (district == "online") o["remote"] = true;
  return o;
}

}  // namespace

int generate_content(const GenerateRequest& r) {
  const std::filesystem::path bundled = r.template_dir;
  const auto taxonomy = read_whole_file(bundled / "taxonomy.json");
  const auto units = read_whole_file(bundled / "units.json");
  if (!taxonomy || !units) {
    std::fprintf(stderr, "%s: the bundled content (taxonomy.json, units.json) is missing\n", bundled.c_str());
    return 1;
  }
  const json tax = json::parse(*taxonomy);
  const json unit_doc = json::parse(*units);
  const auto unit_ids = ids_of(unit_doc.at("units"));
  const auto categories = ids_of(tax.at("categories"));
  const auto districts = ids_of(tax.at("districts"));
  const auto audiences = ids_of(tax.at("suitable_for"));
  Dice dice(r.seed);
  json offers = json::array();
  for (size_t n = 0; n < r.offers; ++n) offers.push_back(make_offer(n, dice, unit_ids, categories, districts, audiences));

  std::error_code ec;
  std::filesystem::create_directories(r.out_dir, ec);
  std::string error;
  // Units, taxonomy, strings and meta as bundled; only the offers are made up.
  for (const char* name : {"units.json", "taxonomy.json", "strings.json", "meta.json"}) {
    const auto bytes = read_whole_file(bundled / name);
    if (!bytes || !write_file_atomically(std::filesystem::path(r.out_dir) / name, *bytes, error)) {
      std::fprintf(stderr, "%s\n", bytes ? error.c_str() : (bundled / name).c_str());
      return 1;
    }
  }
  const json doc{{"schema", "berswordt-kiosk-content/1"}, {"offers", offers}};
  if (!write_file_atomically(std::filesystem::path(r.out_dir) / "offers.json", doc.dump() + "\n", error)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  std::printf("%s: %zu generated offers (seed %u) with the bundled units, taxonomy and strings\n", r.out_dir.c_str(), r.offers, r.seed);
  return 0;
}

}  // namespace kiosk
