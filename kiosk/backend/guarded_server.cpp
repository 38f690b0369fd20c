#include "kiosk/backend/guarded_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "kiosk/core/log.hpp"

namespace kiosk::backend {

using Clock = std::chrono::steady_clock;

struct GuardedServer::Connection {
  int fd = -1;
  std::string buffer;   // bytes received and not yet consumed by the parser
  size_t consumed = 0;  // how much of `buffer` the parser has taken
  Clock::time_point deadline;
  bool draining = false;     // answered and closing: read and discard until EOF or deadline
  size_t drained = 0;
  bool close_after = false;  // a handler asked for the connection to end after its answer
  int requests = 0;
  std::string remote_ip, local_ip;
  int remote_port = 0, local_port = 0;

  size_t pending() const { return buffer.size() - consumed; }
  // A request's header has arrived whole when an empty line ends it.
  bool header_complete() const {
    const std::string_view rest(buffer.data() + consumed, pending());
    return rest.find("\r\n\r\n") != std::string_view::npos || rest.find("\n\n") != std::string_view::npos;
  }
  void compact() {
    buffer.erase(0, consumed);
    consumed = 0;
  }
};

namespace {

thread_local GuardedServer::Connection* current_connection = nullptr;

void address_of(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage a{};
  socklen_t len = sizeof a;
  if ((peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&a), &len) : ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len)) != 0)
    return;
  char host[NI_MAXHOST] = {}, serv[NI_MAXSERV] = {};
  if (::getnameinfo(reinterpret_cast<sockaddr*>(&a), len, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(serv);
  }
}

// httplib's Stream over a connection: first the bytes the waiter already read, then the
// socket, every wait bounded by one deadline for the whole request.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(GuardedServer::Connection& c, Clock::time_point deadline) : c_(c), deadline_(deadline) {}
  bool is_readable() const override { return c_.pending() > 0 || wait(POLLIN); }
  bool is_writable() const override { return wait(POLLOUT); }
  ssize_t read(char* ptr, size_t size) override {
    if (c_.pending() > 0) {
      const size_t n = std::min(size, c_.pending());
      std::memcpy(ptr, c_.buffer.data() + c_.consumed, n);
      c_.consumed += n;
      return static_cast<ssize_t>(n);
    }
    for (;;) {
      const ssize_t n = ::recv(c_.fd, ptr, size, 0);
      if (n >= 0) return n;
      if (errno == EINTR) continue;
      if ((errno != EAGAIN && errno != EWOULDBLOCK) || !wait(POLLIN)) return -1;
    }
  }
  ssize_t write(const char* ptr, size_t size) override {
    size_t done = 0;
    while (done < size) {
      const ssize_t n = ::send(c_.fd, ptr + done, size - done, MSG_NOSIGNAL);
      if (n > 0) {
        done += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (!wait(POLLOUT)) return -1;
      } else {
        return -1;
      }
    }
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.remote_ip;
    port = c_.remote_port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.local_ip;
    port = c_.local_port;
  }
  socket_t socket() const override { return c_.fd; }

 private:
  bool wait(short events) const {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{c_.fd, events, 0};
    int r;
    do r = ::poll(&p, 1, static_cast<int>(left));
    while (r < 0 && errno == EINTR);
    return r > 0 && (p.revents & (events | POLLHUP)) != 0;
  }
  GuardedServer::Connection& c_;
  Clock::time_point deadline_;
};

void send_status_and_close(int fd, int status) {
  const char* reason = status == 408 ? "Request Timeout" : status == 431 ? "Request Header Fields Too Large" : "Service Unavailable";
  const std::string text = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
  (void)::send(fd, text.data(), text.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

}  // namespace

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {
  // httplib's own pool only hands accepted sockets to the waiter, which never blocks.
  new_task_queue = [] { return new httplib::ThreadPool(2); };
  set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  set_payload_max_length(1 << 20);
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  workers_ = std::make_unique<httplib::ThreadPool>(static_cast<size_t>(limits_.workers));
  waiter_ = std::thread([this] { wait_loop(); });
}

GuardedServer::~GuardedServer() {
  stopping_ = true;
  stop();
  if (waiter_.joinable()) waiter_.join();
  workers_->shutdown();
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [fd, c] : waiting_) ::close(fd);
  waiting_.clear();
  ::close(epoll_fd_);
}

int GuardedServer::bind(const std::string& host, int port, std::string& error) {
  if (port != 0) {
    // httplib reports a failed bind as `false` with errno long gone; ask the kernel first so the
    // admin reads why.
    addrinfo hints{}, *found = nullptr;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0 || found == nullptr)
      return error = "cannot resolve the listen address " + host, -1;
    const int fd = ::socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    const int rc = ::bind(fd, found->ai_addr, found->ai_addrlen);
    const int bind_errno = errno;
    ::close(fd);
    ::freeaddrinfo(found);
    if (rc != 0 && bind_errno == EADDRINUSE)
      return error = "port " + std::to_string(port) + " is in use (is another kiosk-backend running?)", -1;
    if (rc != 0) return error = "cannot listen on " + host + ":" + std::to_string(port) + ": " + std::strerror(bind_errno), -1;
  }
  const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  if (bound < 0) return error = "cannot listen on " + host + ":" + std::to_string(port), -1;
  // httplib listens with a backlog of 5; listening again only changes the queue's length.
  ::listen(svr_sock_, limits_.backlog);
  return bound;
}

bool GuardedServer::run() { return listen_after_bind(); }

void GuardedServer::close_after_response() {
  if (current_connection != nullptr) current_connection->close_after = true;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  auto c = std::make_shared<Connection>();
  c->fd = sock;
  ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
  int yes = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  address_of(sock, true, c->remote_ip, c->remote_port);
  address_of(sock, false, c->local_ip, c->local_port);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_ || waiting_.size() >= limits_.max_connections) {
      send_status_and_close(sock, 503);
      return false;
    }
  }
  c->deadline = Clock::now() + limits_.header_timeout;
  watch(std::move(c));
  return true;
}

void GuardedServer::watch(std::shared_ptr<Connection> c) {
  const int fd = c->fd;
  std::lock_guard<std::mutex> lock(mutex_);
  waiting_[fd] = std::move(c);
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
  ev.data.fd = fd;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev);
}

void GuardedServer::wait_loop() {
  std::vector<epoll_event> events(128);
  auto next_sweep = Clock::now();
  while (!stopping_) {
    const int n = ::epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), 200);
    for (int i = 0; i < n; ++i) {
      std::shared_ptr<Connection> c;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        const auto it = waiting_.find(events[static_cast<size_t>(i)].data.fd);
        if (it != waiting_.end()) c = it->second;
      }
      if (!c) continue;
      try {
        on_readable(c);
      } catch (const std::exception& e) {
        log::error(std::string("connection waiter: ") + e.what());
        finish(c, 0);
      }
    }
    const auto now = Clock::now();
    if (now >= next_sweep) {
      expire(now);
      next_sweep = now + std::chrono::milliseconds(200);
    }
  }
}

void GuardedServer::on_readable(const std::shared_ptr<Connection>& c) {
  char chunk[8192];
  for (;;) {
    // Never read past a complete header: the body is the worker's to read, under its limits.
    if (!c->draining && (c->header_complete() || c->pending() > limits_.max_header_bytes)) break;
    const ssize_t n = ::recv(c->fd, chunk, sizeof chunk, 0);
    if (n > 0) {
      if (!c->draining) {
        c->buffer.append(chunk, static_cast<size_t>(n));
      } else if ((c->drained += static_cast<size_t>(n)) > (1u << 20)) {
        return finish(c, 0);
      }
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    return finish(c, 0);  // the peer closed, or the socket failed
  }
  if (!c->draining && c->header_complete()) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c->fd, nullptr);
      waiting_.erase(c->fd);
    }
    workers_->enqueue([this, c] { serve(c); });
    return;
  }
  if (!c->draining && c->pending() > limits_.max_header_bytes) return finish(c, 431);
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
  ev.data.fd = c->fd;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, c->fd, &ev);
}

void GuardedServer::expire(Clock::time_point now) {
  std::vector<std::shared_ptr<Connection>> late;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [fd, c] : waiting_)
      if (c->deadline <= now) late.push_back(c);
  }
  // A header begun and not finished in time hears why; an idle connection just closes.
  for (const auto& c : late) finish(c, !c->draining && c->pending() > 0 ? 408 : 0);
}

void GuardedServer::finish(const std::shared_ptr<Connection>& c, int status_to_send) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c->fd, nullptr);
    waiting_.erase(c->fd);
  }
  if (status_to_send != 0) {
    send_status_and_close(c->fd, status_to_send);
  } else {
    ::close(c->fd);
  }
  c->fd = -1;
}

void GuardedServer::serve(const std::shared_ptr<Connection>& c) {
  bool keep = false;
  try {
    current_connection = c.get();
    ConnectionStream stream(*c, Clock::now() + limits_.body_timeout);
    ++c->requests;
    const bool last = c->requests >= limits_.keep_alive_requests || stopping_;
    bool closed = false;
    const bool ok = process_request(stream, last, closed, [](httplib::Request&) {});
    keep = ok && !closed && !last && !c->close_after;
  } catch (const std::exception& e) {
    log::error(std::string("request failed: ") + e.what());
  } catch (...) {
    log::error("request failed with an unknown exception");
  }
  current_connection = nullptr;
  if (keep) {
    c->compact();
    c->deadline = Clock::now() + limits_.header_timeout;
    if (c->header_complete()) return workers_->enqueue([this, c] { serve(c); });
    return watch(c);
  }
  if (c->close_after) {
    // Unread request bytes would make the kernel answer with a reset that can overtake our
    // answer; say we are done sending and discard what still arrives, briefly.
    ::shutdown(c->fd, SHUT_WR);
    c->draining = true;
    c->deadline = Clock::now() + std::chrono::seconds(2);
    return watch(c);
  }
  ::close(c->fd);
  c->fd = -1;
}

}  // namespace kiosk::backend
