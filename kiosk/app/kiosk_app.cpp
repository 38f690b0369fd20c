#include "kiosk/app/kiosk_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "kiosk/core/log.hpp"
#include "kiosk/store/content_directory.hpp"
#include "kiosk/store/data_paths.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk {

namespace {
// After an input event ImGui needs a few frames: one to see the press, one to act on the
// release, one to draw the screen the intent led to.
constexpr int kFramesAfterInput = 3;
constexpr int kFramesToSettle = 4;
}  // namespace

KioskApp::KioskApp(std::unique_ptr<Platform> platform, SnapshotPtr content, ui::UiOptions options)
    : platform_(std::move(platform)), imgui_(ImGui::CreateContext()) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing about a visitor's session is written to disk
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;
  // Held keys (backspace on the on-screen keyboard) repeat after half a second, ten times a
  // second: slow enough that a visitor lifts the finger before too much is gone.
  io.KeyRepeatDelay = 0.5f;
  io.KeyRepeatRate = 0.2f;  // ImGui repeats mouse-held buttons at half this interval
  clock_ = [] {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
  };
  ui_ = std::make_unique<ui::KioskUi>(std::move(content), options);
  driver_ = std::make_unique<ui::UiDriver>(ui_->automation(), [this] { render_frame(); });
}

KioskApp::~KioskApp() {
  platform_.reset();  // backends shut down while the context still exists
  ImGui::DestroyContext(imgui_);
}

bool KioskApp::open(const WindowSpec& window, std::string& error) {
  if (!platform_->open(window, error)) return false;
  return ensure_fonts(error);
}

bool KioskApp::ensure_fonts(std::string& error) {
  int w = 0, h = 0;
  platform_->framebuffer_size(w, h);
  const float em = std::round(ui::body_pixels_for(w, h) * ui_->text_scale());
  if (em == fonts_em_) return true;
  if (!ui::build_fonts(font_dir(), em, fonts_, error)) return false;
  fonts_em_ = em;
  ui::apply_style(ui::default_palette(), em);
  platform_->fonts_changed();
  return true;
}

void KioskApp::render_frame(Image* capture) {
  std::string error;
  if (!ensure_fonts(error)) log::error(error);  // keep the old atlas; text stays readable
  platform_->new_frame();
  driver_->apply_pointer(ImGui::GetIO());
  ImGui::NewFrame();
  ui_->draw(fonts_, now());
  ImGui::Render();
  platform_->present(ImGui::GetDrawData(), capture);
  ++frames_;
}

bool KioskApp::capture_screen(Image& out) {
  for (int i = 0; i < kFramesToSettle; ++i) render_frame();
  render_frame(&out);
  return out.width > 0;
}

int KioskApp::wait_ms(int frames_due) const {
  if (frames_due > 0) return 0;
  const double now = this->now();
  if (ui_->needs_frames(now)) return 0;
  // Sleep until input arrives or the screen must change by itself (a countdown second, the
  // next attract item); a static screen renders nothing at all.
  const double until = ui_->next_wake(now) - now;
  if (until <= 0) return 0;
  return static_cast<int>(std::min(until * 1000.0 + 1.0, 3600.0 * 1000.0));
}

void KioskApp::run() {
  int frames_due = kFramesToSettle;
  for (;;) {
    const int timeout = wait_ms(frames_due);
    const PumpResult r = platform_->pump_events(timeout);
    if (r.quit) return;
    if (r.input || r.woken) frames_due = std::max(frames_due, kFramesAfterInput);
    if (frames_due == 0 && timeout != 0 && !ui_->needs_frames(now()) && ui_->next_wake(now()) > now()) continue;
    render_frame();
    frames_due = std::max(0, frames_due - 1);
    // While a finger is down, a list coasts or something fades, the next frame differs.
    if (ui_->needs_frames(now())) frames_due = std::max(frames_due, 1);
  }
}

SnapshotPtr load_startup_content(const std::string& content_dir) {
  if (!content_dir.empty()) {
    ContentParseResult r = load_content_directory(content_dir);
    if (r.ok()) {
      log::info("content: " + content_dir + ": " + std::to_string(r.snapshot->offers.size()) + " offers, " +
                std::to_string(r.snapshot->units.size()) + " units");
      return r.snapshot;
    }
    log::error("content: " + content_dir + " is not valid (" + std::to_string(r.problems.size()) +
               " problems); showing the bundled content instead");
    for (const Problem& p : r.problems) log::error("content: " + p.to_string());
  }
  const auto bundled = bundled_content_dir();
  ContentParseResult r = load_content_directory(bundled);
  if (r.ok()) return r.snapshot;
  log::error("content: the bundled content in " + bundled.string() + " is not valid:");
  for (const Problem& p : r.problems) log::error("content: " + p.to_string());
  return nullptr;
}

}  // namespace kiosk
