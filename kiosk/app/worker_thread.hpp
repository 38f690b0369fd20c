#pragma once
// The skeleton both workers share: a thread that sleeps until it is asked to act, told to stop,
// or a timeout passes. stop() raises the cancel flag (which in-flight HTTP transfers watch),
// wakes the thread and joins it.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace kiosk {

class WorkerThread {
 public:
  ~WorkerThread() { stop(); }

  void start(std::function<void()> body) { thread_ = std::thread(std::move(body)); }

  void request() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requested_ = true;
    }
    wake_.notify_all();
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    cancel_ = true;
    wake_.notify_all();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
  }

  // For the body: sleeps up to `seconds`; true when a request came (and clears it). After it
  // returns, check stopping().
  bool wait(double seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return requested_ || stopping_; });
    const bool requested = requested_;
    requested_ = false;
    return requested;
  }
  bool stopping() {
    std::lock_guard<std::mutex> lock(mutex_);
    return stopping_;
  }
  const std::atomic<bool>* cancel_flag() const { return &cancel_; }
  bool cancelled() const { return cancel_; }

 private:
  std::atomic<bool> cancel_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool requested_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kiosk
