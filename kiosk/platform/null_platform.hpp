#pragma once
// The platform without a window. Frames are built and thrown away; the font atlas is still
// built, so text measurement matches a real run exactly. Input can be queued to test the main
// loop: once the queue is empty nothing can ever happen again, so a blocking wait ends the run
// instead of hanging.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <vector>

#include "kiosk/platform/platform.hpp"

namespace kiosk {

class NullPlatform final : public Platform {
 public:
  std::string_view name() const override { return "null"; }
  bool open(const WindowSpec& spec, std::string& error) override;
  void attach_imgui() override;
  PumpResult pump_events(int timeout_ms) override;
  void framebuffer_size(int& w, int& h) const override;
  void new_frame() override;
  void present(ImDrawData*, Image*) override {}
  void fonts_changed() override;
  void wake() override;
  void* create_texture(const unsigned char*, int, int) override;
  void destroy_texture(void*) override { --textures_; }
  int textures() const { return textures_; }  // how many are alive

  void resize(int width, int height);
  void queue(PumpResult event) { queued_.push_back(event); }
  // The timeout of every pump_events() call, in order: shows when the loop slept.
  const std::vector<int>& waits() const { return waits_; }
  // Blocks until a worker has posted to the app (wake() was called) or `timeout_ms` passed;
  // true when woken. Tests wait for a worker's answer this way instead of sleeping.
  bool wait_for_wake(int timeout_ms);
  // Tests with their own clock: called with each wait's timeout, so the time can pass there.
  void on_wait(std::function<void(int timeout_ms)> f) { on_wait_ = std::move(f); }

 private:
  int width_ = 0;
  int height_ = 0;
  std::deque<PumpResult> queued_;
  std::vector<int> waits_;
  int textures_ = 0;
  std::mutex wake_mutex_;
  std::condition_variable woken_;
  bool wake_pending_ = false;
  std::function<void(int)> on_wait_;
  intptr_t next_texture_ = 1000;
};

}  // namespace kiosk
