// The bundled content is what every visitor sees on first start: it must parse cleanly and
// carry what PRODUCT.md §4 promises.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "kiosk/core/ui_keys.hpp"
#include "kiosk/store/content_directory.hpp"
#include "support.hpp"

using namespace kiosk;

namespace {
bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::string all_fact_values(const Unit& u, Lang lang) {
  std::string s;
  for (const auto& f : u.facts) s += f.value.get(lang) + "|";
  return s;
}
// The bundled folder as the one document `kioskctl publish` serves.
std::string bundled_as_one_document() {
  nlohmann::json merged{{"schema", kContentSchema}};
  for (const auto& src : test::read_sources(test::bundled_content())) {
    const auto doc = nlohmann::json::parse(src.text);
    for (const auto& [key, value] : doc.items())
      if (key != "schema") merged[key] = value;
  }
  return merged.dump();
}
}  // namespace

TEST_CASE("the bundled content parses without a single problem") {
  auto r = parse_content(test::read_sources(test::bundled_content()));
  for (const auto& p : r.problems) MESSAGE(p.to_string());
  REQUIRE(r.ok());
  CHECK(r.snapshot->meta.sample_data);
  CHECK_FALSE(r.snapshot->meta.notice.get(Lang::En).empty());
}

TEST_CASE("all eight units of the city's page are there, in German and English, with their facts") {
  const auto s = test::bundled_snapshot();
  const std::vector<std::string> ids{"nachhaltigkeit-buergerinteressen", "allianz-smart-city", "internationale-beziehungen",
                                     "freiwilligenagentur", "hochschule-wissenschaft", "nordwaerts",
                                     "vielfalt-toleranz-demokratie", "ombudsstelle"};
  CHECK(s->units.size() == ids.size());
  for (const auto& id : ids) {
    CAPTURE(id);
    const Unit* u = s->find_unit(id);
    REQUIRE(u != nullptr);
    for (Lang l : {Lang::De, Lang::En}) {
      CHECK(u->name.has(l));
      CHECK(u->summary.has(l));
      CHECK(u->description.has(l));
    }
    CHECK_FALSE(u->facts.empty());
    CHECK(u->url.rfind("https://", 0) == 0);
  }
  // Figures from the seed page, in both languages.
  CHECK(contains(all_fact_values(*s->find_unit("allianz-smart-city"), Lang::De), "170"));
  CHECK(contains(all_fact_values(*s->find_unit("allianz-smart-city"), Lang::En), "24 projects"));
  CHECK(contains(all_fact_values(*s->find_unit("hochschule-wissenschaft"), Lang::De), "54.000"));
  CHECK(contains(all_fact_values(*s->find_unit("hochschule-wissenschaft"), Lang::En), "54,000"));
  CHECK(contains(all_fact_values(*s->find_unit("nordwaerts"), Lang::De), "250"));
  CHECK(contains(all_fact_values(*s->find_unit("internationale-beziehungen"), Lang::En), "160"));
  CHECK(s->find_unit("freiwilligenagentur")->contact.address.find("Berswordt-Halle") != std::string::npos);
}

TEST_CASE("at least 40 sample offers cover all 12 districts, citywide, online and every category") {
  const auto s = test::bundled_snapshot();
  CHECK(s->offers.size() >= 40);
  std::set<std::string> districts, categories;
  std::set<Commitment> commitments;
  for (const Offer& o : s->offers) {
    CAPTURE(o.id);
    districts.insert(o.district);
    categories.insert(o.categories.begin(), o.categories.end());
    commitments.insert(o.commitment);
    for (const LocalizedText* t : {&o.title, &o.summary, &o.description, &o.accessibility, &o.benefits})
      CHECK(t->has(Lang::En));
    CHECK_FALSE(o.organisation.empty());
    CHECK_FALSE(o.languages.empty());
    CHECK_FALSE(o.suitable_for.empty());
    CHECK_FALSE(o.time_slots.empty());
    CHECK(o.hours_per_month > 0);
    CHECK((o.remote || !o.address.empty()));
    CHECK_FALSE(o.url.empty());
    if (o.commitment == Commitment::FixedTerm) CHECK_FALSE(o.end_date.empty());
  }
  for (const District& d : s->districts) {
    CAPTURE(d.id);
    CHECK(districts.count(d.id) == 1);
  }
  CHECK(std::count_if(s->districts.begin(), s->districts.end(), [](const District& d) { return d.kind == DistrictKind::Borough; }) == 12);
  for (const Category& c : s->categories) {
    CAPTURE(c.id);
    CHECK(categories.count(c.id) == 1);
  }
  CHECK(commitments.size() == 4);
  CHECK(std::count_if(s->offers.begin(), s->offers.end(), [](const Offer& o) { return o.featured; }) >= 4);
}

TEST_CASE("UI strings are complete in German and English, and cover every key the screens use in all four languages") {
  const auto s = test::bundled_snapshot();
  for (const auto& [key, text] : s->strings) {
    CAPTURE(key);
    CHECK(text.has(Lang::De));
    CHECK(text.has(Lang::En));
  }
  for (std::string_view key : kRequiredUiKeys) {
    CAPTURE(key);
    auto it = s->strings.find(key);
    REQUIRE(it != s->strings.end());
    for (Lang l : kAllLangs) CHECK(it->second.has(l));
  }
}

TEST_CASE("unknown fields are tolerated, so older kiosks accept newer content") {
  auto sources = test::read_sources(test::bundled_content());
  for (auto& src : sources) {
    if (src.name != "offers.json") continue;
    auto doc = nlohmann::json::parse(src.text);
    doc["offers"][0]["colour"] = "blau";
    doc["offers"][0]["contact"]["fax"] = "0231 1234";
    doc["generator"] = "a future editor";
    src.text = doc.dump();
  }
  auto r = parse_content(sources);
  for (const auto& p : r.problems) MESSAGE(p.to_string());
  CHECK(r.ok());
}

TEST_CASE("one document with every section reads the same as the folder of files") {
  auto r = parse_content({{"content.json", bundled_as_one_document()}});
  for (const auto& p : r.problems) MESSAGE(p.to_string());
  REQUIRE(r.ok());
  const auto s = test::bundled_snapshot();
  CHECK(r.snapshot->offers.size() == s->offers.size());
  CHECK(r.snapshot->units.size() == s->units.size());
  CHECK(r.snapshot->strings.size() == s->strings.size());
  CHECK(r.snapshot->find_offer(s->offers.back().id) != nullptr);
}

TEST_CASE("a published document reads the same parsed in place (with the parser's padding) as copied first") {
  const std::string tight = bundled_as_one_document();
  std::string padded;
  padded.reserve(tight.size() + kJsonPadding);
  padded = tight;
  REQUIRE(padded.capacity() >= padded.size() + kJsonPadding);
  const auto a = parse_content_document("content.json", tight);
  const auto b = parse_content_document("content.json", padded);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(a.snapshot->offers.size() == b.snapshot->offers.size());
  for (size_t i = 0; i < a.snapshot->offers.size(); ++i) {
    CHECK(a.snapshot->offers[i].title.get(Lang::De) == b.snapshot->offers[i].title.get(Lang::De));
    CHECK(a.snapshot->offers[i].description.get(Lang::En) == b.snapshot->offers[i].description.get(Lang::En));
  }
  // A syntax error in a padded text still names its line: the padding is never read as text.
  std::string broken = "{\n  \"schema\": \"berswordt-kiosk-content/1\",\n  \"offers\": [,]\n}\n";
  broken.reserve(broken.size() + kJsonPadding);
  const auto c = parse_content_document("offers.json", broken);
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0].found == "a syntax error at line 3, column 14");
}

TEST_CASE("a bundle made for an older kiosk is completed from the bundled content, not rejected") {
  auto sources = test::read_sources(test::bundled_content());
  for (auto& src : sources) {
    auto doc = nlohmann::json::parse(src.text);
    if (src.name == "strings.json") doc["strings"]["de"].erase("form.submit");  // a string added in a later release
    if (src.name == "meta.json") doc["meta"].erase("privacy_version");
    src.text = doc.dump();
  }
  const auto without = parse_content(sources);
  CHECK_FALSE(without.ok());  // on its own (kioskctl validate) the gaps are problems
  const auto with = parse_content(sources, test::bundled_snapshot().get());
  REQUIRE(with.ok());
  CHECK(with.snapshot->text("form.submit", Lang::De) == "Absenden");
  CHECK(with.snapshot->meta.privacy_version == test::bundled_snapshot()->meta.privacy_version);
}

TEST_CASE("kioskctl generate: 10,000 offers that validate, over every district, the same for the same seed") {
  test::TempDir tmp;
  const std::string ctl = std::string(KIOSK_BIN_DIR) + "/kioskctl";
  std::string out;
  REQUIRE(test::run_command(ctl + " generate --offers 10000 --seed 1 --out " + (tmp.path() / "a").string(), out) == 0);
  REQUIRE(test::run_command(ctl + " generate --offers 10000 --seed 1 --out " + (tmp.path() / "b").string(), out) == 0);
  REQUIRE(test::run_command(ctl + " generate --offers 10000 --seed 2 --out " + (tmp.path() / "c").string(), out) == 0);
  CHECK(test::read_file(tmp.path() / "a/offers.json") == test::read_file(tmp.path() / "b/offers.json"));
  CHECK(test::read_file(tmp.path() / "a/offers.json") != test::read_file(tmp.path() / "c/offers.json"));
  const ContentParseResult r = load_content_directory(tmp.path() / "a");
  REQUIRE_MESSAGE(r.ok(), (r.problems.empty() ? "" : r.problems.front().to_string()));
  const ContentSnapshot& s = *r.snapshot;
  CHECK(s.offers.size() == 10000);
  std::set<std::string> districts;
  for (const Offer& o : s.offers) {
    districts.insert(o.district);
    CHECK(o.title.has(Lang::En));
    CHECK(o.description.get(Lang::De).size() > 150);  // paragraphs, not placeholders
  }
  CHECK(districts.size() == s.districts.size());
  CHECK(test::run_command(ctl + " validate " + (tmp.path() / "a").string(), out) == 0);
}

TEST_CASE("fallback chains: Ukrainian reads English then German, Turkish German then English, meta.json can say otherwise") {
  const auto s = test::bundled_snapshot();
  CHECK(s->meta.fallback.of(Lang::Uk) == std::vector<Lang>{Lang::En, Lang::De});
  CHECK(s->meta.fallback.of(Lang::Tr) == std::vector<Lang>{Lang::De, Lang::En});
  const Offer* o = s->find_offer("lesepaten-aplerbeck");  // offers: German and English only
  REQUIRE(o != nullptr);
  CHECK(o->description.shown_in(Lang::Uk, s->meta.fallback.of(Lang::Uk)) == Lang::En);
  CHECK(o->description.shown_in(Lang::Tr, s->meta.fallback.of(Lang::Tr)) == Lang::De);
  // The units are the city's and every visitor's: all four languages, each text and fact.
  for (const auto& u : s->units) {
    CAPTURE(u.id);
    for (const LocalizedText* t : {&u.name, &u.summary, &u.description}) CHECK((t->has(Lang::Tr) && t->has(Lang::Uk)));
    for (const auto& f : u.facts) CHECK((f.label.has(Lang::Tr) && f.label.has(Lang::Uk) && f.value.has(Lang::Tr) && f.value.has(Lang::Uk)));
    for (const auto& t : u.topics) CHECK((t.has(Lang::Tr) && t.has(Lang::Uk)));
  }
  for (const auto& c : s->categories) CHECK_MESSAGE((c.name.has(Lang::Tr) && c.name.has(Lang::Uk)), c.id);
  for (const auto& d : s->districts) CHECK_MESSAGE((d.name.has(Lang::Tr) && d.name.has(Lang::Uk)), d.id);
  for (const auto& a : s->audiences) CHECK_MESSAGE((a.name.has(Lang::Tr) && a.name.has(Lang::Uk)), a.id);

  auto with_meta = [](const std::string& fallback) {
    auto sources = test::read_sources(test::bundled_content());
    for (auto& src : sources)
      if (src.name == "meta.json") {
        auto doc = nlohmann::json::parse(src.text);
        doc["meta"]["fallback"] = nlohmann::json::parse(fallback);
        src.text = doc.dump();
      }
    return parse_content(sources);
  };
  const auto own = with_meta(R"({"uk": ["de"]})");
  REQUIRE(own.ok());
  CHECK(own.snapshot->meta.fallback.of(Lang::Uk) == std::vector<Lang>{Lang::De});
  CHECK(own.snapshot->meta.fallback.of(Lang::Tr) == std::vector<Lang>{Lang::De, Lang::En});  // not named: the default

  const auto bad = with_meta(R"({"uk": ["uk", "ru", "en", "en"], "xx": ["de"], "tr": "de"})");
  CHECK_FALSE(bad.ok());
  std::set<std::string> paths;
  for (const auto& p : bad.problems) paths.insert(p.path);
  for (const char* path : {"$.meta.fallback.uk[0]", "$.meta.fallback.uk[1]", "$.meta.fallback.uk[3]", "$.meta.fallback.xx",
                           "$.meta.fallback.tr"})
    CHECK_MESSAGE(paths.count(path), path);
  CHECK_FALSE(paths.count("$.meta.fallback.uk[2]"));
}
