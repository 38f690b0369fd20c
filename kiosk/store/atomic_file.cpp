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

StagedFile::StagedFile(std::filesystem::path target, unsigned mode) : target_(std::move(target)) {
  const auto dir = target_.parent_path().empty() ? std::filesystem::path(".") : target_.parent_path();
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::random_device rd;
  temp_ = dir / ("." + target_.filename().string() + ".tmp-" + std::to_string(rd()));
  fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
  if (fd_ < 0) error_ = failed("cannot create", temp_);
}

StagedFile::~StagedFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

bool StagedFile::write(std::string_view bytes) {
  if (fd_ < 0) return false;
  if (write_all(fd_, bytes)) return true;
  error_ = failed("cannot write", temp_);
  return false;
}

bool StagedFile::commit(std::string& error) {
  if (fd_ < 0) return error = error_, false;
  const bool synced = ::fsync(fd_) == 0;
  if (!synced) error_ = failed("cannot write", temp_);
  ::close(fd_);
  fd_ = -1;
  if (!synced) return error = error_, false;
  if (::rename(temp_.c_str(), target_.c_str()) != 0) return error = failed("cannot rename over", target_), false;
  committed_ = true;
  // The rename is durable only once the folder's entry is on disk.
  const auto dir = target_.parent_path().empty() ? std::filesystem::path(".") : target_.parent_path();
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0 || ::fsync(dfd) != 0) {
    error = failed("cannot sync folder", dir);
    if (dfd >= 0) ::close(dfd);
    return false;
  }
  ::close(dfd);
  return true;
}

bool write_file_atomically(const std::filesystem::path& target, std::string_view bytes, std::string& error, unsigned mode) {
  StagedFile file(target, mode);
  if (!file.write(bytes)) return error = file.error(), false;
  return file.commit(error);
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
