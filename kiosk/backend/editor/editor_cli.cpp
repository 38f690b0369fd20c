#include "kiosk/backend/editor/editor_cli.hpp"

#include <cstdio>

#include "kiosk/net/bundle_writer.hpp"
#include "kiosk/store/data_paths.hpp"

namespace kiosk::backend {

void add_editor_options(CLI::App& app, EditorCommandLine& cli) {
  cli.seed = bundled_content_dir().string();
  app.add_option("--publishing-key", cli.key_file, "The editor's online signing key (made at first start, mode 0600; default: beside --db)");
  app.add_option("--content", cli.seed, "Content folder imported into the editor's drafts when they are empty (default: the bundled content)");
  app.add_option("--expires-in", cli.ttl, "Expiry of what the editor publishes, at least 2d (re-signed once less than a day under it is left)");
  app.add_option("--bootstrap-css", cli.options.site.bootstrap_css, "Bootstrap 5's CSS (Debian's libjs-bootstrap5)");
  app.add_flag("--secure-cookies", cli.options.site.secure_cookies, "Mark the editor's cookies Secure (behind https)");
  app.add_flag("--no-editor", cli.no_editor, "Serve only the kiosks' API and files");
  app.add_option("--sign-in-slowdown-s", cli.options.auth.slow_step_s, "Seconds added per failed sign-in after the third (test: 0)");
  auto* user = app.add_subcommand("user", "Staff accounts of the web editor");
  cli.add_user = user->add_subcommand("add", "Add an account; the password is asked for (never on the command line)");
  cli.add_user->add_option("NAME", cli.user_name, "Account name (a-z, 0-9, . - _)")->required();
  cli.add_user->add_option("--role", cli.user_role, "editor (drafts) or publisher (also publishes and adds accounts)");
  cli.add_user->add_flag("--one-time", cli.one_time, "Make a random password, print it once; it must be changed at first sign-in");
  user->require_subcommand(1);
  cli.publish = app.add_subcommand("publish", "Publish the editor's drafts as live content into --root (no server needed)");
  auto* import = app.add_subcommand("import", "Read a spreadsheet (CSV) into the editor's drafts");
  cli.import_offers = import->add_subcommand("offers", "Offers from a CSV file: a dry run unless --apply (columns: see the staff guide)");
  cli.import_offers->add_option("FILE", cli.csv_file, "The CSV file (UTF-8 or Windows-1252, ';' or ',' separated)")->required();
  cli.import_offers->add_flag("--apply", cli.apply_import, "Save the rows without problems as drafts (publish them in the editor)");
  import->require_subcommand(1);
  auto* exp = app.add_subcommand("export", "Write the editor's drafts as a spreadsheet (CSV)");
  cli.export_offers = exp->add_subcommand("offers", "Every offer, in the columns an import reads");
  cli.export_offers->add_option("FILE", cli.csv_file, "Where to write (default \"-\": standard output)");
  exp->require_subcommand(1);
}

int finish_editor_command_line(EditorCommandLine& cli, const std::string& db, const std::string& root,
                               const std::vector<std::string>& trusted_proxies) {
  if (cli.add_user->parsed()) return add_user_command(db, cli.user_name, cli.user_role, cli.one_time);
  EditorServiceOptions& o = cli.options;
  o.db = db;
  o.publishing.root = root;
  o.publishing.key_file = cli.key_file.empty() ? db + ".publishing.key" : cli.key_file;
  o.publishing.ttl_s = parse_duration(cli.ttl);
  if (o.publishing.ttl_s < 2 * 86400) return std::fprintf(stderr, "kiosk-backend: --expires-in must be at least 2d\n"), 2;
  o.publishing.resign_when_left_s = o.publishing.ttl_s - 86400;
  o.seed_content = cli.seed;
  o.site.trusted_proxies = trusted_proxies;
  if (cli.import_offers->parsed()) return import_offers_command(o, cli.csv_file, cli.apply_import);
  if (cli.export_offers->parsed()) return export_offers_command(o, cli.csv_file.empty() ? "-" : cli.csv_file);
  if (cli.publish->parsed()) {
    if (root.empty()) return std::fprintf(stderr, "kiosk-backend publish: --root is needed\n"), 2;
    return publish_command(o);
  }
  return -1;
}

}  // namespace kiosk::backend
