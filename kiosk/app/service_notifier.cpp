#include "kiosk/app/service_notifier.hpp"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstdlib>

namespace kiosk {

ServiceNotifier::ServiceNotifier() {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
    interval_s_ = static_cast<double>(usec) / 2e6;
    return;
  }
  // Under cage the kiosk is the compositor's child: systemd sets WATCHDOG_PID to cage's pid,
  // so sd_watchdog_enabled() says "not you". With NotifyAccess=all the child's pings count,
  // and it is the child's loop that must be watched, so it pings all the same.
  const char* socket = std::getenv("NOTIFY_SOCKET");
  const char* watchdog = std::getenv("WATCHDOG_USEC");
  if (socket != nullptr && watchdog != nullptr) {
    const double us = std::strtod(watchdog, nullptr);
    if (us > 0) interval_s_ = us / 2e6;
  }
}

void ServiceNotifier::ready() { sd_notify(0, "READY=1\nSTATUS=showing the kiosk"); }
void ServiceNotifier::watchdog() { sd_notify(0, "WATCHDOG=1"); }
void ServiceNotifier::reloading() { sd_notify(0, "RELOADING=1\nSTATUS=reloading the configuration"); }
void ServiceNotifier::status(const std::string& text) { sd_notify(0, ("STATUS=" + text).c_str()); }

}  // namespace kiosk
