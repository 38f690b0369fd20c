#pragma once
// SIGHUP (`systemctl reload`) and the test-only SIGUSR1 are read by one thread from a
// signalfd, never by a signal handler: what they trigger is ordinary code, posted to the main
// loop. block_in_this_thread() must run first in main, before any thread starts, so that every
// thread inherits the mask and the signals wait in the fd.
#include <functional>
#include <thread>

namespace kiosk {

class SignalWatcher {
 public:
  static void block_in_this_thread();

  explicit SignalWatcher(std::function<void(int signal)> on_signal);
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

 private:
  void run();
  std::function<void(int)> on_signal_;
  int signal_fd_ = -1;
  int stop_fd_ = -1;  // an eventfd: written once to end the thread
  std::thread thread_;
};

}  // namespace kiosk
