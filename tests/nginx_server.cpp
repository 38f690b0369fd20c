#include "nginx_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace kiosk::test {

int free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
    throw std::runtime_error("no free port");
  ::close(fd);
  return ntohs(a.sin_port);
}

bool connection_established(int port) {
  std::ifstream in("/proc/net/tcp");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    unsigned local_port = 0, remote_port = 0, state = 0;
    char local[64], remote[64];
    if (std::sscanf(line.c_str(), "%*d: %63[0-9A-Fa-f:] %63[0-9A-Fa-f:] %x", local, remote, &state) != 3) continue;
    std::sscanf(std::strchr(local, ':') + 1, "%x", &local_port);
    std::sscanf(std::strchr(remote, ':') + 1, "%x", &remote_port);
    if (state == 1 && (remote_port == static_cast<unsigned>(port) || local_port == static_cast<unsigned>(port))) return true;
  }
  return false;
}

NginxServer::NginxServer(const std::filesystem::path& root, const std::filesystem::path& big_root) {
  port_ = free_loopback_port();
  const std::string r = std::filesystem::absolute(root).string() + "/";
  const std::string b = std::filesystem::absolute(big_root).string() + "/";
  start("events {}\n", std::string("  types { application/json json; text/plain minisig; }\n") +
      "  server {\n    listen 127.0.0.1:" + std::to_string(port_) + ";\n    root " + r + ";\n" +
      "    location /stall/ { alias " + r + "; limit_rate 10; }\n" +
      "    location /busy/ { add_header Retry-After 7 always; return 429; }\n" +
      "    location /busy-forever/ { add_header Retry-After 2000000000 always; return 429; }\n" +
      "    location /always304/ { return 304; }\n" +
      "    location /broken/ { return 500; }\n" +
      "    location /gz/ { alias " + r + "; gzip on; gzip_types application/json text/plain; gzip_min_length 1; }\n" +
      "    location /big/ { alias " + b + "; }\n" +
      "  }\n");
}

NginxServer::NginxServer(ProxyFor backend) {
  port_ = free_loopback_port();
  const std::string snippets = std::string(KIOSK_SOURCE_DIR) + "/systemd/nginx/";
  start("worker_rlimit_nofile 16384;\nevents { worker_connections 8192; }\n",
        "  include " + snippets + "kiosk-backend-http.conf;\n" +
        "  upstream kiosk_backend { server 127.0.0.1:" + std::to_string(backend.backend_port) + "; keepalive 16; }\n" +
        "  server {\n    listen 127.0.0.1:" + std::to_string(port_) + ";\n    include " + snippets + "kiosk-backend-proxy.conf;\n  }\n");
}

void NginxServer::start(const std::string& events, const std::string& http_block) {
  const auto d = dir_.path();
  std::filesystem::create_directories(d / "tmp");
  const std::string tmp = (d / "tmp").string();
  std::ofstream(d / "nginx.conf") << "user root;\n"
      << "pid " << (d / "nginx.pid").string() << ";\n"
      << "error_log " << (d / "error.log").string() << ";\n"
      << events << "http {\n"
      << "  access_log " << (d / "access.log").string() << ";\n"
      << "  client_body_temp_path " << tmp << "; proxy_temp_path " << tmp << "; fastcgi_temp_path " << tmp
      << "; uwsgi_temp_path " << tmp << "; scgi_temp_path " << tmp << ";\n"
      << http_block << "}\n";
  std::string out;
  // nginx binds its port before it detaches, so once this returns it accepts connections.
  if (run_command("nginx -c " + (d / "nginx.conf").string() + " -p " + d.string(), out) != 0)
    throw std::runtime_error("nginx did not start: " + out);
  running_ = true;
}

NginxServer::~NginxServer() { stop(); }

void NginxServer::stop() {
  if (!running_) return;
  running_ = false;
  std::ifstream pidfile(dir_.path() / "nginx.pid");
  pid_t pid = 0;
  pidfile >> pid;
  if (pid <= 0) return;
  // Wait for the exit itself (pidfd), not for an arbitrary time.
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  ::kill(pid, SIGTERM);
  if (pidfd >= 0) {
    pollfd p{pidfd, POLLIN, 0};
    ::poll(&p, 1, 10000);
    ::close(pidfd);
  }
}

std::string NginxServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/" + path;
}


}  // namespace kiosk::test
