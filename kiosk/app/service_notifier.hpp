#pragma once
// Talks to systemd through sd_notify: READY=1 once the first frame is on the screen, WATCHDOG=1
// from the main loop while it runs (a hung loop stops the pings and systemd restarts the kiosk),
// RELOADING=1 around a configuration reload, STATUS= lines for `systemctl status`. Outside
// systemd (no NOTIFY_SOCKET) every call does nothing.
#include <string>

namespace kiosk {

class ServiceNotifier {
 public:
  ServiceNotifier();
  // How often the loop must ping: half of WatchdogSec; 0 when systemd watches nothing.
  double watchdog_interval_s() const { return interval_s_; }
  void ready();
  void watchdog();
  void reloading();
  void status(const std::string& text);

 private:
  double interval_s_ = 0.0;
};

}  // namespace kiosk
