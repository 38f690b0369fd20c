#pragma once
// A real nginx on a free loopback port, for tests: started with its own configuration and
// folders below a temporary directory, stopped (and waited for) when the object goes.
#include <filesystem>
#include <string>

#include "support.hpp"

namespace kiosk::test {

class NginxServer {
 public:
  // Serves `root` at /, plus the fault locations the sync tests use:
  //   /stall/  the same files at 10 bytes a second      /busy/  429 with Retry-After: 7
  //   /broken/ 500 for everything                        /gz/    gzip on the fly (chunked, no length)
  //   /big/    files from `big_root`                  /busy-forever/ 429 with Retry-After: 2000000000
  NginxServer(const std::filesystem::path& root, const std::filesystem::path& big_root);
  // The reverse proxy agencies put in front of kiosk-backend: the shipped snippets in
  // systemd/nginx/ as they are, proxying to the backend on `backend_port`.
  struct ProxyFor {
    int backend_port;
  };
  explicit NginxServer(ProxyFor backend);
  ~NginxServer();

  std::string url(const std::string& path = "") const;
  int port() const { return port_; }
  void stop();  // returns once the server has exited

 private:
  void start(const std::string& events, const std::string& http_block);
  TempDir dir_;
  int port_ = 0;
  bool running_ = false;
};

int free_loopback_port();
// Is a client connected to this local port right now (from /proc/net/tcp)?
bool connection_established(int port);

}  // namespace kiosk::test
