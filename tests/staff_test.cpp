// Staff mode as the counter uses it: the logo held for three seconds, the PIN pad, the lock
// after five wrong PINs (kept across a restart), the status screen, assisted mode; and the
// admins' side: `kioskctl hash-pin`, `kioskctl fleet` against a real kiosk-backend.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <atomic>
#include <fstream>

#include "backend_server.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/kiosk_services.hpp"
#include "kiosk/app/staff_service.hpp"
#include "kiosk/core/pin_lockout.hpp"
#include "kiosk/core/staff_status.hpp"
#include "kiosk/net/registration_uploader.hpp"
#include "kiosk/platform/null_platform.hpp"
#include "kiosk/store/kiosk_config.hpp"
#include "kiosk/store/outbox_store.hpp"
#include "kiosk/store/staff_pin.hpp"
#include "support.hpp"

using namespace kiosk;

namespace {

const std::string kKioskctl = std::string(KIOSK_BIN_DIR) + "/kioskctl";
constexpr const char* kPin = "482916";

// A pepper file and the hash of kPin, as `kioskctl hash-pin --new-pepper` makes them.
struct PinSetup {
  test::TempDir tmp;
  std::filesystem::path pepper = tmp.path() / "pin-pepper";
  std::filesystem::path state = tmp.path() / "state";
  std::string hash;
  PinSetup() {
    std::filesystem::create_directories(state);
    std::string out;
    REQUIRE(test::run_command("echo " + std::string(kPin) + " | " + kKioskctl + " hash-pin --new-pepper --pepper-file " +
                                  pepper.string() + " 2>/dev/null",
                              out) == 0);
    const auto q = out.find("$argon2id$");
    REQUIRE(q != std::string::npos);
    hash = out.substr(q, out.rfind('"') - q);
  }
};

// The real kiosk on the null platform with a real StaffService: PINs are checked on its
// worker and the answer comes back through the app's queue, as in the program.
struct StaffKiosk {
  std::shared_ptr<double> clock = std::make_shared<double>(0.0);
  NullPlatform* platform = nullptr;
  std::unique_ptr<KioskApp> app;
  std::unique_ptr<StaffService> staff;
  std::atomic<int> syncs{0};

  StaffKiosk(const PinSetup& pins, std::string pin_hash, std::filesystem::path outbox = {}) {
    VisitOptions options;
    options.assisted_idle_timeout_s = 600;
    auto p = std::make_unique<NullPlatform>();
    platform = p.get();
    app = std::make_unique<KioskApp>(std::move(p), test::bundled_snapshot(), options);
    app->set_clock([c = clock] { return *c; });
    std::string error;
    REQUIRE_MESSAGE(app->open({1080, 1920, false, "test"}, error), error);
    StaffService::Settings s{std::move(pin_hash), pins.pepper, pins.state, std::move(outbox), "https://backend.example/", {}};
    staff = std::make_unique<StaffService>(std::move(s), *app, [this] { ++syncs; });
    app->ui().visit().set_staff_console(staff.get());
    app->driver().settle();
    tap("attract.start");
  }
  ~StaffKiosk() { staff.reset(); }

  std::string screen() { return std::string(app->ui().automation().screen()); }
  const ui::WidgetRecord* widget(const std::string& id) { return app->ui().automation().find(id); }
  void tap(const std::string& id) {
    std::string error;
    REQUIRE_MESSAGE(app->driver().tap(id, error), error);
  }
  // A finger on the logo for `seconds`, frames rendered as time passes.
  void hold_logo(double seconds) {
    std::string error;
    REQUIRE_MESSAGE(app->driver().press("staff.entry", error), error);
    for (double t = 0; t < seconds; t += 0.25) {
      *clock += 0.25;
      app->render_frame();
    }
    app->driver().release();
  }
  void wait(double seconds) {
    for (double t = 0; t < seconds; t += 1.0) {
      *clock += 1.0;
      app->render_frame();
    }
    app->driver().settle();
  }
  void enter_pin(const std::string& pin) {
    for (char c : pin) tap(std::string("staff.pin.") + c);
    tap("staff.pin.ok");
    // The answer arrives through the app's queue; the platform wakes when it is posted.
    for (int i = 0; i < 100 && app->ui().visit().staff().checking; ++i) {
      platform->wait_for_wake(200);
      app->run_posted();
    }
    REQUIRE_FALSE(app->ui().visit().staff().checking);
    app->driver().settle();
  }
};

}  // namespace

TEST_CASE("PIN lockout: four wrong PINs are free, the fifth locks for 30 s, then the wait doubles up to an hour") {
  CHECK(PinLockout::delay_after(4) == 0);
  CHECK(PinLockout::delay_after(5) == 30);
  CHECK(PinLockout::delay_after(6) == 60);
  CHECK(PinLockout::delay_after(7) == 120);
  CHECK(PinLockout::delay_after(40) == 3600);
  PinLockout l;
  for (int i = 0; i < 4; ++i) l.failed(1000);
  CHECK_FALSE(l.locked(1000));
  l.failed(1000);
  CHECK(l.locked(1029));
  CHECK_FALSE(l.locked(1030));
  l.succeeded();
  CHECK(l.failures == 0);
}

TEST_CASE("PIN lockout: a clock set back a day does not stretch a 30 s lock beyond 30 s") {
  PinLockout l;
  for (int i = 0; i < 5; ++i) l.failed(1'000'000);
  REQUIRE(l.locked(1'000'000));
  const int64_t day_earlier = 1'000'000 - 86'400;
  CHECK(l.seconds_left(day_earlier) == 30);
  CHECK(l.locked(day_earlier));
  CHECK(l.observe(day_earlier));  // the next PIN check re-anchors the lock to the clock as it is
  CHECK(l.locked(day_earlier + 29));
  CHECK_FALSE(l.locked(day_earlier + 30));
  CHECK_FALSE(l.observe(day_earlier + 10));
}

TEST_CASE("hash-pin: Argon2id with a pepper, the PIN matches only with the same pepper, and bad input is refused") {
  PinSetup pins;
  CHECK(pins.hash.rfind("$argon2id$", 0) == 0);
  struct stat st {};
  REQUIRE(::stat(pins.pepper.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);  // readable by the kiosk's user only
  std::string error;
  const auto pepper = read_pepper(pins.pepper, error);
  REQUIRE_MESSAGE(pepper, error);
  CHECK(pin_matches(kPin, *pepper, pins.hash));
  CHECK_FALSE(pin_matches("482917", *pepper, pins.hash));
  CHECK_FALSE(pin_matches(kPin, new_pepper(), pins.hash));  // a copied config without the pepper is useless
  std::string out;
  CHECK(test::run_command("echo 12ab | " + kKioskctl + " hash-pin --pepper-file " + pins.pepper.string(), out) != 0);
  CHECK(out.find("a PIN is 6 to 8 digits") != std::string::npos);
  // Four or five digits are too few to guess slowly enough.
  test::TempDir other;
  const std::string fresh = (other.path() / "pepper").string();
  CHECK(test::run_command("echo 12345 | " + kKioskctl + " hash-pin --new-pepper --pepper-file " + fresh, out) != 0);
  CHECK(out.find("a PIN is 6 to 8 digits") != std::string::npos);
  // An existing pepper is never replaced: every stored hash depends on it.
  CHECK(test::run_command("echo 1234 | " + kKioskctl + " hash-pin --new-pepper --pepper-file " + pins.pepper.string(), out) != 0);
  CHECK(out.find("is not replaced") != std::string::npos);
  CHECK(read_pepper(pins.pepper, error) == pepper);
}

TEST_CASE("staff mode opens after the logo is held for 3 s and the right PIN, a short press does nothing") {
  PinSetup pins;
  StaffKiosk k(pins, pins.hash);
  k.hold_logo(1.5);
  CHECK(k.screen() == "home");
  k.hold_logo(3.25);
  REQUIRE(k.screen() == "staff_pin");
  CHECK(k.widget("staff.pin.ok")->enabled == false);  // nothing typed yet
  k.enter_pin(kPin);
  REQUIRE(k.screen() == "staff");
  for (const char* id : {"staff.sync_now", "staff.assisted", "staff.leave"}) CHECK(k.widget(id) != nullptr);
  k.tap("staff.sync_now");
  CHECK(k.syncs == 1);
  CHECK(k.app->ui().visit().staff().sync_requested);
  // Back leaves staff mode; coming back needs the PIN again.
  k.tap("nav.back");
  CHECK(k.screen() == "home");
  k.app->ui().visit().open({ScreenId::Staff, {}});
  k.app->driver().settle();
  CHECK(k.screen() == "staff_pin");
}

TEST_CASE("five wrong PINs lock the pad with a countdown, and a restart does not lift the lock") {
  PinSetup pins;
  {
    StaffKiosk k(pins, pins.hash);
    k.hold_logo(3.25);
    for (int i = 0; i < 4; ++i) {
      k.enter_pin("111111");
      CHECK(k.app->ui().visit().staff().wrong);
      CHECK(k.app->ui().visit().staff().attempts_left == 4 - i);
    }
    k.enter_pin("222222");
    CHECK(k.widget("staff.pin.1")->enabled == false);  // locked: the digits do nothing
    CHECK(k.staff->locked_for_s() > 20);
    CHECK(k.app->ui().next_wake(*k.clock) <= *k.clock + 1.0);  // the countdown ticks on screen
  }
  StaffKiosk again(pins, pins.hash);  // the kiosk restarted (power cut, crash)
  CHECK(again.staff->locked_for_s() > 20);
  again.hold_logo(3.25);
  CHECK(again.widget("staff.pin.1")->enabled == false);
}

TEST_CASE("without a configured PIN the pad says how to set one up and never opens") {
  PinSetup pins;
  StaffKiosk k(pins, "");
  k.hold_logo(3.25);
  CHECK(k.screen() == "staff_pin");
  CHECK(k.widget("staff.pin.1") == nullptr);
  CHECK(k.widget("staff.pin.cancel") != nullptr);
  k.tap("staff.pin.cancel");
  CHECK(k.screen() == "home");
}

TEST_CASE("the staff screen counts waiting registrations without showing them, and leaves on its own when idle") {
  PinSetup pins;
  const auto outbox = outbox_file(pins.state);
  {
    std::string error;
    auto store = OutboxStore::open(outbox, error);
    REQUIRE_MESSAGE(store, error);
    REQUIRE(store->add({"7d2c9a60-0000-4000-8000-000000000001", "tafel-hoerde", "2026-11-26T08:00:00Z", "2026-11-26", "c2VhbGVk", 0}, error));
    REQUIRE(store->add({"7d2c9a60-0000-4000-8000-000000000002", "tafel-hoerde", "2026-11-26T09:00:00Z", "2026-11-26", "c2VhbGVk", 0}, error));
  }
  StaffKiosk k(pins, pins.hash, outbox);
  k.hold_logo(3.25);
  k.enter_pin(kPin);
  REQUIRE(k.screen() == "staff");
  for (int i = 0; i < 100 && k.staff->status().outbox_pending != 2; ++i) {
    k.platform->wait_for_wake(200);
    k.app->run_posted();
  }
  const StaffStatus s = k.staff->status();
  CHECK(s.outbox_pending == 2);
  CHECK(s.registrations_on);
  CHECK(s.oldest_pending_age_s > 0);
  CHECK(s.backend == "https://backend.example/");
  CHECK_FALSE(s.backend_reachable.has_value());
  CHECK(s.app_version.empty() == false);
  // Idle: the question comes, then the kiosk returns to the attract loop and staff mode is closed.
  k.wait(115);
  CHECK(k.screen() == "attract");
  CHECK_FALSE(k.app->ui().visit().staff().unlocked);
}

TEST_CASE("assisted mode shows the Beratung banner and waits ten minutes before the idle question") {
  PinSetup pins;
  StaffKiosk k(pins, pins.hash);
  k.hold_logo(3.25);
  k.enter_pin(kPin);
  k.tap("staff.assisted");
  CHECK(k.screen() == "home");
  REQUIRE(k.widget("assisted.end") != nullptr);
  CHECK(k.widget("assisted.end")->label.find("Beratung") == 0);
  k.wait(200);  // far beyond the visitor's 90 s + 20 s
  CHECK(k.screen() == "home");
  CHECK_FALSE(k.app->ui().visit().asking_still_there(*k.clock));
  k.wait(410);  // 610 s: within the question's 20 s
  CHECK(k.app->ui().visit().asking_still_there(*k.clock));
  k.wait(25);
  CHECK(k.screen() == "attract");
  k.tap("attract.start");
  CHECK(k.widget("assisted.end") == nullptr);  // the next visitor is on their own again
}

TEST_CASE("an unreadable kiosk.json: the kiosk runs on the bundled content and the staff pad shows why") {
  test::TempDir tmp;
  const auto file = tmp.path() / "kiosk.json";
  std::ofstream(file) << "{\"backend\": \"https://kiosk.example/\",";  // cut off while an admin saved it
  auto platform = std::make_unique<NullPlatform>();
  KioskApp app(std::move(platform), test::bundled_snapshot());
  std::string error;
  REQUIRE(app.open({1080, 1920, false, "test"}, error));
  KioskOptions options;
  options.config = file.string();
  KioskServices services(app, options, {file, tmp.path(), tmp.path()});
  services.apply(load_config(file));
  app.driver().settle();
  REQUIRE(app.driver().tap("attract.start", error));
  CHECK(app.ui().automation().screen() == "home");
  CHECK(app.ui().visit().content().offers.size() == test::bundled_snapshot()->offers.size());
  REQUIRE(app.ui().visit().staff_console() != nullptr);
  const StaffStatus s = app.ui().visit().staff_console()->status();
  REQUIRE(s.config_problems.size() == 1);
  CHECK(s.config_problems[0].find("kiosk.json: $: expected a readable JSON object, found a file that is not valid JSON") != std::string::npos);
  CHECK_FALSE(app.ui().visit().staff_console()->pin_configured());
  app.ui().visit().open({ScreenId::StaffPin, {}});
  app.driver().settle();
  CHECK(app.ui().automation().find("staff.pin.1") == nullptr);  // no PIN to check against
  CHECK(app.ui().automation().find("staff.pin.cancel") != nullptr);
}

TEST_CASE("configuration: staff keys read and checked, secrets readable by everyone give a warning") {
  test::TempDir tmp;
  const auto file = tmp.path() / "kiosk.json";
  std::ofstream(file) << R"({"staff_pin_hash": "1234", "assisted_idle_timeout_s": 5, "api_token": "t"})";
  ConfigLoad c = load_config(file);
  REQUIRE(c.problems.size() == 2);
  CHECK(c.problems[0].to_string().find("staff_pin_hash: expected an Argon2id hash from `kioskctl hash-pin`") != std::string::npos);
  CHECK(c.problems[1].path == "$.assisted_idle_timeout_s");
  CHECK(c.config.staff_pin_hash.empty());
  CHECK(c.config.assisted_idle_timeout_s == 600);
  ::chmod(file.c_str(), 0644);
  const auto warnings = secret_file_warnings(file, c.config);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("chmod o-rw " + file.string()) != std::string::npos);
  ::chmod(file.c_str(), 0640);
  CHECK(secret_file_warnings(file, c.config).empty());
}

TEST_CASE("kioskctl fleet: one row per kiosk from its heartbeat, silent kiosks flagged, sync-now passed on") {
  test::TempDir tmp;
  std::filesystem::create_directories(tmp.path() / "www");
  test::BackendServer backend(tmp.path() / "backend.sqlite", tmp.path() / "www", {"--token", "foyer-2=token-foyer-2-0123456789abcdef"});
  HttpLimits loopback;
  loopback.allow_http_loopback = true;
  auto report = [&](const std::string& kiosk, const std::string& token, const std::string& content) {
    HttpClient http(loopback);
    const auto r = http.post(backend.url() + "v1/kiosks/" + kiosk + "/status", heartbeat_json(content, {3, 1, "2026-11-26T08:00:00Z"}, parse_rfc3339("2026-11-26T10:00:00Z"), 50, 120),
                             {"Content-Type: application/json", "Authorization: Bearer " + token}, 4096);
    REQUIRE(r.status == 204);
  };
  report(test::BackendServer::kKiosk, test::BackendServer::kToken,
         R"({"content_version":7,"stale":false,"last_sync":"2026-11-26T09:55:00Z","last_error":""})");
  report("foyer-2", "token-foyer-2-0123456789abcdef",
         R"({"content_version":6,"stale":true,"last_sync":"2026-11-20T09:00:00Z","last_error":"failed: connection refused"})");
  const std::string fleet = kKioskctl + " fleet --allow-http-loopback --backend " + backend.url() + " --token " +
                            test::BackendServer::kAdminToken;
  std::string out;
  REQUIRE(test::run_command(fleet, out) == 0);  // both seen just now
  const auto rows = test::lines_of(out);
  REQUIRE(rows.size() >= 3);
  CHECK(rows[0].rfind("KIOSK", 0) == 0);
  CHECK(rows[1].rfind("berswordt-1", 0) == 0);
  CHECK(rows[1].find(" 7 ") != std::string::npos);
  CHECK(rows[2].find("STALE") != std::string::npos);
  CHECK(rows[2].find("failed: connection refused") != std::string::npos);
  CHECK(out.find("MISSING") == std::string::npos);

  // foyer-2 went silent yesterday: older than three heartbeat intervals.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((tmp.path() / "backend.sqlite").c_str(), &db) == SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  REQUIRE(sqlite3_exec(db, "UPDATE kiosks SET last_seen = '2026-11-25T10:00:00Z' WHERE id = 'foyer-2'", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  CHECK(test::run_command(fleet, out) == 1);
  CHECK(out.find("MISSING") != std::string::npos);
  CHECK(out.find("1 kiosk not seen for more than three heartbeat intervals") != std::string::npos);

  // The admin asks one kiosk to sync: its next heartbeat is answered with sync_now.
  REQUIRE(test::run_command(fleet + " --sync-now berswordt-1", out) == 1);  // foyer-2 is still missing
  CHECK(out.find("berswordt-1 will check for new content at its next heartbeat") != std::string::npos);
  HttpClient http(loopback);
  const auto r = http.post(backend.url() + "v1/kiosks/berswordt-1/status", "{}",
                           {"Content-Type: application/json", "Authorization: Bearer " + std::string(test::BackendServer::kToken)}, 4096);
  CHECK(r.status == 200);
  CHECK(r.body.find("\"sync_now\":true") != std::string::npos);
  CHECK(test::run_command(fleet + " --sync-now nobody", out) != 0);
  CHECK(out.find("no such kiosk") != std::string::npos);
  CHECK(test::run_command(kKioskctl + " fleet --allow-http-loopback --backend " + backend.url() + " --token wrong", out) == 2);
  CHECK(out.find("refused the admin token") != std::string::npos);
}

TEST_CASE("the staff screen's durations use the units of its language") {
  CHECK(format_duration(3 * 86400 + 4 * 3600) == "3 d 4 h");
  CHECK(format_duration(125, {"g", "sa", "dk", "sn"}) == "2 dk 5 sn");
  CHECK(format_duration(2 * 3600 + 300, {"д", "год", "хв", "с"}) == "2 год 5 хв");
  const auto s = test::bundled_snapshot();
  CHECK(s->text("time.unit.minute", Lang::Tr) == "dk");
  CHECK(s->text("time.unit.hour", Lang::Uk) == "год");
}
