#pragma once
// kiosk-backend's command line for the editor: its options and the `user add`, `publish`,
// `import offers` and `export offers` subcommands, kept here so the program's main stays wiring.
#include <CLI/CLI.hpp>
#include <string>

#include "kiosk/backend/editor/editor_service.hpp"

namespace kiosk::backend {

struct EditorCommandLine {
  EditorServiceOptions options;
  std::string key_file, seed, ttl = "7d", user_name, user_role = "editor", csv_file;
  bool no_editor = false, one_time = false, apply_import = false;
  CLI::App* add_user = nullptr;
  CLI::App* publish = nullptr;
  CLI::App* import_offers = nullptr;
  CLI::App* export_offers = nullptr;
};

void add_editor_options(CLI::App& app, EditorCommandLine& cli);

// After parsing, with the options the editor shares with the rest of the backend: completes
// cli.options and runs a subcommand if one was given. Its exit status, or -1 to go on serving.
int finish_editor_command_line(EditorCommandLine& cli, const std::string& db, const std::string& root,
                               const std::vector<std::string>& trusted_proxies);

}  // namespace kiosk::backend
