#pragma once
// Where kiosk-backend's tokens come from: `--token KIOSK_ID=TOKEN` and `--admin-token` on the
// command line (tests), or files of such lines (`--tokens-file`, `--admin-token-file`) so no
// token shows in `ps`; under systemd, relative file names are looked up in
// $CREDENTIALS_DIRECTORY (LoadCredential=). Every message names the option and the holder,
// never a token.
#include <string>
#include <vector>

#include "kiosk/backend/access.hpp"

namespace kiosk::backend {

struct TokenSources {
  std::vector<std::string> kiosk_tokens;  // KIOSK_ID=TOKEN
  std::string kiosk_tokens_file;
  std::string admin_token;
  std::string admin_token_file;
};

// Fills both tables; false with the reason (the option, what is wrong, what to do).
bool load_tokens(const TokenSources& sources, TokenTable& kiosks, TokenTable& admins, std::string& error);

// A secret file's path: as given when absolute, else in $CREDENTIALS_DIRECTORY when set.
std::string secret_path(const std::string& name);

}  // namespace kiosk::backend
