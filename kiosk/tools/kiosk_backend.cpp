// kiosk-backend: the reference backend of PRODUCT.md §5 for tests and single-site deployments.
// This file is wiring: options, secrets, the store, the API on a GuardedServer. What each part
// does is in kiosk/backend/.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "kiosk/backend/access.hpp"
#include "kiosk/backend/editor/editor_cli.hpp"
#include "kiosk/backend/backend_store.hpp"
#include "kiosk/backend/guarded_server.hpp"
#include "kiosk/backend/kiosk_api.hpp"
#include "kiosk/backend/token_config.hpp"
#include "kiosk/core/log.hpp"

namespace {

// Thousands of waiting connections each hold a descriptor; the default soft limit is 1,024.
size_t raise_descriptor_limit() {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) != 0) return 1024;
  r.rlim_cur = std::min<rlim_t>(r.rlim_max, 16384);
  setrlimit(RLIMIT_NOFILE, &r);
  getrlimit(RLIMIT_NOFILE, &r);
  return static_cast<size_t>(r.rlim_cur);
}

}  // namespace

int main(int argc, char** argv) {
  kiosk::backend::ApiOptions api;
  kiosk::backend::TokenSources tokens;
  std::string db = "kiosk-backend.sqlite", listen = "127.0.0.1";
  int port = 8080, workers = 16;
  CLI::App app{"kiosk-backend: reference backend for the Berswordt-Halle kiosk (bundle files, registrations, heartbeats)"};
  app.add_option("--root", api.root, "Folder written by kioskctl publish, served at /");
  app.add_option("--db", db, "SQLite database for registrations and heartbeats");
  app.add_option("--listen", listen, "Address to listen on (default 127.0.0.1: loopback only)");
  app.add_option("--port", port, "Port (0: any free one; the first line printed names it)");
  app.add_option("--token", tokens.kiosk_tokens, "KIOSK_ID=TOKEN: a kiosk and its bearer token (repeatable; at least 22 characters)");
  app.add_option("--admin-token", tokens.admin_token, "Bearer token for GET /v1/kiosks (at least 22 characters)");
  app.add_option("--tokens-file", tokens.kiosk_tokens_file,
                 "File of KIOSK_ID=TOKEN lines ('#' comments): tokens off the command line, where ps shows them");
  app.add_option("--admin-token-file", tokens.admin_token_file, "File holding the admin token (first line)");
  app.add_option("--trusted-proxy", api.trusted_proxies,
                 "Address of a reverse proxy whose X-Real-IP header names the client (repeatable; e.g. 127.0.0.1)");
  app.add_option("--workers", workers, "Threads that answer requests (waiting connections need none)")->check(CLI::Range(1, 256));
  app.add_option("--fail-rate", api.fail_rate, "Test: answer this share of registrations with 500, storing nothing")->check(CLI::Range(0.0, 1.0));
  app.add_option("--drop-after-commit", api.drop_after_commit, "Test: for the first N registrations, store, then drop the connection");
  app.add_option("--delay-ms", api.delay_ms, "Test: wait this long before answering API requests");
  app.add_option("--reject-offer", api.reject_offers, "Test: answer 422 for registrations of this offer (repeatable)");
  // The web editor (at /admin/ when --root is given) and its subcommands.
  kiosk::backend::EditorCommandLine editor;
  kiosk::backend::add_editor_options(app, editor);
  CLI11_PARSE(app, argc, argv);
  if (const int status = kiosk::backend::finish_editor_command_line(editor, db, api.root, api.trusted_proxies); status >= 0)
    return status;

  kiosk::backend::TokenTable kiosks, admins;
  std::string error;
  if (!kiosk::backend::load_tokens(tokens, kiosks, admins, error)) return std::fprintf(stderr, "%s\n", error.c_str()), 2;

  try {
    kiosk::backend::BackendStore store(db);
    kiosk::backend::ConnectionLimits limits;
    limits.workers = workers;
    limits.max_connections = std::min<size_t>(limits.max_connections, raise_descriptor_limit() - 64);
    kiosk::backend::GuardedServer server(limits);
    std::unique_ptr<kiosk::backend::EditorService> editor_service;
    if (!api.root.empty() && !editor.no_editor) {
      editor_service = std::make_unique<kiosk::backend::EditorService>(editor.options, store);
      editor_service->install(server);
      api.admin_body_limit = [&e = *editor_service](const std::string& path) { return e.body_limit(path); };
    }
    kiosk::backend::KioskApi kiosk_api(api, store, std::move(kiosks), std::move(admins));
    kiosk_api.install(server);
    const int bound = server.bind(listen, port, error);
    if (bound < 0) return std::fprintf(stderr, "kiosk-backend: %s\n", error.c_str()), 1;
    std::printf("listening on http://%s:%d/\n", listen.c_str(), bound);
    if (editor_service)
      std::printf("editor at http://%s:%d/admin/ signing with the key kiosks trust as %s (%s)\n", listen.c_str(), bound,
                  editor_service->public_key_base64().c_str(), editor_service->public_key_file().c_str());
    std::fflush(stdout);
    return server.run() ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kiosk-backend: %s\n", e.what());
    return 1;
  }
}
