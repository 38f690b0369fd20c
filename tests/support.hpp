#pragma once
// Helpers the tests share: the bundled content as sources, fixture folders, temporary folders.
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/core/content_parser.hpp"

namespace kiosk::test {

std::filesystem::path source_dir();
std::filesystem::path bundled_content();  // the repository's content/ folder
std::vector<ContentSource> read_sources(const std::filesystem::path& dir);
SnapshotPtr bundled_snapshot();           // parsed once, shared by the tests
std::string read_file(const std::filesystem::path& p);

// A fresh folder below the system's temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::vector<std::string> lines_of(const std::string& text);

// Runs a shell command, returns its exit status and what it printed (stdout and stderr).
// A command still running after `timeout_s` is killed with everything it started, and the
// result is -1 with a line saying so: a hang fails its own test, with its output, instead of
// stalling the whole suite until ctest gives up on it silently.
int run_command(const std::string& command, std::string& output, int timeout_s = 180);

}  // namespace kiosk::test
