#include "kiosk/store/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

namespace kiosk {
namespace {

std::string failed(const std::string& what, const std::filesystem::path& p) {
  return what + " " + p.string() + ": " + std::strerror(errno);
}

bool write_all(int fd, std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool write_file_atomically(const std::filesystem::path& target, std::string_view bytes, std::string& error, unsigned mode) {
  const auto dir = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::random_device rd;
  const auto temp = dir / ("." + target.filename().string() + ".tmp-" + std::to_string(rd()));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd < 0) return error = failed("cannot create", temp), false;
  const bool ok = write_all(fd, bytes) && ::fsync(fd) == 0;
  if (!ok) error = failed("cannot write", temp);
  ::close(fd);
  if (!ok || ::rename(temp.c_str(), target.c_str()) != 0) {
    if (ok) error = failed("cannot rename over", target);
    ::unlink(temp.c_str());
    return false;
  }
  // The rename is durable only once the folder's entry is on disk.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0 || ::fsync(dfd) != 0) {
    error = failed("cannot sync folder", dir);
    if (dfd >= 0) ::close(dfd);
    return false;
  }
  ::close(dfd);
  return true;
}

std::optional<std::string> read_whole_file(const std::filesystem::path& path, size_t max_bytes, size_t spare) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data;
  // One allocation of the right size: growing by doubling would touch twice the memory, and
  // fresh pages are what reading 17 MB of content mostly costs.
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size <= max_bytes) data.reserve(static_cast<size_t>(size) + spare);
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<size_t>(in.gcount()));
    if (data.size() > max_bytes) return std::nullopt;
  }
  return data;
}

}  // namespace kiosk
