// What a content server (or a stolen key's holder) can put into the files around the content,
// and what the kiosk's own files can hold: each rule the kiosk enforces on them.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/content_parser.hpp"
#include "kiosk/core/script_steps.hpp"
#include "kiosk/net/bundle_verifier.hpp"
#include "kiosk/store/kiosk_config.hpp"
#include "support.hpp"

using namespace kiosk;
using json = nlohmann::json;

namespace {

std::string manifest_text(const std::string& created, const std::string& expires) {
  return json{{"format", kBundleFormat},
              {"version", 3},
              {"created", created},
              {"expires", expires},
              {"content", {{"path", "content/" + std::string(64, 'a') + ".json"}, {"sha256", std::string(64, 'a')}, {"size", 10}}}}
      .dump();
}

// The bundled content as one document, with `edit` applied.
std::string bundled_document(const std::function<void(json&)>& edit) {
  json merged{{"schema", kContentSchema}};
  for (const auto& src : test::read_sources(test::bundled_content())) {
    const auto doc = json::parse(src.text);
    for (const auto& [key, value] : doc.items())
      if (key != "schema") merged[key] = value;
  }
  edit(merged);
  return merged.dump();
}

bool has_problem(const ContentParseResult& r, const std::string& path) {
  for (const auto& p : r.problems)
    if (p.path == path) return true;
  return false;
}

}  // namespace

TEST_CASE("impossible dates and times are not times: 2030-02-31, 25:61:61, offsets past 23:59") {
  CHECK(parse_rfc3339("2030-02-31T10:00:00Z") < 0);
  CHECK(parse_rfc3339("2030-01-01T25:61:61Z") < 0);
  CHECK(parse_rfc3339("2030-01-01T10:00:00+24:00") < 0);
  CHECK(parse_rfc3339("2029-02-29T10:00:00Z") < 0);
  CHECK(parse_rfc3339("2028-02-29T10:00:00Z") > 0);
  CHECK(parse_rfc3339("2030-01-01T10:00:00.5+01:00") == parse_rfc3339("2030-01-01T09:00:00Z"));
  CHECK(parse_rfc3339(" 030-01-01T10:00:00Z") < 0);
  BundleManifest m;
  std::string error;
  CHECK_FALSE(parse_manifest(manifest_text("2030-02-31T00:00:00Z", "2031-01-01T00:00:00Z"), m, error));
  CHECK(error == "manifest: created: expected an RFC 3339 time");
  const auto r = parse_content_document("content.json", bundled_document([](json& d) {
    d["offers"][0]["start_date"] = "2030-02-31";
    d["offers"][1]["updated_at"] = "2026-11-01T25:61:61Z";
  }));
  CHECK(has_problem(r, "$.offers[0].start_date"));
  CHECK(has_problem(r, "$.offers[1].updated_at"));
}

TEST_CASE("a manifest created after it expires is refused") {
  BundleManifest m;
  std::string error;
  CHECK_FALSE(parse_manifest(manifest_text("2031-01-02T00:00:00Z", "2031-01-01T00:00:00Z"), m, error));
  CHECK(error.find("created (2031-01-02T00:00:00Z) is after expires") != std::string::npos);
  CHECK(parse_manifest(manifest_text("2031-01-01T00:00:00Z", "2031-01-08T00:00:00Z"), m, error));
}

TEST_CASE("a key twice in one object is refused, in the manifest and in the content document, with its path") {
  std::string text = manifest_text("2031-01-01T00:00:00Z", "2031-01-08T00:00:00Z");
  text.insert(1, "\"version\":99,");
  BundleManifest m;
  std::string error;
  CHECK_FALSE(parse_manifest(text, m, error));
  CHECK(error == "manifest: $.version: a key that appears twice");
  // nlohmann keeps the last value, simdjson the first: the same bytes must not mean two things.
  std::string doc = bundled_document([](json&) {});
  const std::string first_title = "\"title\":{";
  const auto at = doc.find(first_title);
  REQUIRE(at != std::string::npos);
  doc.insert(at, "\"title\":{\"de\":\"Zweiter Titel\"},");
  const auto r = parse_content_document("content.json", doc);
  REQUIRE_FALSE(r.ok());
  CHECK(r.problems.front().path.rfind("$.", 0) == 0);
  CHECK(r.problems.front().path.find(".title") != std::string::npos);
  CHECK(r.problems.front().found == "the key a second time");
}

TEST_CASE("a picture must be a plain file in media/, and a bundle's pictures must be listed in its manifest") {
  const auto climbing = parse_content_document("content.json", bundled_document([](json& d) {
    d["units"][0]["image"] = "../../../../etc/passwd";
    d["offers"][0]["image"] = "media/../../secret.png";
    d["offers"][1]["image"] = "/etc/hosts.png";
  }));
  CHECK(has_problem(climbing, "$.units[0].image"));
  CHECK(has_problem(climbing, "$.offers[0].image"));
  CHECK(has_problem(climbing, "$.offers[1].image"));
  const std::string listed = "media/" + std::string(64, 'b') + ".png", unlisted = "media/" + std::string(64, 'c') + ".png";
  const auto r = parse_content_document("content.json", bundled_document([&](json& d) {
    d["units"][0]["image"] = listed;
    d["offers"][2]["image"] = unlisted;
  }));
  REQUIRE(r.ok());
  BundleManifest m;
  m.media.push_back({listed, std::string(64, 'b'), 10});
  std::string reason;
  CHECK_FALSE(images_listed(*r.snapshot, m, reason));
  CHECK(reason.find(unlisted + ", which the manifest does not list") != std::string::npos);
  m.media.push_back({unlisted, std::string(64, 'c'), 10});
  CHECK(images_listed(*r.snapshot, m, reason));
}

TEST_CASE("kiosk.json: three public keys are all kept, each unusable entry is named, and a backend with user info is refused") {
  test::TempDir tmp;
  const auto file = tmp.path() / "kiosk.json";
  std::ofstream(file) << R"({"public_keys": ["RWQa", "RWQb", 7, "RWQc"], "backend": "https://user:secret@kiosk.example/bundle/"})";
  const ConfigLoad c = load_config(file);
  CHECK(c.config.public_keys == std::vector<std::string>{"RWQa", "RWQb", "RWQc"});
  bool named = false, backend = false;
  for (const auto& p : c.problems) {
    named |= p.path == "$.public_keys[2]";
    backend |= p.path == "$.backend" && p.found.find("secret") == std::string::npos;
  }
  CHECK(named);
  CHECK(backend);
  CHECK(c.config.backend.empty());
}

TEST_CASE("a --script file is checked whole before it runs: values of the wrong type are named, never thrown") {
  std::vector<ScriptStep> steps;
  std::string error;
  CHECK_FALSE(parse_script(R"([{"tap": "home.offers"}, {"drag": "offers.list", "dy": "far"}])", steps, error));
  CHECK(error == R"(step 2 {"drag":"offers.list","dy":"far"}: "dx" and "dy" take pixels)");
  CHECK_FALSE(parse_script(R"([{"hold": "staff.entry", "ms": "long"}])", steps, error));
  CHECK(error.find("\"hold\" takes a widget id and \"ms\"") != std::string::npos);
  CHECK_FALSE(parse_script(R"([{"wait_ms": 99999999999}])", steps, error));
  CHECK(error.find("up to an hour") != std::string::npos);
  CHECK_FALSE(parse_script(R"([{"tap": "a", "type": "b"}])", steps, error));
  CHECK_FALSE(parse_script("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", steps, error));
  CHECK_FALSE(parse_script("not json", steps, error));
  CHECK(error == "not valid JSON");
  REQUIRE(parse_script(R"([{"tap": "home.offers"}, {"drag_at": [540, 1200], "dy": -800}, {"hold": "staff.entry", "ms": 3200}, {"quit": true}])",
                       steps, error));
  REQUIRE(steps.size() == 4);
  CHECK(steps[1].action == ScriptStep::Action::DragAt);
  CHECK(steps[1].dy == -800.0f);
  CHECK(steps[2].ms == 3200);
}
