#pragma once
// An httplib::Server that slow, idle and oversized clients cannot starve.
//
// cpp-httplib gives every accepted connection a worker thread that blocks reading it, with a
// timeout per read but none for a whole request: eight clients sending one header byte a second
// held all eight workers, and 2,000 idle connections queued ahead of every kiosk. Here one
// thread waits on every connection with epoll (thousands cost a few kB each) until a request's
// header has arrived whole; only then does a worker parse and answer it, reading the body under
// a deadline. A header that takes longer than its deadline gets 408, one larger than its cap
// 431. Handlers can ask for the connection to be closed after their answer (413 before a large
// body is read); it then drains briefly so the client sees the answer rather than a reset.
//
// The listening socket has SO_REUSEADDR only, never SO_REUSEPORT (httplib's default): a second
// server on a port in use must fail, not share the port and split the kiosks between databases.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

namespace kiosk::backend {

struct ConnectionLimits {
  // From the moment a connection is ready for a request (accepted, or its last answer sent)
  // until that request's header has arrived whole; idle keep-alive connections close then too.
  std::chrono::milliseconds header_timeout{10000};
  // For reading the body and writing the answer once a worker has the request.
  std::chrono::milliseconds body_timeout{10000};
  size_t max_header_bytes = 16 * 1024;
  size_t max_connections = 4000;
  int keep_alive_requests = 100;
  int workers = 16;
  int backlog = 511;
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits = {});
  ~GuardedServer() override;
  GuardedServer(const GuardedServer&) = delete;
  GuardedServer& operator=(const GuardedServer&) = delete;

  // Binds and listens; port 0 picks a free one. Returns the port, or -1 with `error` in words
  // ("port 8080 is in use").
  int bind(const std::string& host, int port, std::string& error);
  // Serves until stop(); returns false if it could not.
  bool run();

  // Called from a handler: close this connection once the answer is written, without reading
  // what the client still sends (beyond a short drain).
  static void close_after_response();

  struct Connection;  // one accepted socket and the bytes read from it but not yet parsed

 private:
  bool process_and_close_socket(socket_t sock) override;
  void wait_loop();
  void watch(std::shared_ptr<Connection> c);
  void serve(const std::shared_ptr<Connection>& c);
  void on_readable(const std::shared_ptr<Connection>& c);
  void expire(std::chrono::steady_clock::time_point now);
  void finish(const std::shared_ptr<Connection>& c, int status_to_send);

  ConnectionLimits limits_;
  int epoll_fd_ = -1;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;  // guards waiting_
  std::unordered_map<int, std::shared_ptr<Connection>> waiting_;
  std::unique_ptr<httplib::ThreadPool> workers_;
  std::thread waiter_;
};

}  // namespace kiosk::backend
