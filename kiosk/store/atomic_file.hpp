#pragma once
// Writing files so that a power cut or a kill leaves either the old file or the new one, never
// half of one: write a temporary file in the same folder, fsync it, rename it over the target,
// fsync the folder.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// A file written piece by piece (a download) beside its target, then put in place atomically.
// Until commit() it is a hidden temporary file; a StagedFile that goes away uncommitted removes
// it, and a kill leaves one that the cache's clean-up removes.
class StagedFile {
 public:
  explicit StagedFile(std::filesystem::path target, unsigned mode = 0644);
  ~StagedFile();
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;
  bool ok() const { return fd_ >= 0; }
  bool write(std::string_view bytes);
  // fsync, rename over the target, fsync the folder. False with a reason; the target is then as it was.
  bool commit(std::string& error);
  const std::filesystem::path& temp_path() const { return temp_; }
  const std::string& error() const { return error_; }

 private:
  std::filesystem::path target_, temp_;
  int fd_ = -1;
  bool committed_ = false;
  std::string error_;
};

// False with a reason naming the file and the system's error when anything fails; the target
// then still holds what it held before.
// `mode` applies to a new file (after the umask): 0644 for what others must read (a published
// bundle), 0600 for the kiosk's own state.
bool write_file_atomically(const std::filesystem::path& target, std::string_view bytes, std::string& error,
                           unsigned mode = 0644);

// The whole file, or nothing when it cannot be read.
// `spare`: bytes allocated past the end, e.g. kJsonPadding so a JSON parser reads it in place.
std::optional<std::string> read_whole_file(const std::filesystem::path& path, size_t max_bytes = 64u << 20, size_t spare = 0);

}  // namespace kiosk
