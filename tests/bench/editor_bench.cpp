// The editor's benchmark (issue 15): a real kiosk-backend on loopback with 10,000 generated
// offers in its drafts, a signed-in publisher, and every main page asked for many times; then
// the whole content published a few times. Times are wall time at the client (loopback), so
// they include HTTP; the budgets are for the server's time, which is less.
//
//   editor_bench [--offers N] [--requests N] [--out FILE]
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kBin = KIOSK_BIN_DIR;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

std::string cookie(const httplib::Result& r, const std::string& name) {
  for (const auto& [k, v] : r->headers)
    if (k == "Set-Cookie" && v.rfind(name + "=", 0) == 0) return v.substr(0, v.find(';'));
  return {};
}

int run(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

int main(int argc, char** argv) {
  int offers = 10000, requests = 200, organisations_wanted = 500;
  std::string out;
  CLI::App app{"editor_bench: the web editor's pages and publishing with many offers"};
  app.add_option("--offers", offers, "Offers in the drafts");
  app.add_option("--requests", requests, "Requests per page");
  app.add_option("--organisations", organisations_wanted, "Organisation records in the editor");
  app.add_option("--out", out, "Write the results as JSON here");
  CLI11_PARSE(app, argc, argv);

  const fs::path dir = fs::temp_directory_path() / ("editor-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir / "www");
  const std::string db = (dir / "backend.sqlite").string();
  if (run(kBin + "/kioskctl generate --offers " + std::to_string(offers) + " --out " + (dir / "content").string() + " > /dev/null") != 0 ||
      run("printf 'lange genug und geheim\\nlange genug und geheim\\n' | " + kBin + "/kiosk-backend --db " + db +
          " user add bench --role publisher > /dev/null") != 0)
    return std::fprintf(stderr, "editor_bench: could not prepare %s\n", dir.c_str()), 1;
  std::set<std::string> organisations;
  const auto generated = nlohmann::json::parse(std::ifstream(dir / "content" / "offers.json"))["offers"];
  for (const auto& o : generated) organisations.insert(o["organisation"].get<std::string>());
  const std::string offer_id = generated[generated.size() / 2]["id"];

  // "echo $$; exec": the first line is the shell's process id, which becomes kiosk-backend's.
  const std::string cmd = "echo $$; exec " + kBin + "/kiosk-backend --root " + (dir / "www").string() + " --db " + db + " --content " +
                          (dir / "content").string() + " --port 0 2>" + (dir / "backend.log").string();
  FILE* server = popen(cmd.c_str(), "r");
  char pid_line[64] = {0}, line[512] = {0};
  if (!server || !std::fgets(pid_line, sizeof pid_line, server) || !std::fgets(line, sizeof line, server))
    return std::fprintf(stderr, "editor_bench: kiosk-backend did not start\n"), 1;
  const pid_t pid = static_cast<pid_t>(std::stol(pid_line));
  const std::string listening = line;
  std::smatch m;
  if (!std::regex_search(listening, m, std::regex(":([0-9]+)/"))) return std::fprintf(stderr, "editor_bench: %s", line), 1;
  const int port = std::stoi(m[1]);
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(60, 0);

  auto form = c.Get("/admin/sign-in");
  std::smatch token;
  const std::string page = form->body;
  std::regex_search(page, token, std::regex("name=\"csrf\" value=\"([^\"]+)\""));
  const auto signed_in = c.Post("/admin/sign-in", {{"Cookie", cookie(form, "kb_signin")}},
                                "csrf=" + token[1].str() + "&name=bench&password=lange+genug+und+geheim",
                                "application/x-www-form-urlencoded");
  const std::string session = cookie(signed_in, "kb_session");
  if (session.empty()) return std::fprintf(stderr, "editor_bench: could not sign in\n"), 1;
  const httplib::Headers h{{"Cookie", session}};
  const auto home = c.Get("/admin/publish", h);
  std::smatch csrf;
  const std::string home_body = home->body;
  std::regex_search(home_body, csrf, std::regex("name=\"csrf\" value=\"([^\"]+)\""));

  // 500 organisations, as the agency has them: the offer form lists them all.
  const char* districts[] = {"aplerbeck", "brackel", "eving", "hombruch", "hoerde", "huckarde", "mengede", "scharnhorst"};
  for (int i = 0; i < organisations_wanted; ++i) {
    const std::string n = std::to_string(i);
    const auto r = c.Post("/admin/organisations/new", h,
                          "csrf=" + csrf[1].str() + "&id=verein-" + n + "&name=Verein+" + n + "+e.+V.&district=" + districts[i % 8] +
                              "&website=https%3A%2F%2Fverein-" + n + ".example.org",
                          "application/x-www-form-urlencoded");
    if (!r || r->status != 303) return std::fprintf(stderr, "editor_bench: adding organisation %d answered %d\n", i, r ? r->status : -1), 1;
  }

  const std::vector<std::pair<std::string, std::string>> pages{
      {"overview", "/admin/"},
      {"offers list", "/admin/offers"},
      {"offers list, page 150", "/admin/offers?page=150"},
      {"offer form", "/admin/offers/" + offer_id},
      {"units list", "/admin/units"},
      {"unit form", "/admin/units/freiwilligenagentur"},
      {"screen texts", "/admin/strings"},
      {"publish page", "/admin/publish"},
      {"history", "/admin/history"},
      {"search: one word", "/admin/offers?q=garten"},
      {"search: two words and a district", "/admin/offers?q=lese+hilfe&district=hoerde"},
      {"search: nothing found", "/admin/offers?q=zzzzzz"},
      {"organisations list", "/admin/organisations"},
      {"organisations: search", "/admin/organisations?q=verein+42"},
      {"import page", "/admin/import"},
      {"fleet", "/admin/fleet"},
  };
  nlohmann::json results = nlohmann::json::array();
  std::printf("%d offers (naming %zu organisations), %d organisation records; %d requests per page (ms at the client, loopback)\n",
              offers, organisations.size(), organisations_wanted, requests);
  std::printf("%-36s %8s %8s %8s\n", "page", "p50", "p99", "max");
  for (const auto& [name, path] : pages) {
    std::vector<double> t;
    for (int i = 0; i < requests; ++i) {
      const auto start = Clock::now();
      const auto r = c.Get(path, h);
      t.push_back(ms_since(start));
      if (!r || r->status != 200) return std::fprintf(stderr, "editor_bench: %s answered %d\n", path.c_str(), r ? r->status : -1), 1;
    }
    std::printf("%-36s %8.1f %8.1f %8.1f\n", name.c_str(), percentile(t, 0.5), percentile(t, 0.99), percentile(t, 1.0));
    results.push_back({{"page", name}, {"path", path}, {"p50_ms", percentile(t, 0.5)}, {"p99_ms", percentile(t, 0.99)}});
  }
  std::vector<double> publish;
  for (int i = 0; i < 3; ++i) {
    const auto start = Clock::now();
    const auto r = c.Post("/admin/publish/live", h, "csrf=" + csrf[1].str(), "application/x-www-form-urlencoded");
    publish.push_back(ms_since(start));
    if (!r || r->status != 303) return std::fprintf(stderr, "editor_bench: publishing answered %d\n", r ? r->status : -1), 1;
  }
  std::printf("%-36s %8.1f %8s %8.1f\n", "publish all (validate, sign, write)", percentile(publish, 0.5), "", percentile(publish, 1.0));
  results.push_back({{"page", "publish"}, {"p50_ms", percentile(publish, 0.5)}, {"max_ms", percentile(publish, 1.0)}});

  // What changed since the live version: its first call reads the live version once.
  std::vector<double> changes;
  for (int i = 0; i < requests; ++i) {
    const auto start = Clock::now();
    const auto r = c.Get("/admin/changes", h);
    changes.push_back(ms_since(start));
    if (!r || r->status != 200) return std::fprintf(stderr, "editor_bench: /admin/changes answered %d\n", r ? r->status : -1), 1;
  }
  std::printf("%-36s %8.1f %8.1f %8.1f  (first: %.1f)\n", "what changed", percentile(changes, 0.5), percentile(changes, 0.99),
              percentile(changes, 1.0), changes.front());
  results.push_back({{"page", "what changed"}, {"path", "/admin/changes"}, {"p50_ms", percentile(changes, 0.5)},
                     {"p99_ms", percentile(changes, 0.99)}, {"first_ms", changes.front()}});

  // Spreadsheets: the export of every offer, and its dry run (every row checked, nothing saved).
  auto start = Clock::now();
  const auto exported = c.Get("/admin/offers.csv", h);
  const double export_ms = ms_since(start);
  if (!exported || exported->status != 200) return std::fprintf(stderr, "editor_bench: the export failed\n"), 1;
  std::vector<double> dry;
  for (int i = 0; i < 3; ++i) {
    start = Clock::now();
    const auto r = c.Post("/admin/import/check", h,
                          httplib::MultipartFormDataItems{{"csrf", csrf[1].str(), "", ""}, {"file", exported->body, "offers.csv", "text/csv"}});
    dry.push_back(ms_since(start));
    if (!r || r->status != 200 || r->body.find(std::to_string(offers) + " unverändert") == std::string::npos)
      return std::fprintf(stderr, "editor_bench: the dry run answered %d\n", r ? r->status : -1), 1;
  }
  std::printf("%-36s %8.1f %8s %8s  (%.1f MB)\n", "export all offers as CSV", export_ms, "", "", exported->body.size() / 1e6);
  std::printf("%-36s %8.1f %8s %8.1f\n", "import dry run, every row", percentile(dry, 0.5), "", percentile(dry, 1.0));
  results.push_back({{"page", "export CSV"}, {"ms", export_ms}, {"bytes", exported->body.size()}});
  results.push_back({{"page", "import dry run"}, {"p50_ms", percentile(dry, 0.5)}, {"max_ms", percentile(dry, 1.0)}});
  ::kill(pid, SIGTERM);
  pclose(server);
  if (!out.empty()) std::ofstream(out) << nlohmann::json{{"offers", offers}, {"organisations", organisations_wanted}, {"results", results}}.dump(2);
  fs::remove_all(dir);
  return 0;
}
