#include "kiosk/backend/token_config.hpp"

#include <cctype>
#include <cstdlib>
#include <fstream>

namespace kiosk::backend {
namespace {

// Non-empty lines without their '#' comments and trailing blanks.
bool read_token_lines(const std::string& file, std::vector<std::string>& out) {
  std::ifstream in(secret_path(file));
  if (!in) return false;
  for (std::string line; std::getline(in, line);) {
    line = line.substr(0, line.find('#'));
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return true;
}

}  // namespace

std::string secret_path(const std::string& name) {
  const char* creds = std::getenv("CREDENTIALS_DIRECTORY");
  return creds != nullptr && !name.empty() && name[0] != '/' ? std::string(creds) + "/" + name : name;
}

bool load_tokens(const TokenSources& in, TokenTable& kiosks, TokenTable& admins, std::string& error) {
  std::vector<std::string> tokens = in.kiosk_tokens;
  if (!in.kiosk_tokens_file.empty() && !read_token_lines(in.kiosk_tokens_file, tokens))
    return error = "--tokens-file: cannot read " + secret_path(in.kiosk_tokens_file), false;
  std::string admin_token = in.admin_token;
  if (!in.admin_token_file.empty()) {
    std::vector<std::string> lines;
    if (!read_token_lines(in.admin_token_file, lines) || lines.empty())
      return error = "--admin-token-file: no token in " + secret_path(in.admin_token_file), false;
    admin_token = lines.front();
  }
  for (const auto& t : tokens) {
    const auto eq = t.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == t.size())
      return error = "--token: expected KIOSK_ID=TOKEN, got a line without '=' or with an empty side", false;
    if (!kiosks.add(t.substr(0, eq), t.substr(eq + 1), error)) return error = "--token: " + error, false;
    if (!admin_token.empty() && t.substr(eq + 1) == admin_token)
      return error = "--admin-token: the admin token is also a kiosk's token; give it its own", false;
  }
  if (!admin_token.empty() && !admins.add("the admin", admin_token, error)) return error = "--admin-token: " + error, false;
  return true;
}

}  // namespace kiosk::backend
