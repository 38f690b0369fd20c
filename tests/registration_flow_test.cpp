// Register interest end to end: the form on screen, the sealed outbox, delivery to a real
// kiosk-backend on loopback (faults included), the agency's export — and nothing personal left
// readable on the kiosk.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <thread>
#include <fstream>
#include <random>
#include <set>

#include "backend_server.hpp"
#include "kiosk/app/backend_worker.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/outbox_registrations.hpp"
#include "kiosk/net/registration_uploader.hpp"
#include "kiosk/net/sealed_box.hpp"
#include "kiosk/platform/null_platform.hpp"
#include "registration_world.hpp"
#include "support.hpp"

using namespace kiosk;
using kiosk::test::Agency;
using kiosk::test::Kiosk;
using kiosk::test::kKioskctl;


TEST_CASE("a visitor registers on screen, it reaches the backend exactly once and the agency can read it") {
  Agency agency;
  OutboxRegistrations sink(agency.outbox(), agency.public_key, nullptr);
  Kiosk k(&sink);
  k.tap("attract.start");
  k.app->ui().visit().open({ScreenId::OfferDetail, "lesepaten-aplerbeck"});  // minimum age 18
  k.app->driver().settle();
  k.tap("offer.register");
  CHECK(k.screen() == "register");
  k.reveal("form.submit");
  k.tap("form.submit");  // nothing filled in yet
  CHECK(k.screen() == "register");
  CHECK(k.app->ui().visit().session().form_checked);

  k.type_into("form.first_name", "Zeynep");
  k.type_into("form.last_name", "Yılmaz");
  k.type_into("form.email", "zeynep.yilmaz@example.org");
  k.reveal("form.time.evening");
  k.tap("form.time.evening");
  k.reveal("form.age");
  k.tap("form.age");
  k.reveal("form.consent");
  k.tap("form.consent");
  k.reveal("form.submit");
  k.tap("form.submit");
  REQUIRE(k.screen() == "thank_you");
  k.tap("nav.back");  // back leads home, not to the emptied form
  CHECK(k.screen() == "home");
  k.app->ui().visit().open({ScreenId::ThankYou, "lesepaten-aplerbeck"});
  k.app->driver().settle();
  // The form is gone from memory the moment the registration is committed.
  const auto& form = k.app->ui().visit().session().form;
  CHECK(form.first_name.empty());
  for (size_t i = 0; i <= form.email.capacity(); ++i) CHECK(form.email.storage()[i] == 0);
  CHECK(agency.outbox()->counts().pending == 1);

  test::BackendServer backend(agency.db, agency.www);
  auto store = agency.outbox();
  RegistrationUploader uploader(agency.upload(backend.url()), *store);
  const FlushOutcome f = uploader.flush();
  CHECK(f.delivered == 1);
  CHECK(store->counts().pending == 0);
  REQUIRE(backend.registrations().size() == 1);
  CHECK(backend.registrations()[0].find("lesepaten-aplerbeck") != std::string::npos);
  std::string out;
  REQUIRE(test::run_command(kKioskctl + " registrations export --db " + agency.db.string() + " --secret-key " + agency.key.string() + " --csv",
                            out) == 0);
  CHECK(out.find(",Zeynep,Yılmaz,zeynep.yilmaz@example.org,,evening,,yes") != std::string::npos);
  CHECK(out.find("2026-11-26") != std::string::npos);  // the consent text version

  // Thirty seconds on the thank-you screen end the visit.
  *k.clock += 31;
  k.app->render_frame();
  k.app->driver().settle();
  CHECK(k.screen() == "attract");
}

TEST_CASE("without a registration key the kiosk sends visitors to the counter instead of a form") {
  Kiosk k(nullptr);
  k.tap("attract.start");
  k.app->ui().visit().open({ScreenId::OfferDetail, "tafel-hoerde"});
  k.app->driver().settle();
  CHECK(k.app->ui().automation().find("offer.register") == nullptr);
}

TEST_CASE("backend down for many attempts: everything is delivered, in order, once it is back") {
  Agency agency;
  OutboxRegistrations sink(agency.outbox(), agency.public_key, nullptr);
  for (int i = 0; i < 5; ++i) agency.register_visitor(sink, "Visitor", std::to_string(i), "", "0231 55500" + std::to_string(i), "offer-" + std::to_string(i));
  auto store = agency.outbox();
  const int port = 1 + static_cast<int>(std::random_device{}() % 1000) + 40000;
  for (int attempt = 0; attempt < 4; ++attempt) {
    RegistrationUploader down(agency.upload("http://127.0.0.1:" + std::to_string(port) + "/"), *store);
    const FlushOutcome f = down.flush();
    CHECK(f.failed);
    CHECK(f.delivered == 0);
  }
  CHECK(store->counts().pending == 5);
  test::BackendServer backend(agency.db, agency.www);
  RegistrationUploader up(agency.upload(backend.url()), *store);
  CHECK(up.flush().delivered == 5);
  const auto rows = backend.registrations();
  REQUIRE(rows.size() == 5);
  for (int i = 0; i < 5; ++i) CHECK(rows[static_cast<size_t>(i)].find("offer-" + std::to_string(i)) != std::string::npos);
}

TEST_CASE("the backend commits and then drops the connection: the retry creates no duplicate") {
  Agency agency;
  OutboxRegistrations sink(agency.outbox(), agency.public_key, nullptr);
  agency.register_visitor(sink, "Jonas", "Becker", "jonas@example.org", "");
  test::BackendServer backend(agency.db, agency.www, {"--drop-after-commit", "1"});
  auto store = agency.outbox();
  RegistrationUploader uploader(agency.upload(backend.url()), *store);
  FlushOutcome f = uploader.flush();
  CHECK(f.failed);
  CHECK(f.reason.find("registration ") == 0);  // a network failure, named by id only
  CHECK(backend.registrations().size() == 1);  // stored, though the kiosk heard "failed"
  f = uploader.flush();                         // the same id again: 200, a duplicate
  CHECK(f.delivered == 1);
  CHECK(backend.registrations().size() == 1);
  CHECK(store->counts().pending == 0);
}

TEST_CASE("422: quarantined, kept, and counted in kioskctl status") {
  Agency agency;
  OutboxRegistrations sink(agency.outbox(), agency.public_key, nullptr);
  agency.register_visitor(sink, "Maria", "Nowak", "maria@example.org", "", "withdrawn-offer");
  agency.register_visitor(sink, "Paul", "Klein", "paul@example.org", "");
  test::BackendServer backend(agency.db, agency.www, {"--reject-offer", "withdrawn-offer"});
  auto store = agency.outbox();
  RegistrationUploader uploader(agency.upload(backend.url()), *store);
  const FlushOutcome f = uploader.flush();
  CHECK(f.quarantined == 1);
  CHECK(f.delivered == 1);  // a refused one does not block the others
  std::string out;
  REQUIRE(test::run_command(kKioskctl + " status --state-dir " + agency.state.string(), out) == 0);
  CHECK(out.find("outbox: 0 pending, 1 quarantined") != std::string::npos);
  CHECK(out.find("Maria") == std::string::npos);
}

TEST_CASE("after 100 registrations no name, email or phone number is readable in the state folder or the log") {
  Agency agency;
  test::BackendServer backend(agency.db, agency.www);
  std::vector<std::string> secrets;
  const auto log_file = agency.tmp.path() / "kiosk.log";
  // The log goes to stderr, as in the kiosk; capture it.
  const int saved_stderr = dup(2);
  FILE* log = std::fopen(log_file.c_str(), "w");
  dup2(fileno(log), 2);
  {
    OutboxRegistrations sink(agency.outbox(), agency.public_key, nullptr);
    for (int i = 0; i < 100; ++i) {
      const std::string first = "Vorname" + std::to_string(1000 + i), last = "Nachname" + std::to_string(2000 + i);
      const std::string email = "person" + std::to_string(3000 + i) + "@example.org", phone = "0231 77" + std::to_string(4000 + i);
      secrets.insert(secrets.end(), {first, last, email, phone});
      agency.register_visitor(sink, first, last, email, phone);
    }
    auto store = agency.outbox();
    RegistrationUploader uploader(agency.upload(backend.url()), *store);
    CHECK(uploader.flush().delivered == 100);
  }
  std::fflush(stderr);
  dup2(saved_stderr, 2);
  close(saved_stderr);
  std::fclose(log);
  std::vector<std::filesystem::path> files{log_file};
  for (const auto& e : std::filesystem::recursive_directory_iterator(agency.state)) files.push_back(e.path());
  CHECK(files.size() >= 2);
  for (const auto& file : files) {
    if (!std::filesystem::is_regular_file(file)) continue;
    const std::string bytes = test::read_file(file);
    for (const auto& s : secrets) {
      CAPTURE(file.string());
      CAPTURE(s);
      CHECK(bytes.find(s) == std::string::npos);
      // The same words as UTF-16, as some tools would store them.
      std::string utf16;
      for (char c : s) utf16 += std::string{c, '\0'};
      CHECK(bytes.find(utf16) == std::string::npos);
    }
  }
}

TEST_CASE("a full disk: the visitor is told, and nothing half-written remains") {
  Agency agency;
  OutboxRegistrations warm(agency.outbox(), agency.public_key, nullptr);
  agency.register_visitor(warm, "Erste", "Person", "erste@example.org", "");
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // The child's files may not grow: every further write fails as on a full disk.
    signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{0, 0};
    setrlimit(RLIMIT_FSIZE, &limit);
    std::string error;
    auto store = OutboxStore::open(outbox_file(agency.state), error);
    if (!store) _exit(3);
    OutboxRegistrations sink(std::move(store), agency.public_key, nullptr);
    RegistrationForm f;
    f.first_name.append("Zweite");
    f.last_name.append("Person");
    f.message.append(std::string(500, 'x'));
    f.phone.append("0231 999999");
    f.consent = true;
    Offer o;
    o.id = "tafel-hoerde";
    _exit(sink.submit(f, o, "2026-11-26", error) ? 1 : 0);  // 0: refused, as it must be
  }
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  auto store = agency.outbox();
  CHECK(store->counts().pending == 1);  // the first registration, intact; no trace of the second
  REQUIRE(store->next_pending());

  // On screen: the form stays, with the message to go to the counter.
  struct FullDisk final : RegistrationSink {
    bool available() const override { return true; }
    void submit(const RegistrationForm&, const Offer&, const std::string&, std::function<void(bool)> done) override {
      done(false);  // the disk is full
    }
  } full;
  Kiosk k(&full);
  k.tap("attract.start");
  k.app->ui().visit().open({ScreenId::Register, "tafel-hoerde"});
  k.fill_tafel_hoerde_form();
  k.reveal("form.submit");
  k.tap("form.submit");
  CHECK(k.screen() == "register");
  CHECK(k.app->ui().visit().session().form_save_failed);
  CHECK(k.app->ui().visit().session().form.first_name.view() == "Ali");  // nothing lost: the staff can help finish it
}

TEST_CASE("chaos: 200 runs killed at random moments during submit and upload, every thank-you is in the backend once") {
  Agency agency;
  test::BackendServer backend(agency.db, agency.www, {"--fail-rate", "0.2"});
  const std::string helper = std::string(KIOSK_BIN_DIR) + "/registration_chaos_helper";
  const std::string key = box_key_to_base64(agency.public_key);
  // How long one undisturbed run takes; kill points spread over it.
  std::string out;
  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(test::run_command(helper + " " + agency.state.string() + " " + backend.url() + " " + test::BackendServer::kToken + " " +
                                key + " 3", out) == 0);
  const long full_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
  std::set<std::string> thanked;
  for (const auto& line : test::lines_of(out))
    if (line.rfind("saved ", 0) == 0 && line.size() == 42) thanked.insert(line.substr(6));
  std::mt19937 rng(1126);
  std::uniform_int_distribution<long> delay(0, full_us);
  int killed = 0;
  for (int run = 0; run < 200; ++run) {
    int pipefd[2];
    REQUIRE(pipe(pipefd) == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      dup2(pipefd[1], 1);
      close(pipefd[0]);
      execl(helper.c_str(), "registration_chaos_helper", agency.state.c_str(), backend.url().c_str(), test::BackendServer::kToken,
            key.c_str(), "3", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(pipefd[1]);
    usleep(static_cast<useconds_t>(delay(rng)));  // a random kill point: fault injection
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    killed += WIFSIGNALED(status) ? 1 : 0;
    std::string printed;
    char buf[4096];
    ssize_t n;
    while ((n = read(pipefd[0], buf, sizeof buf)) > 0) printed.append(buf, static_cast<size_t>(n));
    close(pipefd[0]);
    for (const auto& line : test::lines_of(printed))
      if (line.rfind("saved ", 0) == 0 && line.size() == 42) thanked.insert(line.substr(6));  // whole lines only
  }
  // The kiosk comes back with the network: whatever is still pending goes out.
  auto store = agency.outbox();
  RegistrationUploader uploader(agency.upload(backend.url()), *store);
  std::string last_failure;
  for (int i = 0; i < 5000 && store->counts().pending > 0; ++i) {  // 20 % of answers are 500s: a pass stops at one
    const FlushOutcome f = uploader.flush();
    if (f.failed) last_failure = f.reason;
  }
  INFO("last failure: " << last_failure);
  CHECK(store->counts().pending == 0);
  std::map<std::string, int> in_backend;
  for (const auto& row : backend.registrations()) ++in_backend[row.substr(0, 36)];
  MESSAGE(killed << " of 200 runs killed; " << thanked.size() << " thank-you screens; " << in_backend.size() << " in the backend");
  CHECK(killed > 40);  // most runs are cut short (the share varies with the machine's load)
  for (const auto& id : thanked) {
    CAPTURE(id);
    CHECK(in_backend[id] == 1);
  }
}

TEST_CASE("heartbeat: the backend learns the kiosk's state, and an admin's sync-now reaches the kiosk") {
  Agency agency;
  test::BackendServer backend(agency.db, agency.www);
  OutboxRegistrations sink(agency.outbox(), agency.public_key, nullptr);
  agency.register_visitor(sink, "Hidden", "Person", "hidden@example.org", "", "withdrawn-offer");
  std::promise<void> asked;
  std::atomic<int> sync_requests{0};
  BackendWorker::Settings settings;
  settings.upload = agency.upload(backend.url());
  settings.outbox_file = outbox_file(agency.state);
  settings.heartbeat_interval_s = 1;
  std::atomic<bool> first_seen{false};
  BackendWorker worker(
      settings, [] { return std::string(R"({"content_version":4,"stale":false,"last_error":""})"); },
      [&] {
        if (sync_requests++ == 0) asked.set_value();
      });
  // Until the backend has seen the kiosk, there is no one to ask; then the admin asks.
  HttpLimits loopback;
  loopback.allow_http_loopback = true;
  HttpClient admin(loopback);
  const std::vector<std::string> auth{"Authorization: Bearer " + std::string(test::BackendServer::kAdminToken)};
  long status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (status != 204 && std::chrono::steady_clock::now() < deadline) {
    status = admin.post(backend.url() + "v1/kiosks/" + test::BackendServer::kKiosk + "/sync-now", "{}", auth, 1024).status;
    std::this_thread::yield();
  }
  CHECK(status == 204);
  REQUIRE(asked.get_future().wait_for(std::chrono::seconds(10)) == std::future_status::ready);
  worker.stop();
  CHECK(sync_requests == 1);  // asked once, synced once
  // What GET /v1/kiosks shows needs the admin token; counts only, never the registration.
  HttpClient reader(loopback);
  CHECK(reader.get(backend.url() + "v1/kiosks", 65536).status == 401);
  const std::string out = reader.get_with(backend.url() + "v1/kiosks", auth, 65536).body;
  CHECK(out.find("berswordt-1") != std::string::npos);
  CHECK(out.find("content_version\\\":4") != std::string::npos);  // the status is stored as JSON text
  CHECK(out.find("outbox_pending") != std::string::npos);
  CHECK(out.find("Hidden") == std::string::npos);  // counts only
}
