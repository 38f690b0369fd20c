#pragma once
// kiosk-backend as a child process on a free loopback port, for tests.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support.hpp"

namespace kiosk::test {

class BackendServer {
 public:
  // `extra` are further command-line options (fault injection).
  BackendServer(const std::filesystem::path& db, const std::filesystem::path& root, std::vector<std::string> extra = {});
  ~BackendServer();
  void stop();  // returns once the process has exited
  const std::string& url() const { return url_; }
  pid_t pid() const { return pid_; }
  static constexpr const char* kToken = "token-berswordt-1-0123456789abcdef";
  static constexpr const char* kKiosk = "berswordt-1";
  static constexpr const char* kAdminToken = "admin-secret-0123456789abcdef";
  // Rows of the registrations table as "id offer" lines, in order of arrival.
  std::vector<std::string> registrations() const;

 private:
  std::filesystem::path db_;
  pid_t pid_ = -1;
  std::string url_;
};

}  // namespace kiosk::test
