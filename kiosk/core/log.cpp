#include "kiosk/core/log.hpp"

#include <cstdio>
#include <string>

namespace kiosk::log {
namespace {
Level g_max = Level::Info;
}

void set_max_level(Level level) { g_max = level; }

void write(Level level, std::string_view message) {
  if (static_cast<int>(level) > static_cast<int>(g_max)) return;
  // One fwrite per line keeps lines whole when several threads log.
  std::string line = "<" + std::to_string(static_cast<int>(level)) + ">";
  line.append(message);
  line.push_back('\n');
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace kiosk::log
