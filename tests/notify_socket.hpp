#pragma once
// The socket systemd listens on for sd_notify: a datagram socket whose messages are
// "KEY=VALUE" lines. The service tests and the benchmark point NOTIFY_SOCKET at one of these
// to see READY=1, WATCHDOG=1 and STATUS= from the real kiosk.
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace kiosk::test {

class NotifySocket {
 public:
  explicit NotifySocket(const std::filesystem::path& path) : path_(path) {
    std::filesystem::remove(path);
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::snprintf(a.sun_path, sizeof a.sun_path, "%s", path.c_str());
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0)
      throw std::runtime_error("cannot bind a notify socket at " + path.string());
  }
  ~NotifySocket() { ::close(fd_); }
  NotifySocket(const NotifySocket&) = delete;
  NotifySocket& operator=(const NotifySocket&) = delete;

  // The next message, or nothing when none comes within `timeout_ms`.
  std::optional<std::string> next(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return std::nullopt;
    char buf[4096];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    return n > 0 ? std::optional<std::string>(std::string(buf, static_cast<size_t>(n))) : std::nullopt;
  }

  // Reads messages until one contains `text`; false when `timeout_ms` pass without it.
  // `watchdogs`, when given, counts the WATCHDOG=1 pings seen on the way.
  bool wait_for(const std::string& text, int timeout_ms, int* watchdogs = nullptr) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < until) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
      const auto m = next(static_cast<int>(std::max<long long>(1, left)));
      if (!m) return false;
      if (watchdogs != nullptr && m->find("WATCHDOG=1") != std::string::npos) ++*watchdogs;
      if (m->find(text) != std::string::npos) return true;
    }
    return false;
  }

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace kiosk::test
