#pragma once
// The real screens on the null platform, driven by automation id: a Kiosk that starts like the
// real one (attract loop, then a visit), with a clock the test moves, and the checks every
// screen must pass. Shared by ui_headless_test and ui_input_test.
#include <doctest/doctest.h>
#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/platform/null_platform.hpp"
#include "support.hpp"

namespace kiosk::ui_world {

// Takes every form: lets the screens that need a registration sink be drawn.
struct AcceptingSink final : RegistrationSink {
  bool available() const override { return true; }
  void submit(const RegistrationForm&, const Offer&, const std::string&, std::function<void(bool)> done) override { done(true); }
};

// A console whose status has something to say in every row: the staff screen's longest variant.
struct BusyConsole final : StaffConsole {
  bool pin_configured() const override { return true; }
  int64_t locked_for_s() const override { return 0; }
  void check_pin(std::string) override {}
  StaffStatus status() const override {
    StaffStatus s;
    s.content_source = "cached bundle version 12";
    s.content_version = 12;
    s.content_created = 1764100000;
    s.content_expires = 1764700000;
    s.stale = true;
    s.backend = "https://kiosk.freiwilligenagentur-dortmund.example/content/";
    s.backend_reachable = false;
    s.last_error = "failed: manifest.json: Could not resolve host: kiosk.freiwilligenagentur-dortmund.example";
    s.registrations_on = true;
    s.outbox_pending = 14;
    s.outbox_quarantined = 2;
    s.oldest_pending_age_s = 3 * 86400 + 7200;
    s.app_version = "0.1.0";
    s.uptime_s = 12 * 86400;
    s.config_problems = {"/etc/berswordt-kiosk/kiosk.json: $.poll_interval_s: expected whole seconds, at least 10, found \"often\""};
    return s;
  }
  void refresh() override {}
  void sync_now() override {}
  void load_preview() override {}
};

struct Kiosk {
  AcceptingSink sink;
  BusyConsole console;
  NullPlatform* platform = nullptr;
  std::unique_ptr<KioskApp> app;
  std::shared_ptr<double> clock = std::make_shared<double>(0.0);

  // Starts like the real kiosk, on the attract loop, and taps it to begin a visit.
  explicit Kiosk(int width = 1080, int height = 1920, bool start_visit = true) {
    auto p = std::make_unique<NullPlatform>();
    platform = p.get();
    app = std::make_unique<KioskApp>(std::move(p), test::bundled_snapshot());
    app->set_clock([c = clock] { return *c; });
    app->ui().visit().set_registration_sink(&sink);
    app->ui().visit().set_staff_console(&console);
    std::string error;
    REQUIRE_MESSAGE(app->open({width, height, false, "test"}, error), error);
    app->driver().settle();
    if (start_visit) tap("attract.start");
  }

  // Lets time pass without anyone touching the screen, a frame a second as the loop would.
  void wait(double seconds) {
    for (double t = 0; t < seconds; t += 1.0) {
      *clock += std::min(1.0, seconds - t);
      app->render_frame();
    }
    app->driver().settle();
  }

  const ui::Automation& automation() { return app->ui().automation(); }
  std::string screen() { return std::string(automation().screen()); }
  void tap(const std::string& id) {
    std::string error;
    REQUIRE_MESSAGE(app->driver().tap(id, error), error);
  }
  std::string label(const std::string& id) {
    const auto* w = automation().find(id);
    REQUIRE_MESSAGE(w != nullptr, "no widget " << id);
    return w->label;
  }
  void show(Route r) {
    const bool staff = r.screen == ScreenId::Staff;
    app->ui().visit().open(std::move(r));  // the staff screen only through the PIN pad …
    if (staff) app->ui().visit().pin_checked({true, 0, 0});  // … and a right PIN
    app->driver().settle();
  }
};

inline bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

inline std::vector<Route> every_route(const ContentSnapshot& s) {
  std::vector<Route> routes{{ScreenId::Home, ""}, {ScreenId::Units, ""}, {ScreenId::Offers, ""}};
  for (const auto& u : s.units) routes.push_back({ScreenId::UnitDetail, u.id});
  for (const auto& o : s.offers) routes.push_back({ScreenId::OfferDetail, o.id});
  // The registration screens, for an offer with a minimum age (the form's longest variant).
  routes.push_back({ScreenId::Register, "lesepaten-aplerbeck"});
  routes.push_back({ScreenId::Privacy, ""});
  routes.push_back({ScreenId::ThankYou, "lesepaten-aplerbeck"});
  routes.push_back({ScreenId::StaffPin, ""});
  routes.push_back({ScreenId::Staff, ""});
  return routes;
}


// Every widget is a real touch target: at least 64 px at 1080p, inside the screen, label whole.
inline void check_targets(const ui::Automation& a, float width, float height) {
  const float min_px = 64.0f * std::min(width, height) / 1080.0f - 0.5f;
  for (const auto& w : a.widgets()) {
    if (!w.interactive) continue;  // text, not a target
    CAPTURE(w.id);
    CHECK(w.rect.w >= min_px);
    CHECK(w.rect.h >= min_px);
    CHECK(w.rect.x >= 0);
    CHECK(w.rect.x + w.rect.w <= width + 0.5f);
    CHECK_FALSE(w.clipped_label);
    if (w.is_visible()) CHECK(w.visible.y + w.visible.h <= height + 0.5f);
  }
}

}  // namespace kiosk::ui_world
