#include "kiosk/app/speech_output.hpp"

#include <SDL.h>
#include <espeak-ng/speak_lib.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <fstream>

#include "kiosk/core/log.hpp"

namespace kiosk {
namespace {

int64_t monotonic_ns() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

class NullSink final : public AudioSink {
 public:
  void start(int) override {}
  void write(const int16_t*, size_t) override {}
  void clear() override {}
};

class SdlSink final : public AudioSink {
 public:
  ~SdlSink() override {
    if (device_ != 0) SDL_CloseAudioDevice(device_);
    if (started_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
  }
  void start(int rate) override {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
      log::warning(std::string("speech: no audio (") + SDL_GetError() + "); speech is not heard");
      return;
    }
    started_ = true;
    SDL_AudioSpec want{};
    want.freq = rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 512;  // about 23 ms at 22 kHz: a touch is heard quickly
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
    if (device_ == 0) {
      log::warning(std::string("speech: cannot open an audio device (") + SDL_GetError() + "); speech is not heard");
      return;
    }
    SDL_PauseAudioDevice(device_, 0);
  }
  void write(const int16_t* samples, size_t count) override {
    if (device_ != 0) SDL_QueueAudio(device_, samples, static_cast<Uint32>(count * sizeof(int16_t)));
  }
  void clear() override {
    if (device_ != 0) SDL_ClearQueuedAudio(device_);
  }

 private:
  SDL_AudioDeviceID device_ = 0;
  bool started_ = false;
};

// RIFF/WAVE, PCM 16-bit mono. Samples are appended as they come and the header's two sizes are
// brought up to date after each utterance, so the file is complete whenever the kiosk stops (a
// keypad walk says hundreds of things: rewriting the whole file each time cost gigabytes).
class WavSink final : public AudioSink {
 public:
  explicit WavSink(std::string path) : path_(std::move(path)) {}
  ~WavSink() override { finish_utterance(); }
  void start(int rate) override {
    out_.open(path_, std::ios::binary | std::ios::trunc);
    const auto u32 = [&](uint32_t v) { out_.write(reinterpret_cast<const char*>(&v), 4); };
    const auto u16 = [&](uint16_t v) { out_.write(reinterpret_cast<const char*>(&v), 2); };
    out_.write("RIFF", 4);
    u32(36);
    out_.write("WAVEfmt ", 8);
    u32(16);
    u16(1);
    u16(1);
    u32(static_cast<uint32_t>(rate));
    u32(static_cast<uint32_t>(rate) * 2);
    u16(2);
    u16(16);
    out_.write("data", 4);
    u32(0);
    if (!out_) log::error("speech: cannot write " + path_);
  }
  void write(const int16_t* samples, size_t count) override {
    if (!out_.is_open()) return;
    out_.write(reinterpret_cast<const char*>(samples), static_cast<std::streamsize>(count * sizeof(int16_t)));
    bytes_ += count * sizeof(int16_t);
  }
  void clear() override {}  // a file keeps what was said, even if it was cut short
  void finish_utterance() override {
    if (!out_.is_open()) return;
    const auto u32 = [&](uint32_t v) { out_.write(reinterpret_cast<const char*>(&v), 4); };
    out_.seekp(4);
    u32(static_cast<uint32_t>(36 + bytes_));
    out_.seekp(40);
    u32(static_cast<uint32_t>(bytes_));
    out_.seekp(0, std::ios::end);
    out_.flush();
  }

 private:
  std::string path_;
  std::ofstream out_;
  size_t bytes_ = 0;
};

// The job being spoken, for the synthesiser's callback (one speech thread, one job at a time).
struct Speaking {
  AudioSink* sink = nullptr;
  std::mutex* mutex = nullptr;
  const uint64_t* generation = nullptr;
  uint64_t job_generation = 0;
  bool first = true;
  int64_t posted_ns = 0;
  std::vector<SpeechOutput::Timing>* timings = nullptr;  // guarded by *mutex
};
thread_local Speaking* t_speaking = nullptr;

}  // namespace

std::unique_ptr<AudioSink> make_sdl_audio_sink() { return std::make_unique<SdlSink>(); }
std::unique_ptr<AudioSink> make_wav_sink(const std::string& path) { return std::make_unique<WavSink>(path); }
std::unique_ptr<AudioSink> make_null_sink() { return std::make_unique<NullSink>(); }

SpeechOutput::SpeechOutput(std::unique_ptr<AudioSink> sink)
    : sink_(std::move(sink)), drain_at_exit_(dynamic_cast<WavSink*>(sink_.get()) != nullptr), thread_([this] { run(); }) {}

SpeechOutput::~SpeechOutput() {
  if (drain_at_exit_) wait_idle(20.0);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    quit_ = true;
    ++generation_;
    jobs_.clear();
  }
  wake_.notify_all();
  thread_.join();
}

void SpeechOutput::apply(const SpeechCommand& command) {
  {
    std::lock_guard<std::mutex> lock(mutex_);  // held for a push or a clear only, never during I/O
    if (command.kind == SpeechCommand::Kind::Stop) {
      ++generation_;
      jobs_.clear();
    } else {
      jobs_.push_back({command.utterance, command.volume, generation_, monotonic_ns()});
    }
  }
  wake_.notify_one();
}

std::vector<SpeechOutput::Timing> SpeechOutput::timings() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return timings_;
}

bool SpeechOutput::wait_idle(double timeout_s) {
  std::unique_lock<std::mutex> lock(mutex_);
  return idle_.wait_for(lock, std::chrono::duration<double>(timeout_s), [this] { return jobs_.empty() && !busy_; });
}

namespace {
// espeak-ng's callback, on the speech thread: hands each chunk to the sink, or aborts after a Stop.
int on_samples(short* wav, int count, espeak_EVENT*) {
  Speaking* s = t_speaking;
  if (s == nullptr) return 1;
  if (wav == nullptr || count <= 0) return 0;
  {
    std::lock_guard<std::mutex> lock(*s->mutex);
    if (*s->generation != s->job_generation) return 1;  // stopped: abort synthesis now
    if (s->first && s->timings->size() < 100000) s->timings->push_back({s->posted_ns, monotonic_ns()});
    s->first = false;
  }
  s->sink->write(wav, static_cast<size_t>(count));
  return 0;
}
}  // namespace

void SpeechOutput::speak(const Job& job) {
  Speaking s{sink_.get(), &mutex_, &generation_, job.generation, true, job.posted_ns, &timings_};
  t_speaking = &s;
  // espeak's volume: 100 is normal; our 80 % default is that, 100 % a little louder.
  espeak_SetParameter(espeakVOLUME, std::clamp(job.volume * 125 / 100, 10, 200), 0);
  for (const SpokenPart& part : job.utterance.parts) {
    if (espeak_SetVoiceByName(std::string(lang_code(part.lang)).c_str()) != EE_OK) {
      if (!missing_voice_[static_cast<size_t>(part.lang)])
        log::warning("speech: espeak-ng has no \"" + std::string(lang_code(part.lang)) + "\" voice; speaking it with the German one");
      missing_voice_[static_cast<size_t>(part.lang)] = true;
      espeak_SetVoiceByName("de");
    }
    espeak_Synth(part.text.c_str(), part.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    std::lock_guard<std::mutex> lock(mutex_);
    if (generation_ != job.generation) break;
  }
  t_speaking = nullptr;
  sink_->finish_utterance();
}

void SpeechOutput::run() {
  // 20 ms buffers: the first sound of a touch is queued after one buffer of synthesis.
  const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 20, nullptr, 0);
  const bool ready = rate > 0;
  if (!ready) log::error("speech: espeak-ng did not start (is espeak-ng-data installed?); nothing is spoken");
  else espeak_SetSynthCallback(&on_samples);
  bool started = false;  // the audio device opens with the first utterance: a kiosk nobody asks to
                         // speak never touches the sound card
  uint64_t cleared = 0;
  for (;;) {
    Job job;
    bool have = false, clear = false;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      busy_ = false;
      idle_.notify_all();
      wake_.wait(lock, [&] { return quit_ || !jobs_.empty() || generation_ != cleared; });
      if (quit_) break;
      if (generation_ != cleared) {  // a Stop since the last look: silence what the device still holds
        cleared = generation_;
        clear = true;
      }
      if (!jobs_.empty()) {
        job = std::move(jobs_.front());
        jobs_.pop_front();
        have = busy_ = true;
      }
    }
    try {  // a worker never ends the kiosk: it logs and goes on
      if (have && ready && !started) {
        started = true;
        sink_->start(rate);
      }
      if (clear && started) sink_->clear();
      if (have && ready) speak(job);
    } catch (const std::exception& e) {
      log::error(std::string("speech: ") + e.what());
    }
  }
  if (ready) espeak_Terminate();
}

}  // namespace kiosk
