#pragma once
// Logging to stderr with sd-daemon priority prefixes ("<3>" error … "<7>" debug), so journald
// files each line by level. Never log personal data: callers pass ids and counts, not input.
#include <string_view>

namespace kiosk::log {

enum class Level { Error = 3, Warning = 4, Notice = 5, Info = 6, Debug = 7 };

void write(Level level, std::string_view message);
inline void error(std::string_view m) { write(Level::Error, m); }
inline void warning(std::string_view m) { write(Level::Warning, m); }
inline void info(std::string_view m) { write(Level::Info, m); }
inline void debug(std::string_view m) { write(Level::Debug, m); }

// Messages above this level are dropped (default Info).
void set_max_level(Level level);

}  // namespace kiosk::log
