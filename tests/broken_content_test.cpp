// Each folder in tests/fixtures/broken replaces one file of the bundled content with a broken
// version; its expect.txt lists the problems an editor must be told about (file, JSON path,
// what was expected, what was found).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>

#include "support.hpp"

using namespace kiosk;

namespace {

std::vector<std::filesystem::path> fixture_dirs() {
  std::vector<std::filesystem::path> dirs;
  for (const auto& e : std::filesystem::directory_iterator(test::source_dir() / "tests/fixtures/broken"))
    if (e.is_directory()) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

std::vector<std::string> expectations(const std::filesystem::path& dir) {
  std::vector<std::string> lines;
  std::ifstream in(dir / "expect.txt");
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  return lines;
}

std::vector<ContentSource> overlay(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (auto& s : test::read_sources(test::bundled_content())) files[s.name] = std::move(s.text);
  for (auto& s : test::read_sources(dir)) files[s.name] = std::move(s.text);
  std::vector<ContentSource> out;
  for (auto& [name, text] : files) out.push_back({name, std::move(text)});
  return out;
}

}  // namespace

TEST_CASE("every broken fixture is rejected with the message an editor needs") {
  const auto dirs = fixture_dirs();
  CHECK(dirs.size() >= 15);
  for (const auto& dir : dirs) {
    CAPTURE(dir.filename().string());
    const auto r = parse_content(overlay(dir));
    CHECK_FALSE(r.ok());
    CHECK(r.snapshot == nullptr);
    const auto expected = expectations(dir);
    REQUIRE_FALSE(expected.empty());
    for (const auto& e : expected) {
      CAPTURE(e);
      bool found = false;
      for (const auto& p : r.problems) found = found || p.to_string().find(e) != std::string::npos;
      if (!found)
        for (const auto& p : r.problems) MESSAGE("reported: " << p.to_string());
      CHECK(found);
    }
  }
}

TEST_CASE("validation reports every problem, not just the first") {
  const auto r = parse_content(overlay(test::source_dir() / "tests/fixtures/broken/several_problems_in_one_offer"));
  CHECK(r.problems.size() >= 4);
}

TEST_CASE("a syntax error names the line and column") {
  const auto r = parse_content({{"offers.json", "{\n  \"schema\": \"berswordt-kiosk-content/1\",\n  \"offers\": [,]\n}\n"}});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].to_string() == "offers.json: $: expected valid JSON, found a syntax error at line 3, column 14");
}

TEST_CASE("a number too large to hold is a problem, not a crash") {
  const auto r = parse_content({{"offers.json", "{\"schema\": \"berswordt-kiosk-content/1\", \"offers\": [1E999]}"}});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].expected == "numbers a computer can hold");
  CHECK(r.problems[0].found.find("a number that is too large") == 0);
}

TEST_CASE("an empty bundle is a problem, not an empty kiosk") {
  const auto r = parse_content({});
  REQUIRE_FALSE(r.ok());
  CHECK(r.problems[0].expected == "at least one content file (*.json)");
}

TEST_CASE("kioskctl validate: 0 and a summary on valid content, 1 and every problem on broken content") {
  const std::string kioskctl = std::string(KIOSK_BIN_DIR) + "/kioskctl";
  std::string out;
  CHECK(test::run_command(kioskctl + " validate " + test::bundled_content().string(), out) == 0);
  CHECK(out.find("valid: 8 units, 48 offers") != std::string::npos);

  test::TempDir tmp;
  const auto dir = tmp.path() / "content";
  std::filesystem::copy(test::bundled_content(), dir);
  const auto fixture = test::source_dir() / "tests/fixtures/broken/several_problems_in_one_offer";
  std::filesystem::copy_file(fixture / "offers.json", dir / "offers.json", std::filesystem::copy_options::overwrite_existing);
  CHECK(test::run_command(kioskctl + " validate " + dir.string(), out) == 1);
  for (const auto& e : expectations(fixture)) {
    CAPTURE(e);
    CHECK(out.find(e) != std::string::npos);
  }
  CHECK(out.find("4 problems; nothing was changed") != std::string::npos);

  CHECK(test::run_command(kioskctl + " validate " + (tmp.path() / "nowhere").string(), out) == 1);
  CHECK(out.find("expected a folder of content files (*.json), found no such folder") != std::string::npos);
}
