// The kiosk as systemd runs it: sd_notify messages on a socket of the test's own (READY=1
// after the first frame, WATCHDOG=1 from the main loop, and no more pings once the loop hangs),
// and `systemctl reload` (SIGHUP) re-reading kiosk.json and syncing at once. Then the units
// themselves: `systemd-analyze verify` and the exposure `systemd-analyze security` reports.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <optional>

#include "backend_server.hpp"
#include "notify_socket.hpp"
#include "support.hpp"

using namespace kiosk;
using kiosk::test::NotifySocket;

namespace {

const std::string kKiosk = std::string(KIOSK_BIN_DIR) + "/berswordt-kiosk";
const std::string kKioskctl = std::string(KIOSK_BIN_DIR) + "/kioskctl";


// The kiosk as a child process with the environment systemd gives a Type=notify service.
class KioskProcess {
 public:
  KioskProcess(const NotifySocket& socket, const std::string& watchdog_usec, std::vector<std::string> args) {
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
      ::setenv("WATCHDOG_USEC", watchdog_usec.c_str(), 1);
      std::vector<char*> argv{const_cast<char*>(kKiosk.c_str())};
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(kKiosk.c_str(), argv.data());
      ::_exit(127);
    }
  }
  ~KioskProcess() {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  void signal(int s) { ::kill(pid_, s); }

 private:
  pid_t pid_ = -1;
};

}  // namespace

TEST_CASE("watchdog: READY=1 after the first frame, pings from the main loop, none once the loop hangs") {
  test::TempDir tmp;
  NotifySocket notify(tmp.path() / "notify");
  // WatchdogSec=0.4 s: the loop must ping every 0.2 s, even on a screen that renders nothing.
  KioskProcess kiosk(notify, "400000",
                     {"--windowed", "640x480", "--config", (tmp.path() / "none.json").string(), "--state-dir",
                      tmp.path().string(), "--cache-dir", tmp.path().string(), "--screen", "home", "--test-freeze-on-usr1"});
  REQUIRE(notify.wait_for("READY=1", 30000));
  int pings = 0;
  for (int i = 0; i < 3; ++i) REQUIRE(notify.wait_for("WATCHDOG=1", 5000, &pings));
  CHECK(pings >= 3);
  kiosk.signal(SIGUSR1);  // the test-only switch: the main loop stops coming round
  REQUIRE(notify.wait_for("STATUS=main loop frozen", 5000));
  // Ten ping intervals without one: systemd would now kill and restart the kiosk.
  int late = 0;
  while (auto m = notify.next(2000)) late += m->find("WATCHDOG=1") != std::string::npos;
  CHECK(late == 0);
}

TEST_CASE("systemctl reload (SIGHUP) re-reads kiosk.json and syncs at once") {
  test::TempDir tmp;
  const auto www = tmp.path() / "www";
  std::string out;
  REQUIRE(test::run_command(kKioskctl + " keygen --key " + (tmp.path() / "admin.key").string(), out) == 0);
  REQUIRE(test::run_command(kKioskctl + " publish " + test::bundled_content().string() + " --key " +
                                (tmp.path() / "admin.key").string() + " --out " + www.string() + " --version 5 --expires-in 7d",
                            out) == 0);
  const std::string pub = test::lines_of(test::read_file(tmp.path() / "admin.key.pub")).back();
  test::BackendServer backend(tmp.path() / "backend.sqlite", www);
  const auto config = tmp.path() / "kiosk.json";
  std::ofstream(config) << R"({"kiosk_id": "foyer"})";  // no backend yet
  NotifySocket notify(tmp.path() / "notify");
  KioskProcess kiosk(notify, "10000000",
                     {"--windowed", "640x480", "--config", config.string(), "--state-dir", tmp.path().string(),
                      "--cache-dir", (tmp.path() / "cache").string()});
  REQUIRE(notify.wait_for("READY=1", 30000));
  // The admin configures the backend and reloads; the kiosk fetches version 5 straight away.
  std::ofstream(config) << R"({"kiosk_id": "foyer", "allow_http_loopback": true, "backend": ")" << backend.url()
                        << R"(", "public_keys": [")" << pub << R"("]})";
  kiosk.signal(SIGHUP);
  REQUIRE(notify.wait_for("RELOADING=1", 10000));
  REQUIRE(notify.wait_for("READY=1", 10000));
  CHECK(notify.wait_for("last check: new version 5", 30000));
}

TEST_CASE("systemd units: systemd-analyze verify passes, and exposure stays under the README's thresholds") {
  test::TempDir tmp;
  // The units as installed, with their binaries pointed at this build (verify checks they exist).
  const std::map<std::string, double> threshold{{"berswordt-kiosk.service", 2.5}, {"berswordt-kiosk-backend.service", 1.2}};
  for (const auto& [unit, max_exposure] : threshold) {
    CAPTURE(unit);
    const std::string text = test::read_file(test::source_dir() / "systemd" / unit);
    std::string local = text;
    for (const char* bin : {"berswordt-kiosk", "kiosk-backend"}) {
      const std::string from = std::string("/usr/bin/") + bin + " ", to = std::string(KIOSK_BIN_DIR) + "/" + bin + " ";
      for (size_t at = local.find(from); at != std::string::npos; at = local.find(from, at + to.size())) local.replace(at, from.size(), to);
    }
    std::ofstream(tmp.path() / unit) << local;
    std::string out;
    CHECK_MESSAGE(test::run_command("systemd-analyze verify --man=no " + (tmp.path() / unit).string(), out) == 0, out);
    const int rc = test::run_command("systemd-analyze security --offline=yes --threshold=" + std::to_string(static_cast<int>(max_exposure * 10)) +
                                         " " + (tmp.path() / unit).string(),
                                     out);
    const auto at = out.find("Overall exposure level for " + unit + ": ");
    REQUIRE(at != std::string::npos);
    const double exposure = std::stod(out.substr(at + unit.size() + 29));
    MESSAGE(unit << " exposure " << exposure);
    CHECK(exposure <= max_exposure);
    CHECK(rc == 0);
    CHECK(text.find("ProtectSystem=strict") != std::string::npos);
    CHECK(text.find("NoNewPrivileges=yes") != std::string::npos);
  }
  const std::string kiosk_unit = test::read_file(test::source_dir() / "systemd/berswordt-kiosk.service");
  for (const char* line : {"Type=notify", "NotifyAccess=all", "WatchdogSec=30", "Restart=always", "StartLimitIntervalSec=0",
                           "LIBSEAT_BACKEND=seatd", "ExecStartPre=+/usr/bin/chvt 1", "TTYPath=/dev/tty1", "Conflicts=getty@tty1.service", "StateDirectory=berswordt-kiosk",
                           "CacheDirectory=berswordt-kiosk", "ConfigurationDirectory=berswordt-kiosk", "ExecReload=/bin/kill -HUP $MAINPID"})
    CHECK_MESSAGE(kiosk_unit.find(line) != std::string::npos, line);
  // A logind session (PAMName=) moves the kiosk out of the service's cgroup, where systemd
  // ignores its READY=1 and WATCHDOG=1 (found by tests/vm/boot-proof.sh).
  CHECK(kiosk_unit.find("\nPAMName=") == std::string::npos);
}
