// A public kiosk of the city shows only what a source supports: no contact data that is not
// the unit's own, figures with the date their source stated them, no promises for others, and
// nothing described as running that has ended. Checked against the bundled content.
#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "kiosk/core/fact_age.hpp"
#include "kiosk/core/ui_keys.hpp"
#include "support.hpp"

using namespace kiosk;

namespace {
const Fact* fact_with(const Unit& u, const std::string& needle) {
  for (const auto& f : u.facts)
    if (f.value.get(Lang::De).find(needle) != std::string::npos) return &f;
  return nullptr;
}
}  // namespace

TEST_CASE("no unit's contact repeats another's: a shared switchboard or homepage is not a unit's contact") {
  const auto s = test::bundled_snapshot();
  std::map<std::string, std::string> seen;  // "phone:…" → the unit that has it
  for (const Unit& u : s->units) {
    if (u.contact.general_line) continue;
    for (const auto& [kind, value] : {std::pair<std::string, std::string>{"phone", u.contact.phone}, {"email", u.contact.email},
                                      {"url", u.contact.url}, {"address", u.contact.address}}) {
      if (value.empty()) continue;
      CAPTURE(u.id);
      CAPTURE(value);
      const auto [it, fresh] = seen.emplace(kind + ":" + value, u.id);
      CHECK_MESSAGE(fresh, "the same " << kind << " as unit " << it->second);
    }
    // The city's switchboard is never passed off as a unit's own number.
    CHECK(u.contact.phone != "0231 50-0");
  }
  // The FreiwilligenAgentur is here, in the Berswordt-Halle, not at the town hall.
  const Unit* fa = s->find_unit("freiwilligenagentur");
  REQUIRE(fa != nullptr);
  CHECK(fa->contact.address.find("Berswordt-Halle") != std::string::npos);
  CHECK(fa->contact.address.find("Friedensplatz") == std::string::npos);
}

TEST_CASE("figures carry the date their source stated them, shown as \"Stand …\" in every language") {
  const auto s = test::bundled_snapshot();
  for (const auto& [unit, figure] : std::vector<std::pair<std::string, std::string>>{
           {"allianz-smart-city", "170"}, {"allianz-smart-city", "24 Projekte"}, {"hochschule-wissenschaft", "54.000"},
           {"hochschule-wissenschaft", "rund 20"}, {"internationale-beziehungen", "160"}, {"nordwaerts", "250"}}) {
    CAPTURE(unit);
    CAPTURE(figure);
    const Unit* u = s->find_unit(unit);
    REQUIRE(u != nullptr);
    const Fact* f = fact_with(*u, figure);
    REQUIRE(f != nullptr);
    CHECK_FALSE(f->as_of.empty());
  }
  for (Lang l : kAllLangs) {
    CAPTURE(static_cast<int>(l));
    const auto it = s->strings.find(std::string("fact.as_of"));
    REQUIRE(it != s->strings.end());
    CHECK(it->second.has(l));
    CHECK(it->second.get(l).find("{n}") != std::string::npos);
  }
}

TEST_CASE("kioskctl validate warns, and does not fail, on facts older than two years") {
  std::string out;
  CHECK(test::run_command(std::string(KIOSK_BIN_DIR) + "/kioskctl validate " + test::bundled_content().string(), out) == 0);
  CHECK(out.find("valid:") != std::string::npos);
  CHECK(out.find("warning: unit \"allianz-smart-city\": fact \"Partner\" is as of 2020, more than two years ago") != std::string::npos);
  CHECK(out.find("warning: unit \"ombudsstelle\" has no address, phone, email or page of its own") != std::string::npos);
  CHECK(out.find("warning: unit \"freiwilligenagentur\" has no") == std::string::npos);
  // The rule itself, with the day fixed: a year counts as its last day.
  const auto s = test::bundled_snapshot();
  CHECK(facts_to_recheck(*s, "2022-12-31").empty());
  const auto due = facts_to_recheck(*s, "2023-01-01");
  CHECK(due.size() == 6);
  CHECK(facts_to_recheck(*s, "2028-01-01").size() == 7);  // nordwärts' 2025 figure too
}

TEST_CASE("an impossible as_of is a problem named by its JSON path") {
  auto sources = test::read_sources(test::bundled_content());
  for (auto& src : sources) {
    if (src.name != "units.json") continue;
    auto doc = nlohmann::json::parse(src.text);
    doc["units"][1]["facts"][1]["as_of"] = "2020-13";
    src.text = doc.dump();
  }
  const auto r = parse_content(sources);
  REQUIRE_FALSE(r.ok());
  bool named = false;
  for (const auto& p : r.problems) named |= p.path == "$.units[1].facts[1].as_of" && p.found.find("2020-13") != std::string::npos;
  CHECK(named);
}

TEST_CASE("nothing on screen promises for others or describes an ended project as running") {
  const auto s = test::bundled_snapshot();
  const Unit* nw = s->find_unit("nordwaerts");
  REQUIRE(nw != nullptr);
  CHECK(nw->description.get(Lang::De).find("bis zum 31. Dezember 2025") != std::string::npos);
  CHECK(nw->description.get(Lang::En).find("ran from May 2015") != std::string::npos);
  CHECK(nw->description.get(Lang::Tr).find("31 Aralık 2025 arasında sürdü") != std::string::npos);  // past tense too
  CHECK(nw->description.get(Lang::Uk).find("тривав із травня 2015 до 31 грудня 2025") != std::string::npos);
  CHECK(fact_with(*nw, "über 220") == nullptr);
  const auto text = [&](const char* key, Lang l) { return std::string(s->text(key, l)); };
  CHECK(text("thanks.text", Lang::De).find("nächsten Tagen") == std::string::npos);
  CHECK(text("thanks.text", Lang::En).find("next few days") == std::string::npos);
  CHECK(text("police.extended", Lang::De).find("kostenlos") == std::string::npos);
  CHECK(text("police.extended", Lang::De).find("Gebühr erlassen") != std::string::npos);
  // The umbrella states no count of its offices that could disagree with the home screen's.
  const Unit* gb = s->find_unit("nachhaltigkeit-buergerinteressen");
  REQUIRE(gb != nullptr);
  CHECK(fact_with(*gb, "Stellen") == nullptr);
  CHECK(gb->name.get(Lang::De) == "Geschäftsbereich III – Nachhaltigkeit");
  CHECK(s->find_unit("ombudsstelle")->name.get(Lang::De) == "Ombudsstelle");
}
