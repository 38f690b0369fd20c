// The benchmark of PRODUCT.md §7 and issue 7: every budget measured against the floor (a bare
// SDL2 + OpenGL window), printed as a table and written as JSON. Run it with `.ci/bench` (it
// starts a private Xvfb); the real kiosk program is measured wherever a user would notice,
// the core and store in-process where the question is one function's cost.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/outbox_registrations.hpp"
#include "kiosk/core/offer_filter.hpp"
#include "kiosk/core/search_index.hpp"
#include "kiosk/net/bundle_verifier.hpp"
#include "kiosk/net/sealed_box.hpp"
#include "kiosk/platform/null_platform.hpp"
#include "kiosk/store/atomic_file.hpp"
#include "kiosk/store/content_directory.hpp"
#include "kiosk/store/data_paths.hpp"
#include "notify_socket.hpp"

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace kiosk;
using kiosk::test::NotifySocket;

namespace {

const std::string kBin = KIOSK_BIN_DIR;

double mono_s() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

struct Summary {
  double p50 = 0, p99 = 0, max = 0;
  size_t n = 0;
};

Summary summarise(std::vector<double> v) {
  Summary s;
  s.n = v.size();
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  auto at = [&](double q) { return v[std::min(v.size() - 1, static_cast<size_t>(q * static_cast<double>(v.size() - 1) + 0.5))]; };
  s.p50 = at(0.50);
  s.p99 = at(0.99);
  s.max = v.back();
  return s;
}

double median(std::vector<double> v) { return summarise(std::move(v)).p50; }

// Runs `args` and returns its stdout; exits the benchmark when it fails.
std::string run(const std::string& command) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  char buf[4096];
  while (p != nullptr && std::fgets(buf, sizeof buf, p) != nullptr) out += buf;
  const int rc = p != nullptr ? ::pclose(p) : -1;
  if (rc != 0) {
    std::fprintf(stderr, "bench: `%s` failed:\n%s\n", command.c_str(), out.c_str());
    std::exit(1);
  }
  return out;
}

long pss_kb(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/smaps_rollup");
  for (std::string line; std::getline(f, line);)
    if (line.rfind("Pss:", 0) == 0) return std::stol(line.substr(4));
  return 0;
}

long hwm_kb(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(f, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

// utime + stime of a process, in seconds.
double cpu_s(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::istringstream rest(stat.substr(stat.rfind(')') + 2));
  std::string field;
  long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) utime = std::stol(field);
    if (i == 15) stime = std::stol(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}


pid_t spawn(const std::vector<std::string>& args, const std::string& notify_socket = {}) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (!notify_socket.empty()) ::setenv("NOTIFY_SOCKET", notify_socket.c_str(), 1);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 2);  // the kiosk's log would only mix into the table
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

int finish(pid_t pid, int signal = 0) {
  if (signal != 0) ::kill(pid, signal);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

struct Frame {
  double start_s, ui_cpu_ms, wall_ms;
};

std::vector<Frame> read_frame_log(const fs::path& file) {
  std::vector<Frame> frames;
  std::ifstream in(file);
  std::string header;
  std::getline(in, header);
  long long start = 0, cpu = 0, wall = 0;
  while (in >> start >> cpu >> wall) frames.push_back({static_cast<double>(start) * 1e-9, static_cast<double>(cpu) * 1e-6, static_cast<double>(wall) * 1e-6});
  return frames;
}

std::vector<std::string> kiosk_args(const fs::path& work, const std::string& content_dir, std::vector<std::string> extra) {
  std::vector<std::string> a{kBin + "/berswordt-kiosk", "--windowed", "1920x1080", "--config", (work / "no-kiosk.json").string(),
                             "--state-dir", (work / "state").string(), "--cache-dir", (work / "cache").string()};
  if (!content_dir.empty()) a.insert(a.end(), {"--content-dir", content_dir});
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

// --- the measurements ----------------------------------------------------------------------

struct Floor {
  double seconds = 0;
  double pss_mb = 0;
};

struct Startup {
  double first_frame_s = 0, peak_pss_mb = 0, peak_rss_mb = 0;
};

// One start of the floor: start to exit, and its PSS at the end.
double floor_once(std::vector<double>& pss) {
  const double t0 = mono_s();
  const std::string out = run(kBin + "/bench_floor 1920 1080");
  const double seconds = mono_s() - t0;
  const auto at = out.find("Pss:");
  if (at != std::string::npos) pss.push_back(std::stod(out.substr(at + 4)) / 1024.0);
  return seconds;
}

// One start of the kiosk: process start to READY=1 (sent after the first frame is presented),
// unobserved: reading smaps_rollup walks the process's mappings under its mmap lock and slowed
// the start-up it was watching by tens of ms (the floor is not watched while it starts either).
double first_frame_once(const fs::path& work, const std::string& content_dir) {
  NotifySocket notify(work / "notify");
  const double t0 = mono_s();
  const pid_t pid = spawn(kiosk_args(work, content_dir, {"--screen", "offers"}), notify.path().string());
  const bool ready = notify.wait_for("READY=1", 60000);
  const double ready_at = mono_s();
  finish(pid, SIGTERM);
  if (!ready) std::exit((std::fprintf(stderr, "bench: the kiosk never said READY=1\n"), 1));
  return ready_at - t0;
}

// The floor and both kiosk start-ups take turns, run by run: the host's load drifts over
// minutes (the floor alone moved 373-496 ms between runs), and measured in blocks one side
// could meet a quiet minute and the other a busy one.
void measure_first_frames(const fs::path& work, const std::string& content10k, int runs, Floor& floor, Startup& bundled, Startup& big) {
  std::vector<double> floor_s, floor_pss, bundled_s, big_s;
  for (int i = 0; i < runs; ++i) {
    floor_s.push_back(floor_once(floor_pss));
    bundled_s.push_back(first_frame_once(work, ""));
    big_s.push_back(first_frame_once(work, content10k));
  }
  floor = {median(floor_s), median(floor_pss)};
  bundled.first_frame_s = median(bundled_s);
  big.first_frame_s = median(big_s);
}

// Peak memory in runs of their own, sampled every 10 ms from start to one second after READY=1.
void measure_memory(const fs::path& work, const std::string& content_dir, int runs, Startup& startup) {
  std::vector<double> pss, rss;
  const auto args = kiosk_args(work, content_dir, {"--screen", "offers"});
  for (int i = 0; i < runs; ++i) {
    NotifySocket notify(work / "notify");
    const double t0 = mono_s();
    const pid_t pid = spawn(args, notify.path().string());
    long peak = 0;
    bool ready = false;
    while (!ready && mono_s() - t0 < 60) {
      if (const auto m = notify.next(10); m && m->find("READY=1") != std::string::npos) ready = true;
      peak = std::max(peak, pss_kb(pid));
    }
    for (double until = mono_s() + 1.0; mono_s() < until;) {
      peak = std::max(peak, pss_kb(pid));
      notify.next(10);
    }
    rss.push_back(static_cast<double>(hwm_kb(pid)) / 1024.0);
    finish(pid, SIGTERM);
    if (!ready) std::exit((std::fprintf(stderr, "bench: the kiosk never said READY=1\n"), 1));
    pss.push_back(static_cast<double>(peak) / 1024.0);
  }
  startup.peak_pss_mb = median(pss);
  startup.peak_rss_mb = median(rss);
}

// A finger dragging the list up again and again at 1920×1080 over 10,000 offers; the kiosk
// logs each frame's UI CPU time (NewFrame to Render).
Summary measure_scroll(const fs::path& work, const std::string& content_dir, int drags, double& scrolled_px) {
  json steps = json::array();
  for (int i = 0; i < drags; ++i) steps.push_back({{"drag_at", {960, 900}}, {"dy", -700}});
  steps.push_back({{"quit", true}});
  std::string error;
  if (!write_file_atomically(work / "scroll.json", steps.dump(), error)) std::exit((std::fprintf(stderr, "bench: %s\n", error.c_str()), 1));
  const fs::path log = work / "scroll-frames.txt";
  const pid_t pid = spawn(kiosk_args(work, content_dir, {"--screen", "offers", "--script", (work / "scroll.json").string(), "--frame-log", log.string()}));
  const int status = finish(pid);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) std::exit((std::fprintf(stderr, "bench: the scroll script failed\n"), 1));
  std::vector<double> cpu;
  for (const Frame& f : read_frame_log(log)) cpu.push_back(f.ui_cpu_ms);
  scrolled_px = 700.0 * drags;
  return summarise(cpu);
}

// What a visitor's keystroke costs: the selection over all offers for the text typed so far.
Summary measure_search(const ContentSnapshot& content) {
  const SearchIndex index(content);
  std::vector<double> ms;
  for (const char* word : {"hoerde", "garten", "lesepate", "digitalhilfe", "fahrrad", "senioren", "sprachcafe", "umwelt",
                           "tafel", "nachbarschaft", "reading", "schwimmen", "brackel", "gruppe"}) {
    const std::string w(word);
    for (size_t n = 1; n <= w.size(); ++n) {
      const double t0 = mono_s();
      const auto r = select_offers(content, index, OfferFilter{}, std::string_view(w).substr(0, n), "");
      ms.push_back((mono_s() - t0) * 1000.0);
      if (r.size() > content.offers.size()) std::abort();
    }
  }
  return summarise(ms);
}

RawBundle load_published(const fs::path& www) {
  RawBundle b;
  b.manifest = *read_whole_file(www / "manifest.json");
  b.signature = *read_whole_file(www / "manifest.json.minisig");
  for (const auto& e : fs::recursive_directory_iterator(www / "content"))
    if (e.is_regular_file()) b.files["content/" + e.path().filename().string()] = *read_whole_file(e.path(), 512u << 20, kJsonPadding);  // as BundleCache reads it
  return b;
}

struct Apply {
  double verify_parse_index_ms = 0;
  double longest_frame_ms = 0;
  size_t frames = 0;
};

// verify + parse + index of the 10k bundle on a worker, as the sync worker does it, while the
// UI thread renders the offers screen frame after frame; then the swap, between two frames.
Apply measure_apply(const RawBundle& bundle, const std::vector<MinisignPublicKey>& keys, SnapshotPtr shown, SnapshotPtr bundled, int runs) {
  Apply out;
  std::vector<double> work_ms;
  std::vector<double> frame_ms;
  for (int i = 0; i < runs; ++i) {
    auto platform = std::make_unique<NullPlatform>();
    KioskApp app(std::move(platform), shown);
    std::string error;
    if (!app.open({1920, 1080, false, "bench"}, error)) std::exit(1);
    app.ui().visit().open({ScreenId::Offers, {}});
    app.driver().settle();
    std::atomic<bool> swapped{false};
    std::thread worker([&] {
      const double t0 = mono_s();
      std::string reason;
      auto v = verify_bundle(bundle, keys, 0, std::time(nullptr), reason, bundled.get());
      if (!v) std::exit((std::fprintf(stderr, "bench: the published bundle does not verify: %s\n", reason.c_str()), 1));
      auto index = std::make_shared<const SearchIndex>(*v->snapshot);
      work_ms.push_back((mono_s() - t0) * 1000.0);
      app.post([&app, &swapped, snapshot = v->snapshot, index] {
        app.ui().set_content(snapshot, index);
        swapped = true;
      });
    });
    int after = 0;
    while (after < 10) {
      const double t0 = mono_s();
      app.run_posted();
      app.render_frame();
      frame_ms.push_back((mono_s() - t0) * 1000.0);
      if (swapped) ++after;
    }
    worker.join();
  }
  out.verify_parse_index_ms = median(work_ms);
  out.frames = frame_ms.size();
  out.longest_frame_ms = summarise(frame_ms).max;
  return out;
}

// Seal + commit (WAL, synchronous=FULL, fsync) of one registration, on the disk the state
// folder is on, as many times as a busy day brings.
Summary measure_registrations(const fs::path& state, const Offer& offer, int count) {
  fs::create_directories(state);
  std::string error;
  auto store = OutboxStore::open(state / "bench-outbox.sqlite", error);
  if (!store) std::exit((std::fprintf(stderr, "bench: %s\n", error.c_str()), 1));
  const BoxKeyPair keys = box_generate();
  OutboxRegistrations sink(std::move(store), keys.public_key, nullptr);
  std::vector<double> ms;
  for (int i = 0; i < count; ++i) {
    RegistrationForm f;
    f.first_name.append("Erika");
    f.last_name.append("Mustermann");
    f.email.append("erika@example.org");
    f.consent = true;
    const double t0 = mono_s();
    if (!sink.submit(f, offer, "2026-11-26", error)) std::exit((std::fprintf(stderr, "bench: %s\n", error.c_str()), 1));
    ms.push_back((mono_s() - t0) * 1000.0);
  }
  return summarise(ms);
}

struct Idle {
  size_t frames = 0;
  double cpu_percent = 0;
};

// The real kiosk left alone for `seconds` on a static screen or on the attract loop.
Idle measure_idle(const fs::path& work, const std::vector<std::string>& screen, double seconds) {
  const fs::path log = work / "idle-frames.txt";
  NotifySocket notify(work / "notify");
  std::vector<std::string> extra = screen;
  extra.insert(extra.end(), {"--frame-log", log.string()});
  const pid_t pid = spawn(kiosk_args(work, "", extra), notify.path().string());
  if (!notify.wait_for("READY=1", 60000)) std::exit((std::fprintf(stderr, "bench: no READY=1\n"), 1));
  const double settle_until = mono_s() + 1.0;
  while (mono_s() < settle_until) ::usleep(50000);  // the screen settles after its first frames
  const double t0 = mono_s(), c0 = cpu_s(pid);
  ::usleep(static_cast<useconds_t>(seconds * 1e6));  // the measurement window itself
  const double t1 = mono_s(), c1 = cpu_s(pid);
  finish(pid, SIGTERM);
  Idle out;
  for (const Frame& f : read_frame_log(log)) out.frames += f.start_s >= t0 && f.start_s < t1;
  out.cpu_percent = 100.0 * (c1 - c0) / (t1 - t0);
  return out;
}

std::string fmt(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path out_file = "build/bench/results.json";
  double idle_s = 60;
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--out") out_file = argv[i + 1];
    else if (k == "--idle-seconds") idle_s = std::stod(argv[i + 1]);
    else if (k == "--runs") runs = std::stoi(argv[i + 1]);
  }
  const fs::path work = fs::absolute(out_file).parent_path() / "work";
  fs::remove_all(work);
  fs::create_directories(work / "state");
  fs::create_directories(work / "cache");
  const std::string ctl = kBin + "/kioskctl";
  std::fprintf(stderr, "bench: generating 10,000 offers and publishing them …\n");
  run(ctl + " generate --offers 10000 --seed 1 --out " + (work / "content-10k").string());
  run(ctl + " keygen --key " + (work / "admin.key").string());
  run(ctl + " publish " + (work / "content-10k").string() + " --key " + (work / "admin.key").string() + " --out " +
      (work / "www").string() + " --version 1 --expires-in 7d");
  const std::string content10k = (work / "content-10k").string();

  std::fprintf(stderr, "bench: floor, start-up and memory (%d runs each) …\n", runs);
  Floor floor;
  Startup bundled, big;
  measure_first_frames(work, content10k, runs, floor, bundled, big);
  measure_memory(work, "", runs, bundled);
  measure_memory(work, content10k, runs, big);
  std::fprintf(stderr, "bench: scrolling 10,000 offers …\n");
  double scrolled = 0;
  const Summary scroll = measure_scroll(work, content10k, 150, scrolled);
  std::fprintf(stderr, "bench: search, apply, registrations …\n");
  const ContentParseResult parsed10k = load_content_directory(content10k);
  const SnapshotPtr bundled_snapshot = load_content_directory(bundled_content_dir()).snapshot;
  const Summary search = measure_search(*parsed10k.snapshot);
  MinisignPublicKey key;
  std::string error;
  std::istringstream pub(*read_whole_file(work / "admin.key.pub"));
  std::string line, key_line;
  while (std::getline(pub, line)) key_line = line.rfind("RW", 0) == 0 ? line : key_line;  // after the comment line
  if (!minisign_parse_public_key(key_line, key, error)) std::exit((std::fprintf(stderr, "bench: %s\n", error.c_str()), 1));
  const Apply apply = measure_apply(load_published(work / "www"), {key}, parsed10k.snapshot, bundled_snapshot, runs);
  const Summary reg = measure_registrations(work / "state", bundled_snapshot->offers.front(), 200);
  std::fprintf(stderr, "bench: idle, %.0f s on a static screen and %.0f s on the attract loop …\n", idle_s, idle_s);
  const Idle still = measure_idle(work, {"--screen", "home"}, idle_s);
  const Idle attract = measure_idle(work, {}, idle_s);

  struct Row {
    std::string name, value, budget;
    bool ok;
    json data;
  };
  const double ff_budget = floor.seconds + 0.100;
  std::vector<Row> rows{
      {"floor: bare SDL2+GL window, start to exit", fmt(floor.seconds * 1000, 0) + " ms, " + fmt(floor.pss_mb, 1) + " MB PSS", "-", true,
       {{"seconds", floor.seconds}, {"pss_mb", floor.pss_mb}}},
      {"first frame, bundled content", fmt(bundled.first_frame_s * 1000, 0) + " ms", "≤ " + fmt(ff_budget * 1000, 0) + " ms",
       bundled.first_frame_s <= ff_budget, {{"seconds", bundled.first_frame_s}}},
      {"first frame, 10,000 offers", fmt(big.first_frame_s * 1000, 0) + " ms", "≤ " + fmt(ff_budget * 1000, 0) + " ms",
       big.first_frame_s <= ff_budget, {{"seconds", big.first_frame_s}}},
      {"peak PSS, bundled (peak RSS)", fmt(bundled.peak_pss_mb, 1) + " MB (" + fmt(bundled.peak_rss_mb, 1) + ")",
       "≤ " + fmt(floor.pss_mb + 40, 1) + " MB", bundled.peak_pss_mb <= floor.pss_mb + 40,
       {{"pss_mb", bundled.peak_pss_mb}, {"rss_mb", bundled.peak_rss_mb}}},
      {"peak PSS, 10,000 offers (peak RSS)", fmt(big.peak_pss_mb, 1) + " MB (" + fmt(big.peak_rss_mb, 1) + ")",
       "≤ " + fmt(floor.pss_mb + 120, 1) + " MB", big.peak_pss_mb <= floor.pss_mb + 120, {{"pss_mb", big.peak_pss_mb}, {"rss_mb", big.peak_rss_mb}}},
      {"UI CPU per frame scrolling 10k, p50 / p99", fmt(scroll.p50, 2) + " / " + fmt(scroll.p99, 2) + " ms", "p99 < 2 ms",
       scroll.p99 < 2.0, {{"p50_ms", scroll.p50}, {"p99_ms", scroll.p99}, {"max_ms", scroll.max}, {"frames", scroll.n}, {"scrolled_px", scrolled}}},
      {"search per keystroke over 10k, p50 / p99", fmt(search.p50, 3) + " / " + fmt(search.p99, 3) + " ms", "p99 < 1 ms",
       search.p99 < 1.0, {{"p50_ms", search.p50}, {"p99_ms", search.p99}, {"max_ms", search.max}, {"keystrokes", search.n}}},
      {"verify + parse + index of a 10k bundle", fmt(apply.verify_parse_index_ms, 0) + " ms", "< 300 ms",
       apply.verify_parse_index_ms < 300, {{"ms", apply.verify_parse_index_ms}}},
      {"longest UI frame meanwhile", fmt(apply.longest_frame_ms, 1) + " ms", "≤ 16 ms", apply.longest_frame_ms <= 16,
       {{"ms", apply.longest_frame_ms}, {"frames", apply.frames}}},
      {"registration durable, p50 / p99", fmt(reg.p50, 1) + " / " + fmt(reg.p99, 1) + " ms", "p99 < 50 ms", reg.p99 < 50,
       {{"p50_ms", reg.p50}, {"p99_ms", reg.p99}, {"count", reg.n}}},
      {"idle " + fmt(idle_s, 0) + " s, static screen: frames, CPU", std::to_string(still.frames) + ", " + fmt(still.cpu_percent, 2) + " %",
       "0, < 0.5 %", still.frames == 0 && still.cpu_percent < 0.5, {{"frames", still.frames}, {"cpu_percent", still.cpu_percent}}},
      {"idle " + fmt(idle_s, 0) + " s, attract loop: frames, CPU", std::to_string(attract.frames) + ", " + fmt(attract.cpu_percent, 2) + " %",
       "< 2 %", attract.cpu_percent < 2.0, {{"frames", attract.frames}, {"cpu_percent", attract.cpu_percent}}},
  };
  json j = json::object();
  bool all = true;
  std::printf("| measure | value | budget | |\n| --- | --- | --- | --- |\n");
  for (const Row& r : rows) {
    std::printf("| %s | %s | %s | %s |\n", r.name.c_str(), r.value.c_str(), r.budget.c_str(), r.budget == "-" ? "" : r.ok ? "met" : "MISSED");
    j[r.name] = r.data;
    j[r.name]["met"] = r.ok;
    all = all && r.ok;
  }
  j["machine"] = run("uname -srm; nproc; grep -m1 'model name' /proc/cpuinfo | cut -d: -f2");
  write_file_atomically(out_file, j.dump(2) + "\n", error);
  std::printf("\n%s; JSON in %s\n", all ? "every budget met" : "some budgets MISSED", out_file.c_str());
  return all ? 0 : 1;
}
