// The real programs as people run them: the kiosk in a real X window (under Xvfb, started by
// with-xvfb.sh) with both platforms, judged by the PNG it writes; and its fallback when an
// admin points it at broken content.
#include <doctest/doctest.h>
#include <pthread.h>
#include <stb_image.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "kiosk/app/kiosk_app.hpp"
#include "support.hpp"

using namespace kiosk;

namespace {

const std::string kKiosk = std::string(KIOSK_BIN_DIR) + "/berswordt-kiosk";

struct Png {
  int width = 0, height = 0;
  std::set<uint32_t> colours;
};

Png load_png(const std::filesystem::path& file) {
  Png png;
  int channels = 0;
  unsigned char* data = stbi_load(file.string().c_str(), &png.width, &png.height, &channels, 4);
  REQUIRE_MESSAGE(data != nullptr, "cannot read " << file);
  for (int i = 0; i < png.width * png.height; ++i) {
    const unsigned char* p = data + 4 * i;
    png.colours.insert(uint32_t(p[0]) << 16 | uint32_t(p[1]) << 8 | p[2]);
  }
  stbi_image_free(data);
  return png;
}

}  // namespace

TEST_CASE("--screenshot writes the window as a PNG with both platforms, portrait and landscape") {
  test::TempDir tmp;
  for (const char* platform : {"sdl2", "glfw"}) {
    for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
      CAPTURE(platform);
      CAPTURE(w);
      const auto png = tmp.path() / (std::string(platform) + std::to_string(w) + ".png");
      std::string out;
      const int rc = test::run_command(kKiosk + " --platform " + platform + " --windowed " + std::to_string(w) + "x" +
                                           std::to_string(h) + " --screen offers --screenshot " + png.string(),
                                       out);
      INFO(out);
      REQUIRE(rc == 0);
      const Png img = load_png(png);
      CHECK(img.width == w);
      CHECK(img.height == h);
      // Anti-aliased text on cards and bars gives hundreds of shades; a blank or flat window one.
      CHECK(img.colours.size() > 100);
    }
  }
}

TEST_CASE("every screen, walked by --script in a real window: German and English, portrait and landscape") {
  test::TempDir tmp;
  const std::vector<std::string> screens{"attract", "home", "units", "unit_detail", "offers", "typing", "offer_detail"};
  for (const char* platform : {"sdl2", "glfw"}) {
    for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
      for (const char* lang : {"de", "en"}) {
        if (std::string(platform) == "glfw" && std::string(lang) == "en") continue;  // GLFW: one language is enough
        CAPTURE(platform);
        CAPTURE(w);
        CAPTURE(lang);
        const std::string prefix = (tmp.path() / (std::string(platform) + lang + std::to_string(w) + "-")).string();
        const std::string script = prefix + "walk.json";
        std::ofstream(script) << R"([
          {"screenshot": ")" << prefix << R"(attract.png"},
          {"tap": "attract.start"}, {"tap": "lang.)" << lang << R"("},
          {"screenshot": ")" << prefix << R"(home.png"},
          {"tap": "home.units"}, {"expect_screen": "units"}, {"screenshot": ")" << prefix << R"(units.png"},
          {"tap": "unit.freiwilligenagentur"}, {"expect_widget": "unit.qr"}, {"screenshot": ")" << prefix << R"(unit_detail.png"},
          {"tap": "nav.home"}, {"tap": "home.offers"}, {"tap": "offers.filter.category"},
          {"screenshot": ")" << prefix << R"(offers.png"},
          {"tap": "offers.search"}, {"type": "garten"}, {"screenshot": ")" << prefix << R"(typing.png"},
          {"tap": "osk.enter"}, {"tap": "offer.stadtgarten-gaertnern"}, {"expect_widget": "offer.qr"},
          {"screenshot": ")" << prefix << R"(offer_detail.png"}, {"quit": true}
        ])";
        std::string out;
        const int rc = test::run_command(kKiosk + " --platform " + platform + " --windowed " + std::to_string(w) + "x" +
                                             std::to_string(h) + " --script " + script, out);
        INFO(out);
        REQUIRE(rc == 0);
        for (const auto& name : screens) {
          CAPTURE(name);
          const Png img = load_png(prefix + name + ".png");
          CHECK(img.width == w);
          CHECK(img.height == h);
          CHECK(img.colours.size() > 100);
        }
      }
    }
  }
}

TEST_CASE("the walk of the issue: home, district Innenstadt-Nord, an offer, back, search \"hoerde\"") {
  std::string out;
  const int rc = test::run_command(kKiosk + " --windowed 1080x1920 --script " +
                                       (test::source_dir() / "tests/scripts/browse_and_search.json").string(), out);
  INFO(out);
  CHECK(rc == 0);
  CHECK(out.find("every step done") != std::string::npos);
}

TEST_CASE("a script step that cannot be done stops the run with a message naming the step") {
  test::TempDir tmp;
  const auto script = tmp.path() / "bad.json";
  std::ofstream(script) << R"([{"tap": "attract.start"}, {"tap": "home.offers"}, {"expect_screen": "offer_detail"}, {"quit": true}])";
  std::string out;
  CHECK(test::run_command(kKiosk + " --windowed 1080x1920 --script " + script.string(), out) == 3);
  CHECK(out.find("step 3 {\"expect_screen\":\"offer_detail\"}: expected screen \"offer_detail\", but the kiosk shows \"offers\"") !=
        std::string::npos);
  std::ofstream(script, std::ios::trunc) << R"([{"tap": "attract.start"}, {"tap": "home.nowhere"}])";
  CHECK(test::run_command(kKiosk + " --windowed 1080x1920 --script " + script.string(), out) == 3);
  CHECK(out.find("step 2 {\"tap\":\"home.nowhere\"}: no widget \"home.nowhere\" on screen \"home\"") != std::string::npos);
}

TEST_CASE("invalid --content-dir: the problems are logged and the kiosk shows the bundled content") {
  test::TempDir tmp;
  const auto content = tmp.path() / "content";
  std::filesystem::copy(test::bundled_content(), content);
  std::filesystem::copy_file(test::source_dir() / "tests/fixtures/broken/unknown_district/offers.json",
                             content / "offers.json", std::filesystem::copy_options::overwrite_existing);
  const auto png = tmp.path() / "fallback.png";
  std::string out;
  const int rc = test::run_command(kKiosk + " --windowed 1080x1920 --content-dir " + content.string() +
                                       " --screenshot " + png.string(), out);
  INFO(out);
  CHECK(rc == 0);
  CHECK(out.find("showing the bundled content instead") != std::string::npos);
  CHECK(out.find("<3>content: offers.json: $.offers[0].district (offer \"lesepaten-aplerbeck\"): expected a district id") !=
        std::string::npos);
  const Png img = load_png(png);
  CHECK(img.colours.size() > 100);
}

TEST_CASE("an offer past its valid_until: listed on its last day, gone the day after (--today)") {
  test::TempDir tmp;
  const auto content = tmp.path() / "content";
  std::filesystem::copy(test::bundled_content(), content);
  std::string offers = test::read_file(content / "offers.json");
  const size_t first = offers.find("\"id\": \"lesepaten-aplerbeck\"");
  REQUIRE(first != std::string::npos);
  offers.insert(first, "\"valid_until\": \"2026-12-01\", ");
  std::ofstream(content / "offers.json", std::ios::trunc) << offers;
  const auto script = tmp.path() / "walk.json";
  std::ofstream(script) << R"([{"tap": "attract.start"}, {"tap": "home.offers"}, {"expect_widget": "offer.lesepaten-aplerbeck"}, {"quit": true}])";
  const std::string kiosk = kKiosk + " --windowed 1080x1920 --content-dir " + content.string() + " --script " + script.string();
  std::string out;
  CHECK(test::run_command(kiosk + " --today 2026-12-01", out) == 0);
  CHECK(test::run_command(kiosk + " --today 2026-12-02", out) == 3);
  CHECK(out.find("expected widget \"offer.lesepaten-aplerbeck\" to be visible on screen \"offers\", but it is not there") !=
        std::string::npos);
  CHECK(test::run_command(kiosk + " --today 1.12.2026", out) != 0);
  CHECK(out.find("expected a date like 2026-12-31") != std::string::npos);
}

TEST_CASE("a bad command line gets a message that says what is wrong") {
  std::string out;
  CHECK(test::run_command(kKiosk + " --windowed big", out) == 2);
  CHECK(out.find("--windowed: expected WIDTHxHEIGHT such as 1080x1920, got \"big\"") != std::string::npos);
  CHECK(test::run_command(kKiosk + " --platform wayland", out) != 0);
  CHECK(out.find("--platform") != std::string::npos);
}

namespace {

// Forks seen while KioskApp::open ran, and how many of them came while the font thread lived.
struct ForkWatch {
  std::atomic<bool> on{false};
  std::atomic<int> forks{0};
  std::atomic<int> beside_font_thread{0};
} fork_watch;

bool font_thread_alive() {
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream comm(task.path() / "comm");
    std::string name;
    std::getline(comm, name);
    if (name == "kiosk-fonts") return true;
  }
  return false;
}

void note_fork() {
  if (!fork_watch.on) return;
  ++fork_watch.forks;
  if (font_thread_alive()) ++fork_watch.beside_font_thread;
}

}  // namespace

// Found by CI: SDL's D-Bus connection autolaunches a session bus by forking, and a fork while
// the font thread held the allocator's lock left the child, and the kiosk, waiting forever.
TEST_CASE("the window system starts, forks and all, before the font thread does: the kiosk cannot hang opening its window") {
  static const int registered = pthread_atfork(note_fork, nullptr, nullptr);
  REQUIRE(registered == 0);
  // No session bus, as on the kiosk and in CI: SDL's start then forks to autolaunch one.
  const char* bus = std::getenv("DBUS_SESSION_BUS_ADDRESS");
  const std::string saved = bus != nullptr ? bus : "";
  ::unsetenv("DBUS_SESSION_BUS_ADDRESS");
  for (const std::string platform : {"sdl2", "glfw"}) {
    CAPTURE(platform);
    fork_watch.forks = 0;
    fork_watch.beside_font_thread = 0;
    {
      KioskApp app(make_platform(platform), test::bundled_snapshot());
      WindowSpec spec;
      spec.width = 640;
      spec.height = 480;
      std::string error;
      fork_watch.on = true;
      const bool opened = app.open(spec, error);
      fork_watch.on = false;
      REQUIRE_MESSAGE(opened, error);
    }
    CHECK(fork_watch.beside_font_thread == 0);
    // Without a fork to watch this case would prove nothing about SDL.
    if (platform == "sdl2") CHECK(fork_watch.forks > 0);
  }
  if (bus != nullptr) ::setenv("DBUS_SESSION_BUS_ADDRESS", saved.c_str(), 1);
}

TEST_CASE("the three walks of the visitor review run as scripts in a real window") {
  test::TempDir tmp;
  std::string out;
  const std::string kioskctl = std::string(KIOSK_BIN_DIR) + "/kioskctl";
  REQUIRE(test::run_command(kioskctl + " registrations keygen --secret-key " + (tmp.path() / "reg.key").string(), out) == 0);
  const std::string key_file = test::read_file(tmp.path() / "reg.key");
  const auto at = key_file.find("\"public_key\": \"");
  REQUIRE(at != std::string::npos);
  const std::string public_key = key_file.substr(at + 15, key_file.find('"', at + 15) - at - 15);
  std::ofstream(tmp.path() / "kiosk.json") << R"({"registration_public_key": ")" << public_key << R"(", "state_dir": ")"
                                           << (tmp.path() / "state").string() << R"(", "cache_dir": ")"
                                           << (tmp.path() / "cache").string() << R"("})";
  for (const char* walk : {"turkish-weekend-children", "older-visitor-large-text", "ukrainian-ombudsstelle"}) {
    CAPTURE(walk);
    const auto script = test::source_dir() / "tests/scripts" / (std::string(walk) + ".json");
    const int rc = test::run_command(kKiosk + " --windowed 1080x1920 --config " + (tmp.path() / "kiosk.json").string() +
                                         " --script " + script.string(), out);
    INFO(out);
    CHECK(rc == 0);
    CHECK(out.find("every step done") != std::string::npos);
    CHECK(out.find("Ay\xC5\x9F" "e") == std::string::npos);  // the name never reaches the log
  }
  CHECK(std::filesystem::exists(tmp.path() / "state" / "outbox.sqlite"));
}
