// kioskctl: the admins' command-line tool. It shares kiosk/core and kiosk/store with the kiosk,
// so `validate` says exactly what the kiosk would say about the same files.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "kiosk/store/content_directory.hpp"
#include "kiosk/tools/publish.hpp"

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
  return 0;
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

  CLI11_PARSE(app, argc, argv);
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
