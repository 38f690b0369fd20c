// kioskctl: the admins' command-line tool. It shares kiosk/core and kiosk/store with the kiosk,
// so `validate` says exactly what the kiosk would say about the same files.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "kiosk/store/content_directory.hpp"
#include "kiosk/store/data_paths.hpp"
#include "kiosk/tools/admin.hpp"
#include "kiosk/tools/generate.hpp"
#include "kiosk/tools/publish.hpp"
#include "kiosk/core/fact_age.hpp"
#include "kiosk/tools/registrations.hpp"
#include "kiosk/net/registration_uploader.hpp"
#include "kiosk/store/outbox_store.hpp"
#include "kiosk/core/clock.hpp"

#include <nlohmann/json.hpp>
#include "kiosk/net/sync_engine.hpp"
#include "kiosk/store/kiosk_config.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>

namespace {

int validate(const std::string& dir) {
  const kiosk::ContentParseResult r = kiosk::load_content_directory(dir);
  if (!r.ok()) {
    for (const auto& p : r.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    std::fprintf(stderr, "%s: %zu problem%s; nothing was changed. Fix them and run kioskctl validate again.\n",
                 dir.c_str(), r.problems.size(), r.problems.size() == 1 ? "" : "s");
    return 1;
  }
  const auto& s = *r.snapshot;
  std::printf("%s: valid: %zu units, %zu offers, %zu categories, %zu districts, %zu UI strings%s\n", dir.c_str(),
              s.units.size(), s.offers.size(), s.categories.size(), s.districts.size(), s.strings.size(),
              s.meta.sample_data ? " (sample data)" : "");
  // Old figures are a warning, not a failure: the content is still what the source said.
  char today[16];
  const std::time_t now = std::time(nullptr);
  std::strftime(today, sizeof today, "%Y-%m-%d", std::gmtime(&now));
  // A unit without a contact of its own is valid (the kiosk sends visitors to the counter),
  // but an editor should know: the web editor shows the same list.
  for (const auto& u : s.units)
    if (!u.contact.reachable())
      std::fprintf(stderr, "warning: unit \"%s\" has no address, phone, email or page of its own; visitors are sent to the counter\n",
                   u.id.c_str());
  for (const auto& f : kiosk::facts_to_recheck(s, today))
    std::fprintf(stderr, "warning: unit \"%s\": fact \"%s\" is as of %s, more than two years ago; check it and update its \"as_of\"\n",
                 f.unit.c_str(), f.label.c_str(), f.as_of.c_str());
  return 0;
}

// One cycle of the kiosk's own sync engine with the kiosk's configuration.
int sync_once(const std::string& config_path, const std::string& state_dir, const std::string& cache_dir) {
  const kiosk::ConfigLoad load = kiosk::load_config(config_path);
  if (!load.found) {
    std::fprintf(stderr, "%s: no such configuration file\n", config_path.c_str());
    return 2;
  }
  for (const auto& p : load.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
  const kiosk::KioskConfig& c = load.config;
  if (c.backend.empty()) {
    std::fprintf(stderr, "%s: no \"backend\" configured; nothing to sync from\n", config_path.c_str());
    return 2;
  }
  kiosk::SyncSettings s;
  s.base_url = c.backend;
  std::vector<std::string> problems;
  s.keys = kiosk::minisign_parse_public_keys(c.public_keys, problems);
  for (const std::string& p : problems) std::fprintf(stderr, "%s: public_keys: %s\n", config_path.c_str(), p.c_str());
  s.state_dir = kiosk::state_dir_for(state_dir, c);
  s.cache_dir = kiosk::cache_dir_for(cache_dir, c);
  s.limits.allow_http_loopback = c.allow_http_loopback;
  s.fallback = kiosk::load_content_directory(kiosk::bundled_content_dir()).snapshot;
  const auto now = kiosk::epoch_now();
  const kiosk::SyncOutcome o = kiosk::SyncEngine(s).run_once(now);
  std::printf("%s\n", o.summary().c_str());
  bool ok = o.ok();
  if (c.api_token.empty()) return ok ? 0 : 1;  // a static bundle server only: no API to talk to
  // The same cycle as the kiosk's workers: deliver waiting registrations, then report.
  std::string error;
  if (auto store = kiosk::OutboxStore::open(kiosk::outbox_file(s.state_dir), error)) {
    kiosk::UploadSettings u{c.backend, c.kiosk_id, c.api_token, s.limits};
    kiosk::RegistrationUploader uploader(u, *store);
    const kiosk::FlushOutcome f = uploader.flush();
    const kiosk::OutboxCounts counts = store->counts();
    std::printf("registrations: %d delivered, %d quarantined, %ld pending%s%s\n", f.delivered, f.quarantined, counts.pending,
                f.failed ? "; stopped: " : "", f.failed ? f.reason.c_str() : "");
    ok = ok && !f.failed;
    const nlohmann::json content{{"content_version", o.version}, {"content_expires", o.expires}, {"stale", false},
                                 {"last_sync", o.ok() ? kiosk::format_rfc3339(now) : ""}, {"last_error", o.ok() ? "" : o.summary()}};
    const std::string status = kiosk::heartbeat_json(content.dump(), counts, now, 0, c.heartbeat_interval_s);
    std::string hb_error;
    uploader.send_status(status, hb_error);
    std::printf("heartbeat: %s\n", hb_error.empty() ? "sent" : hb_error.c_str());
    ok = ok && hb_error.empty();
  } else {
    std::fprintf(stderr, "outbox: %s\n", error.c_str());
    ok = false;
  }
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kioskctl: admin tool for the Berswordt-Halle kiosk"};
  app.require_subcommand(1);
  std::string dir;
  auto* v = app.add_subcommand("validate", "Check a content folder and list every problem with file and JSON path");
  v->add_option("DIR", dir, "Content folder (*.json files)")->required();

  std::string key_path;
  auto* kg = app.add_subcommand("keygen", "Make a signing key pair: KEY (secret) and KEY.pub");
  kg->add_option("--key", key_path, "Where to write the secret key")->required();

  kiosk::PublishRequest pr;
  auto* pb = app.add_subcommand("publish", "Validate DIR and write a signed bundle into OUT for any static web server");
  pb->add_option("DIR", pr.content_dir, "Content folder")->required();
  pb->add_option("--key", pr.secret_key, "Secret key from kioskctl keygen (or minisign -G -W)")->required();
  pb->add_option("--out", pr.out_dir, "Output folder (the web server's root for the bundle)")->required();
  pb->add_option("--version", pr.version, "Bundle version; must be above the one in OUT")->required();
  pb->add_option("--expires-in", pr.expires_in, "How long kiosks may show it as current (7d, 12h, 30m)");

  std::string config = "/etc/berswordt-kiosk/kiosk.json", state_dir, cache_dir;
  bool once = false;
  auto* sy = app.add_subcommand("sync", "Run the kiosk's content sync with its configuration and print the outcome");
  sy->add_flag("--once", once, "One cycle, then exit (0: new version or unchanged)")->required();
  sy->add_option("--config", config, "The kiosk's kiosk.json");
  sy->add_option("--state-dir", state_dir, "Override the state directory");
  sy->add_option("--cache-dir", cache_dir, "Override the cache directory");

  auto* rg = app.add_subcommand("registrations", "The agency's registrations: key pair and export");
  rg->require_subcommand(1);
  std::string reg_key, reg_db;
  bool csv = false;
  auto* rk = rg->add_subcommand("keygen", "Make the key pair kiosks seal registrations to");
  rk->add_option("--secret-key", reg_key, "Where to write the key pair (kept by the agency)")->required();
  auto* re = rg->add_subcommand("export", "Decrypt and list the registrations a kiosk-backend stored");
  re->add_option("--db", reg_db, "kiosk-backend's database")->required();
  re->add_option("--secret-key", reg_key, "The key pair from `registrations keygen`")->required();
  re->add_flag("--csv", csv, "CSV for a spreadsheet");
  std::string status_dir;
  auto* st = app.add_subcommand("status", "A kiosk's local state: content version, registrations waiting (no personal data)");
  st->add_option("--state-dir", status_dir, "The kiosk's state directory")->required();

  std::string pepper_file = "/etc/berswordt-kiosk/pin-pepper";
  bool new_pepper = false;
  auto* hp = app.add_subcommand("hash-pin", "Read a staff PIN from stdin and print its stored form for kiosk.json");
  hp->add_option("--pepper-file", pepper_file, "The pepper (default /etc/berswordt-kiosk/pin-pepper)");
  hp->add_flag("--new-pepper", new_pepper, "Create the pepper file first (never overwrites one)");

  kiosk::FleetRequest fleet;
  auto* fl = app.add_subcommand("fleet", "Every kiosk's last heartbeat as the backend saw it; silent ones flagged");
  fl->add_option("--backend", fleet.backend, "kiosk-backend's base URL")->required();
  fl->add_option("--token", fleet.token, "The backend's admin token")->required()->envname("KIOSK_ADMIN_TOKEN");
  fl->add_option("--sync-now", fleet.sync_now, "Ask this kiosk to check for new content at its next heartbeat");
  fl->add_flag("--allow-http-loopback", fleet.allow_http_loopback, "Allow plain http to 127.0.0.1 (tests)");
  fl->add_flag("--json", fleet.json, "JSON instead of a table");

  kiosk::GenerateRequest gen;
  auto* ge = app.add_subcommand("generate", "Write deterministic sample content with N offers (benchmarks, load tests)");
  ge->add_option("--offers", gen.offers, "How many offers (default 10000)")->check(CLI::Range(1, 1000000));
  ge->add_option("--seed", gen.seed, "Seed: the same seed gives the same content");
  ge->add_option("--out", gen.out_dir, "Output folder")->required();

  std::string preview_dir;
  auto* pv = app.add_subcommand("preview", "Show a content folder in the kiosk, windowed, before publishing it");
  pv->add_option("DIR", preview_dir, "Content folder")->required();

  CLI11_PARSE(app, argc, argv);
  if (ge->parsed()) {
    gen.template_dir = kiosk::bundled_content_dir().string();
    return kiosk::generate_content(gen);
  }
  if (hp->parsed()) return kiosk::hash_pin_command(pepper_file, new_pepper);
  if (fl->parsed()) {
    const auto now = kiosk::epoch_now();
    return kiosk::fleet_command(fleet, now);
  }
  if (pv->parsed()) return kiosk::preview_command(std::filesystem::read_symlink("/proc/self/exe").string(), preview_dir);
  if (rk->parsed()) {
    std::string message;
    const bool ok = kiosk::registration_keygen(reg_key, message);
    std::fprintf(ok ? stdout : stderr, "%s\n", message.c_str());
    return ok ? 0 : 1;
  }
  if (re->parsed()) return kiosk::registrations_export(reg_db, reg_key, csv);
  if (st->parsed()) return kiosk::local_status(status_dir);
  if (sy->parsed()) return sync_once(config, state_dir, cache_dir);
  if (v->parsed()) return validate(dir);
  std::string message;
  if (kg->parsed()) {
    const bool ok = kiosk::keygen(key_path, message);
    std::fprintf(ok ? stdout : stderr, "%s\n", message.c_str());
    return ok ? 0 : 1;
  }
  if (pb->parsed()) {
    const bool ok = kiosk::publish(pr, message);
    std::fprintf(ok ? stdout : stderr, "%s\n", message.c_str());
    return ok ? 0 : 1;
  }
  return 2;
}
