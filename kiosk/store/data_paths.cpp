#include "kiosk/store/data_paths.hpp"

#include <cstdlib>
#include <system_error>

namespace kiosk {

std::filesystem::path data_dir() {
  // KIOSK_DATA_DIR lets tests and `kioskctl preview` point at another tree.
  if (const char* env = std::getenv("KIOSK_DATA_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "/usr/share/berswordt-kiosk";
  return exe.parent_path().parent_path() / "share" / "berswordt-kiosk";
}

}  // namespace kiosk
