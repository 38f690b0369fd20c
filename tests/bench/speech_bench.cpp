// Speech (issue 17), measured: the time from a touch to the first sample of its speech being
// handed to the audio queue, and the UI's frame times while espeak-ng speaks on its thread.
// The real UI, screen reader and espeak-ng; the null platform (no GPU: the frame time here is
// the UI thread's own work) and a null audio sink (the queue SDL would take the samples into).
// Run by `.ci/bench`; prints a table and writes build/bench/speech.json.
#include <time.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/speech_output.hpp"
#include "kiosk/core/content_parser.hpp"
#include "kiosk/platform/null_platform.hpp"

using namespace kiosk;

namespace {

int64_t mono_ns() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

struct Summary {
  double p50 = 0, p99 = 0, max = 0;
};

Summary summarise(std::vector<double> v) {
  Summary s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size() - 1) + 0.5))]; };
  s.p50 = at(0.5);
  s.p99 = at(0.99);
  s.max = v.back();
  return s;
}

[[noreturn]] void fail(const std::string& why) {
  std::fprintf(stderr, "speech_bench: %s\n", why.c_str());
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_file = "build/bench/speech.json";
  int touches = 300;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--out") out_file = argv[i + 1];
    if (k == "--touches") touches = std::max(10, std::atoi(argv[i + 1]));
  }
  std::string error;
  std::vector<ContentSource> sources;
  for (const auto& e : std::filesystem::directory_iterator(std::string(KIOSK_SOURCE_DIR) + "/content"))
    if (e.path().extension() == ".json") {
      std::ifstream in(e.path());
      std::stringstream text;
      text << in.rdbuf();
      sources.push_back({e.path().filename().string(), text.str()});
    }
  const auto parsed = parse_content(sources);
  if (!parsed.ok()) fail("the bundled content does not parse");
  SnapshotPtr content = parsed.snapshot;
  KioskApp app(std::make_unique<NullPlatform>(), content);
  if (!app.open({1080, 1920, false, "bench"}, error)) fail(error);
  app.set_speech_output(std::make_unique<SpeechOutput>(make_null_sink()));
  SpeechOutput& speech = *app.speech_output();
  app.ui().visit().open({ScreenId::Home, ""});
  app.driver().settle();
  app.ui().screen_reader().set_on(true);
  app.driver().settle();
  if (!speech.wait_idle(30.0)) fail("the intro was never spoken");

  // Touches on two cards in turn, each a new element (a touch on the element already in focus
  // is said again too, but alternating is what exploring a screen is like).
  const char* targets[] = {"home.offers", "home.units"};
  std::vector<double> latency_ms;
  const size_t before = speech.timings().size();
  for (int i = 0; i < touches; ++i) {
    std::string why;
    const int64_t touch = mono_ns();  // the finger lands in the next frame the driver renders
    if (!app.driver().press(targets[i % 2], why)) fail(why);
    app.driver().release();
    // Wait for the first sample of this touch's speech (bounded): a worker answers, not a timer.
    const int64_t deadline = touch + 2'000'000'000;
    for (;;) {
      const auto t = speech.timings();
      if (t.size() >= before + static_cast<size_t>(i) + 1) {
        latency_ms.push_back(static_cast<double>(t.back().first_sample_ns - touch) / 1e6);
        break;
      }
      if (mono_ns() > deadline) fail("no speech within 2 s of touch " + std::to_string(i));
      std::this_thread::yield();
    }
  }

  // Frames while speech is synthesised on its thread, against frames with speech off.
  const auto frames = [&](bool speaking) {
    std::vector<double> ms;
    app.record_frames(true);
    const size_t first = app.frame_records().size();
    for (int i = 0; i < 300; ++i) {
      if (speaking && i % 60 == 0) app.ui().screen_reader().key(ReaderKey::Help, app.ui().automation().widgets());
      app.render_frame();
    }
    for (size_t i = first; i < app.frame_records().size(); ++i) ms.push_back(static_cast<double>(app.frame_records()[i].wall_ns) / 1e6);
    return summarise(ms);
  };
  const Summary speaking = frames(true);
  app.ui().screen_reader().set_on(false);
  speech.wait_idle(30.0);
  const Summary quiet = frames(false);

  const Summary touch = summarise(latency_ms);
  std::printf("\nspeech (espeak-ng on its thread, null audio sink, null platform)\n");
  std::printf("  touch -> first sample queued, %d touches   p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms   (target p99 < 100 ms)\n",
              touches, touch.p50, touch.p99, touch.max);
  std::printf("  UI frame while speaking (300 frames)       p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms   (target: none over 16 ms)\n",
              speaking.p50, speaking.p99, speaking.max);
  std::printf("  UI frame, speech off (300 frames)          p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms\n", quiet.p50, quiet.p99,
              quiet.max);
  std::ofstream out(out_file);
  out << "{\"touch_to_first_sample_ms\": {\"p50\": " << touch.p50 << ", \"p99\": " << touch.p99 << ", \"max\": " << touch.max
      << "}, \"frame_ms_speaking\": {\"p50\": " << speaking.p50 << ", \"p99\": " << speaking.p99 << ", \"max\": " << speaking.max
      << "}, \"frame_ms_quiet\": {\"p50\": " << quiet.p50 << ", \"p99\": " << quiet.p99 << ", \"max\": " << quiet.max << "}}\n";
  return touch.p99 < 100.0 && speaking.max < 16.0 ? 0 : 2;
}
