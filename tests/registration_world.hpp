#pragma once
// What the registration tests share: the agency (its key pair, a kiosk's state folder, a
// backend's database) and a headless kiosk driven by automation id.
#include <doctest/doctest.h>

#include <array>
#include <filesystem>
#include <memory>
#include <string>

#include "backend_server.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/outbox_registrations.hpp"
#include "kiosk/net/registration_uploader.hpp"
#include "kiosk/net/sealed_box.hpp"
#include "kiosk/platform/null_platform.hpp"
#include "kiosk/store/outbox_store.hpp"
#include "support.hpp"

namespace kiosk::test {

const std::string kKioskctl = std::string(KIOSK_BIN_DIR) + "/kioskctl";

struct Agency {
  test::TempDir tmp;
  std::filesystem::path key = tmp.path() / "registrations.key";
  std::array<uint8_t, 32> public_key{};
  std::filesystem::path state = tmp.path() / "state";
  std::filesystem::path db = tmp.path() / "backend.sqlite";
  std::filesystem::path www = tmp.path() / "www";

  Agency() {
    std::string out;
    REQUIRE(test::run_command(kKioskctl + " registrations keygen --secret-key " + key.string(), out) == 0);
    const std::string line = out.substr(out.rfind('\n', out.size() - 2) + 1);
    REQUIRE(box_key_from_base64(line.substr(line.find_first_not_of(' ')), public_key));
    std::filesystem::create_directories(www);
  }
  std::unique_ptr<OutboxStore> outbox() const {
    std::string error;
    auto s = OutboxStore::open(outbox_file(state), error);
    REQUIRE_MESSAGE(s, error);
    return s;
  }
  UploadSettings upload(const std::string& url) const {
    UploadSettings u{url, test::BackendServer::kKiosk, test::BackendServer::kToken, {}};
    u.limits.allow_http_loopback = true;
    return u;
  }
  void register_visitor(OutboxRegistrations& sink, const std::string& first, const std::string& last, const std::string& email,
                        const std::string& phone, const std::string& offer_id = "tafel-hoerde") const {
    RegistrationForm f;
    f.first_name.append(first);
    f.last_name.append(last);
    f.email.append(email);
    f.phone.append(phone);
    f.consent = true;
    Offer o;
    o.id = offer_id;
    std::string error;
    REQUIRE_MESSAGE(sink.submit(f, o, "2026-11-26", error), error);
  }
};

struct Kiosk {
  std::unique_ptr<KioskApp> app;
  std::shared_ptr<double> clock = std::make_shared<double>(0.0);
  NullPlatform* platform = nullptr;
  explicit Kiosk(RegistrationSink* sink) {
    auto p = std::make_unique<NullPlatform>();
    platform = p.get();
    app = std::make_unique<KioskApp>(std::move(p), test::bundled_snapshot());
    app->set_clock([c = clock] { return *c; });
    std::string error;
    REQUIRE(app->open({1080, 1920, false, "test"}, error));
    app->ui().visit().set_registration_sink(sink);
    app->driver().settle();
  }
  void tap(const std::string& id) {
    std::string error;
    REQUIRE_MESSAGE(app->driver().tap(id, error), error);
  }
  // Scrolls the screen until the widget is fully visible, as a visitor would.
  void reveal(const std::string& id) {
    for (int i = 0; i < 20; ++i) {
      app->driver().settle();
      const auto* w = app->ui().automation().find(id);
      REQUIRE_MESSAGE(w != nullptr, "no widget " << id);
      if (w->is_visible() && w->visible.h == w->rect.h) return;
      std::string error;
      const auto* any = app->ui().automation().find("form.last_name");
      REQUIRE(app->driver().drag(any && any->is_visible() ? "form.last_name" : "nav.home", 0, w->rect.y > 900 ? -500 : 500, error));
    }
  }
  void type_into(const std::string& field, const std::string& text) {
    reveal(field);
    tap(field);
    app->driver().type(text);
    tap("osk.enter");
  }
  std::string screen() { return std::string(app->ui().automation().screen()); }
  // A complete form for "tafel-hoerde" (from 16: the age box ticked), consent given.
  void fill_tafel_hoerde_form() {
    type_into("form.first_name", "Ali");
    type_into("form.last_name", "Demir");
    type_into("form.phone", "0231 123456");
    reveal("form.age");
    tap("form.age");
    reveal("form.consent");
    tap("form.consent");
  }
};


}  // namespace kiosk::test
