#include "kiosk/app/kiosk_app.hpp"

#include <imgui.h>
#include <pthread.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <future>
#include <nlohmann/json.hpp>
#include <optional>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/net/bundle_verifier.hpp"
#include "kiosk/store/bundle_cache.hpp"
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

KioskApp::KioskApp(std::unique_ptr<Platform> platform, SnapshotPtr content, VisitOptions options)
    : platform_(std::move(platform)) {
  clock_ = [] {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
  };
  ui_ = std::make_unique<ui::KioskUi>(std::move(content), options);
  driver_ = std::make_unique<ui::UiDriver>(ui_->automation(), [this] { render_frame(); });
}

KioskApp::~KioskApp() {
  speech_.reset();  // its thread uses SDL audio: stopped before the platform quits SDL
  for (void* t : textures_) platform_->destroy_texture(t);
  platform_.reset();  // backends shut down while the context still exists
  if (imgui_ != nullptr) ImGui::DestroyContext(imgui_);
  atlas_.reset();  // shared with the context, so not freed by it
}

namespace {

struct PrebuiltFonts {
  std::unique_ptr<ImFontAtlas> atlas;
  ui::FontSet set;
  bool ok = false;
};

void configure_io(ImGuiIO& io) {
  io.IniFilename = nullptr;  // nothing about a visitor's session is written to disk
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;
  // Held keys (backspace on the on-screen keyboard) repeat after half a second, ten times a
  // second: slow enough that a visitor lifts the finger before too much is gone.
  io.KeyRepeatDelay = 0.5f;
  io.KeyRepeatRate = 0.2f;  // ImGui repeats mouse-held buttons at half this interval
}

}  // namespace

float KioskApp::font_em_for(int width, int height) const {
  return std::round(ui::body_pixels_for(width, height) * ui_->text_scale());
}

bool KioskApp::open(const WindowSpec& window, std::string& error) {
  // FreeType renders the atlas (about 90 ms) on the second core while the window system and GL
  // start (about 170 ms). ImGui is not thread-safe, so the atlas is built before the ImGui
  // context exists and handed to it afterwards: the two threads share nothing. The window
  // system is started (planned_framebuffer_size) before the thread: starting it may fork.
  std::future<PrebuiltFonts> prebuilt;
  const auto planned = platform_->planned_framebuffer_size(window);
  if (planned && ImGui::GetCurrentContext() == nullptr) {
    prebuilt = std::async(std::launch::async, [dir = font_dir(), em = font_em_for(planned->first, planned->second)] {
      pthread_setname_np(pthread_self(), "kiosk-fonts");  // for top -H, gdb and the fork test
      PrebuiltFonts f;
      f.atlas = std::make_unique<ImFontAtlas>();
      std::string ignored;  // ensure_fonts builds again on the UI thread and reports it then
      f.ok = ui::build_fonts(*f.atlas, dir, em, f.set, ignored);
      return f;
    });
  }
  const bool opened = platform_->open(window, error);
  PrebuiltFonts fonts = prebuilt.valid() ? prebuilt.get() : PrebuiltFonts{};
  if (!opened) return false;
  atlas_ = fonts.atlas ? std::move(fonts.atlas) : std::make_unique<ImFontAtlas>();
  imgui_ = ImGui::CreateContext(atlas_.get());
  configure_io(ImGui::GetIO());
  platform_->attach_imgui();
  if (fonts.ok) use_fonts(fonts.set);
  return ensure_fonts(error);  // builds them when there were none, or for another size
}

bool KioskApp::ensure_fonts(std::string& error) {
  int w = 0, h = 0;
  platform_->framebuffer_size(w, h);
  const float em = font_em_for(w, h);
  if (em == fonts_.em) return true;
  ui::FontSet set;
  if (!ui::build_fonts(*ImGui::GetIO().Fonts, font_dir(), em, set, error)) return false;
  use_fonts(set);
  return true;
}

void KioskApp::use_fonts(const ui::FontSet& set) {
  fonts_ = set;
  ui::apply_style(ui::default_palette(), set.em);
  platform_->fonts_changed();
  // The texture is on the GPU now; ImGui's CPU copy of its pixels is not needed again until
  // the next rebuild, nor are the copies of the font files ImGui took for each of the four
  // sizes (2.7 MB): a rebuild adds the fonts again from build_fonts' own cache.
  ImGui::GetIO().Fonts->ClearTexData();
  ImGui::GetIO().Fonts->ClearInputData();
}

namespace {
int64_t clock_ns(clockid_t id) {
  timespec t{};
  clock_gettime(id, &t);
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}
}  // namespace

void KioskApp::render_frame(Image* capture) {
  const int64_t start = recording_ ? clock_ns(CLOCK_MONOTONIC) : 0;
  std::string error;
  if (!ensure_fonts(error)) log::error(error);  // keep the old atlas; text stays readable
  platform_->new_frame();
  driver_->apply_pointer(ImGui::GetIO());
  const int64_t cpu0 = recording_ ? clock_ns(CLOCK_THREAD_CPUTIME_ID) : 0;
  ui_->before_frame(ImGui::GetIO(), now());
  ImGui::NewFrame();
  ui_->draw(fonts_, now());
  for (SpeechCommand& c : ui_->take_speech()) {
    if (speech_) speech_->apply(c);  // a push onto the speech thread's queue; never waits for audio
    if (c.kind != SpeechCommand::Kind::Say) continue;
    speech_log_.push_back(std::move(c.utterance));
    ++speech_said_;
    if (speech_log_.size() > 2000) speech_log_.pop_front();
  }
  ImGui::Render();
  const int64_t cpu1 = recording_ ? clock_ns(CLOCK_THREAD_CPUTIME_ID) : 0;
  platform_->present(ImGui::GetDrawData(), capture);
  if (recording_) frame_records_.push_back({start, cpu1 - cpu0, clock_ns(CLOCK_MONOTONIC) - start});
  if (++frames_ == 1 && first_frame_) first_frame_();
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
  ui_wake_at_ = ui_->next_wake(now);
  double until = ui_wake_at_ - now;
  if (keepalive_) until = std::min(until, next_keepalive_ - now);
  if (until <= 0) return 0;
  return static_cast<int>(std::min(until * 1000.0 + 1.0, 3600.0 * 1000.0));
}

ContentStatus KioskApp::content_status() const {
  std::lock_guard<std::mutex> lock(status_mutex_);
  return status_;
}

void KioskApp::set_content_status(ContentStatus status) {
  std::lock_guard<std::mutex> lock(status_mutex_);
  // Says which content is shown; what the sync worker last found out stays.
  status.last_sync = status_.last_sync;
  status.last_error = status_.last_error;
  status_ = std::move(status);
}

bool KioskApp::offer_startup_content(SnapshotPtr content, std::shared_ptr<const SearchIndex> index, ContentStatus status) {
  // The sync worker starts before a large cache is read: it may have shown this version or a
  // newer one already, and the visitor must not be taken back to older content.
  if (status.version > 0 && content_status().version >= status.version) return false;
  ui_->set_content(std::move(content), std::move(index));
  set_content_status(std::move(status));
  return true;
}

std::string KioskApp::content_status_json(int64_t now_epoch) const {
  const ContentStatus s = content_status();
  const nlohmann::json j{{"content_version", s.version}, {"content_expires", s.expires}, {"stale", s.stale(now_epoch)},
                         {"last_sync", s.last_sync},     {"last_error", s.last_error}};
  // last_error can quote what a server sent; invalid UTF-8 there must not end the worker.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void KioskApp::apply_sync(const SyncOutcome& o, std::shared_ptr<const SearchIndex> index, int64_t now_epoch) {
  if (o.kind == SyncOutcome::Kind::NewVersion && o.snapshot) ui_->set_content(o.snapshot, std::move(index));
  std::lock_guard<std::mutex> lock(status_mutex_);
  if (o.kind == SyncOutcome::Kind::NewVersion && o.snapshot) {
    status_.source = "synced bundle version " + std::to_string(o.version);
    status_.version = o.version;
    status_.expires = o.expires;
    status_.expires_at = parse_rfc3339(o.expires);
    status_.created_at = parse_rfc3339(o.created);
  }
  if (o.ok()) {
    status_.last_sync = format_rfc3339(now_epoch);
    status_.last_error.clear();
  } else {
    status_.last_error = o.summary();
  }
}

void KioskApp::apply_media(std::shared_ptr<const MediaImages> images) {
  live_media_ = images;
  upload_media(images);
}

void KioskApp::apply_preview(const LoadedPreview& p) {
  const bool ok = p.outcome.kind == SyncOutcome::Kind::NewVersion && p.outcome.snapshot != nullptr;
  if (ok) {
    ui_->set_preview(p.outcome.snapshot, p.index);
    // Pictures are named by their hash: the live ones and the preview's live side by side.
    auto both = std::make_shared<MediaImages>(live_media_ ? *live_media_ : MediaImages{});
    if (p.media) both->insert(p.media->begin(), p.media->end());
    upload_media(both);
  }
  ui_->visit().preview_loaded(ok, p.outcome.version, ok ? std::string() : p.outcome.summary());
}

void KioskApp::upload_media(const std::shared_ptr<const MediaImages>& images) {
  for (void* t : textures_) platform_->destroy_texture(t);
  textures_.clear();
  ui::UiImages ui_images;
  if (images)
    for (const auto& [path, img] : *images) {
      void* t = platform_->create_texture(img.rgba.data(), img.width, img.height);
      if (t == nullptr) continue;
      textures_.push_back(t);
      ui_images[path] = {t, img.width, img.height};
    }
  ui_->set_images(std::move(ui_images));
}

void KioskApp::post(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(posted_mutex_);
    posted_.push_back(std::move(task));
  }
  platform_->wake();
}

void KioskApp::run_posted() {
  std::vector<std::function<void()>> tasks;
  {
    std::lock_guard<std::mutex> lock(posted_mutex_);
    tasks.swap(posted_);
  }
  for (auto& t : tasks) t();
}

void KioskApp::keep_alive() {
  if (!keepalive_ || now() < next_keepalive_) return;
  keepalive_();
  next_keepalive_ = now() + keepalive_s_;
}

void KioskApp::run() {
  int frames_due = kFramesToSettle;
  for (;;) {
    keep_alive();
    const int timeout = wait_ms(frames_due);
    const PumpResult r = platform_->pump_events(timeout);
    if (r.quit) return;
    if (r.pointer) driver_->hand_back();  // a finger on the glass: no script holds the pointer any more
    run_posted();
    keep_alive();
    if (r.input || r.woken) frames_due = std::max(frames_due, kFramesAfterInput);
    // Woken by the clock: render only when the screen's own moment has come (a countdown
    // second, a fade step), not for the watchdog's ping or a wake-up that came early.
    if (frames_due == 0 && timeout != 0 && !r.input && !r.woken && !ui_->needs_frames(now()) && now() < ui_wake_at_) continue;
    render_frame();
    frames_due = std::max(0, frames_due - 1);
    // While a finger is down, a list coasts or something fades, the next frame differs.
    if (ui_->needs_frames(now())) frames_due = std::max(frames_due, 1);
  }
}

namespace {

std::optional<StartupContent> from_cache(const StartupInputs& in, const ContentSnapshot* bundled) {
  if (in.public_keys.empty()) return std::nullopt;  // nothing could be verified
  std::vector<std::string> problems;
  const std::vector<MinisignPublicKey> keys = minisign_parse_public_keys(in.public_keys, problems);
  for (const std::string& p : problems) log::error("config: " + p);
  std::string reason;
  const auto raw = BundleCache(in.cache_dir).load(reason);
  if (!raw) {
    log::info("content: " + reason);
    return std::nullopt;
  }
  TrustState trust = load_trust_state(in.state_dir);
  const auto verified = verify_bundle(*raw, keys, trust.min_cache_version(), in.now, reason, bundled);
  if (!verified) {
    log::error("content: the cached bundle in " + in.cache_dir.string() + " is not usable: " + reason + "; ignoring it");
    return std::nullopt;
  }
  if (verified->manifest.version > trust.version) {  // written by an older kiosk, killed before its trust was saved
    trust.version = verified->manifest.version;
    if (!save_trust_state(in.state_dir, trust, reason)) log::warning("state: " + reason);
  }
  if (const size_t removed = BundleCache(in.cache_dir).remove_unlisted(); removed > 0)
    log::info("content: removed " + std::to_string(removed) + " cached files the current bundle does not name");
  StartupContent out{verified->snapshot, "cached bundle version " + std::to_string(verified->manifest.version),
                     verified->manifest.version, verified->expired, verified->manifest.expires, verified->manifest.expires_at,
                     parse_rfc3339(verified->manifest.created)};
  if (out.stale) log::warning("content: the cached bundle expired at " + verified->manifest.expires + "; showing it as stale");
  return out;
}

}  // namespace

ContentStatus StartupContent::status() const {
  ContentStatus s;
  s.source = source;
  s.version = version;
  s.expires = expires;
  s.expires_at = expires_at;
  s.created_at = created_at;
  return s;
}

bool KioskApp::write_frame_log(const std::string& file) const {
  std::FILE* f = std::fopen(file.c_str(), "w");
  if (f == nullptr) return false;
  std::fprintf(f, "start_ns ui_cpu_ns wall_ns\n");
  for (const auto& r : frame_records_)
    std::fprintf(f, "%lld %lld %lld\n", static_cast<long long>(r.start_ns), static_cast<long long>(r.ui_cpu_ns),
                 static_cast<long long>(r.wall_ns));
  return std::fclose(f) == 0;
}

StartupContent load_startup_content(const StartupInputs& in) {
  const auto bundled_dir = bundled_content_dir();
  ContentParseResult bundled = load_content_directory(bundled_dir);
  if (!in.content_dir.empty()) {
    ContentParseResult r = load_content_directory(in.content_dir);
    if (r.ok()) return {r.snapshot, "content folder " + in.content_dir, 0, false, {}, 0};
    log::error("content: " + in.content_dir + " is not valid (" + std::to_string(r.problems.size()) +
               " problems); showing the bundled content instead");
    for (const Problem& p : r.problems) log::error("content: " + p.to_string());
  } else if (auto cached = from_cache(in, bundled.snapshot.get())) {
    return *cached;
  }
  if (bundled.ok()) return {bundled.snapshot, "bundled content", 0, false, {}, 0};
  log::error("content: the bundled content in " + bundled_dir.string() + " is not valid:");
  for (const Problem& p : bundled.problems) log::error("content: " + p.to_string());
  return {};
}

}  // namespace kiosk
