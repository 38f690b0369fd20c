#pragma once
// Writing files so that a power cut or a kill leaves either the old file or the new one, never
// half of one: write a temporary file in the same folder, fsync it, rename it over the target,
// fsync the folder.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

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
