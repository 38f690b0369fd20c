#pragma once
// The content an interactive kiosk swaps in after its first frame. The first frame must not wait
// for a large bundle (verify, parse and index take a second for 10,000 offers, and on two cores
// they would delay the frame by a third), so the kiosk starts on the bundled content and this
// reads the cached bundle or --content-dir on its own thread once the frame is on the glass,
// then posts the result to the main loop. A sync that showed this version or a newer one
// meanwhile wins (KioskApp::offer_startup_content).
#include <optional>
#include <thread>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/navigation.hpp"

namespace kiosk {

class StartupLoader {
 public:
  // `start_route` (--screen) is opened again once the content that has its item is shown.
  StartupLoader(KioskApp& app, StartupInputs inputs, std::optional<Route> start_route);
  // Joins: the thread posts to the app, which must outlive it.
  ~StartupLoader();
  StartupLoader(const StartupLoader&) = delete;
  StartupLoader& operator=(const StartupLoader&) = delete;

  void start();  // once; on the main thread

 private:
  KioskApp& app_;
  StartupInputs inputs_;
  std::optional<Route> start_route_;
  std::thread thread_;
};

}  // namespace kiosk
