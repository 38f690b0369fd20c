// Registrations when things go wrong around them: a commit that waits for the disk, a reload in
// the middle of one, a visitor who walks away from a typed form, a disk that is full at start.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "kiosk/app/kiosk_services.hpp"
#include "registration_world.hpp"
#include "support.hpp"

using namespace kiosk;
using kiosk::test::Agency;
using kiosk::test::Kiosk;

namespace {

// Another connection holding the outbox exclusively: a commit has to wait until it lets go.
class OutboxLock {
 public:
  explicit OutboxLock(const std::filesystem::path& file) {
    REQUIRE(sqlite3_open(file.c_str(), &db_) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
  }
  ~OutboxLock() { release(); }
  void release() {
    if (db_ == nullptr) return;
    sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
    db_ = nullptr;
  }

 private:
  sqlite3* db_ = nullptr;
};

// From the attract screen to a complete form for "tafel-hoerde", submitted.
void submit_filled_form(Kiosk& k) {
  k.tap("attract.start");
  k.app->ui().visit().open({ScreenId::Register, "tafel-hoerde"});
  k.fill_tafel_hoerde_form();
  k.reveal("form.submit");
  k.tap("form.submit");
}

}  // namespace

TEST_CASE("the commit runs off the UI thread: frames go on while the outbox is locked, the thank-you follows the commit") {
  Agency agency;
  Kiosk k(nullptr);
  OutboxRegistrations sink(agency.outbox(), agency.public_key, nullptr,
                           [&app = *k.app](std::function<void()> task) { app.post(std::move(task)); });
  k.app->ui().visit().set_registration_sink(&sink);
  // Another connection holds the database: a commit on the UI thread would stall the frame
  // here until SQLite gave up.
  OutboxLock lock(outbox_file(agency.state));
  submit_filled_form(k);
  k.app->driver().settle();
  CHECK(k.screen() == "register");
  CHECK(k.app->ui().visit().session().form_sending);
  CHECK_FALSE(k.app->ui().visit().session().form_save_failed);
  const auto* button = k.app->ui().automation().find("form.submit");
  REQUIRE(button != nullptr);
  CHECK_FALSE(button->enabled);  // "Wird gespeichert …": no second submission
  lock.release();
  for (int i = 0; i < 100 && k.app->ui().visit().session().form_sending; ++i) {
    k.platform->wait_for_wake(200);
    k.app->run_posted();
  }
  k.app->driver().settle();
  CHECK(k.screen() == "thank_you");
  CHECK(k.app->ui().visit().session().form.first_name.empty());
  CHECK(agency.outbox()->counts().pending == 1);
}

TEST_CASE("a reload (SIGHUP) never holds up a frame: old workers stop off the UI thread, new ones arrive between frames") {
  Agency agency;
  const auto config = agency.tmp.path() / "kiosk.json";
  std::ofstream(config) << R"({"registration_public_key": ")" << box_key_to_base64(agency.public_key) << R"("})";
  Kiosk k(nullptr);
  KioskOptions options;
  options.config = config.string();
  KioskServices services(*k.app, options, {config, agency.state, agency.tmp.path() / "cache"});
  services.apply(load_config(config));
  // A commit that cannot finish while another connection holds the outbox: stopping the old
  // workers has to wait for it.
  OutboxLock lock(outbox_file(agency.state));
  submit_filled_form(k);
  REQUIRE(k.app->ui().visit().session().form_sending);
  bool reloaded = false;
  services.reload([&] { reloaded = true; });
  CHECK_FALSE(reloaded);  // returned at once: the waiting happens on the reloader
  k.app->render_frame();  // and frames go on meanwhile
  lock.release();
  for (int i = 0; i < 100 && !reloaded; ++i) {
    k.platform->wait_for_wake(200);
    k.app->run_posted();
  }
  CHECK(reloaded);
  k.app->driver().settle();
  CHECK(k.screen() == "thank_you");  // the commit begun before the reload finished, and counted
  CHECK(agency.outbox()->counts().pending == 1);
  CHECK(k.app->ui().visit().staff_console() != nullptr);  // the new generation is hooked in
}

TEST_CASE("leaving a form with typed text asks first, discarding wipes it, and the next visitor's form is empty") {
  Agency agency;
  OutboxRegistrations sink(agency.outbox(), agency.public_key, nullptr);
  Kiosk k(&sink);
  k.tap("attract.start");
  k.app->ui().visit().open({ScreenId::OfferDetail, "lesepaten-aplerbeck"});
  k.app->driver().settle();
  k.tap("offer.register");
  k.type_into("form.first_name", "Zeynep");
  // The typed name is on screen but in no automation label.
  for (const auto& w : k.app->ui().automation().widgets()) CHECK(w.label.find("Zeynep") == std::string::npos);
  k.tap("nav.home");
  CHECK(k.screen() == "register");
  REQUIRE(k.app->ui().automation().find("form.discard") != nullptr);
  k.tap("form.keep_editing");
  CHECK(k.screen() == "register");
  CHECK(k.app->ui().automation().find("form.discard") == nullptr);
  CHECK(k.app->ui().visit().session().form.first_name.view() == "Zeynep");
  // The privacy notice is part of the form: read it and come back, no question, nothing lost.
  k.reveal("form.privacy");
  k.tap("form.privacy");
  CHECK(k.screen() == "privacy");
  k.tap("nav.back");
  CHECK(k.screen() == "register");
  CHECK(k.app->ui().visit().session().form.first_name.view() == "Zeynep");
  k.tap("nav.home");
  k.tap("form.discard");
  CHECK(k.screen() == "home");
  CHECK(k.app->ui().visit().session().form.first_name.empty());
  // The next visitor opens another offer's form: nothing of the first is there.
  k.app->ui().visit().open({ScreenId::OfferDetail, "tafel-hoerde"});
  k.app->driver().settle();
  k.tap("offer.register");
  CHECK(k.screen() == "register");
  CHECK(k.app->ui().visit().session().form.first_name.empty());
  // An empty form is left without a question.
  k.tap("nav.back");
  CHECK(k.screen() == "offer_detail");
}

TEST_CASE("a full disk at start: registrations come back once there is room, without a restart") {
  Agency agency;
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // No file may grow (soft limit 0) until the "disk" has room again (the limit raised).
    signal(SIGXFSZ, SIG_IGN);
    rlimit limit{0, RLIM_INFINITY};
    setrlimit(RLIMIT_FSIZE, &limit);
    OutboxRegistrations sink(outbox_file(agency.state), agency.public_key, nullptr);
    RegistrationForm f;
    f.first_name.append("Erste");
    f.last_name.append("Person");
    f.phone.append("0231 999999");
    f.consent = true;
    Offer o;
    o.id = "tafel-hoerde";
    std::string error;
    if (!sink.available()) _exit(2);       // the form is still offered …
    if (sink.submit(f, o, "2026-11-26", error)) _exit(3);  // … but nothing can be saved yet
    limit.rlim_cur = RLIM_INFINITY;
    setrlimit(RLIMIT_FSIZE, &limit);
    _exit(sink.submit(f, o, "2026-11-26", error) ? 0 : 4);  // room again: saved
  }
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(agency.outbox()->counts().pending == 1);
}

TEST_CASE("kioskctl status shows the outbox counts on a full disk") {
  Agency agency;
  OutboxRegistrations sink(agency.outbox(), agency.public_key, nullptr);
  agency.register_visitor(sink, "Erste", "Person", "erste@example.org", "");
  agency.register_visitor(sink, "Zweite", "Person", "zweite@example.org", "");
  std::string out;
  const std::string kioskctl = std::string(KIOSK_BIN_DIR) + "/kioskctl";
  CHECK(test::run_command("bash -c 'ulimit -f 0; " + kioskctl + " status --state-dir " + agency.state.string() + "'", out) == 0);
  CHECK(out.find("outbox: 2 pending, 0 quarantined") != std::string::npos);
}
