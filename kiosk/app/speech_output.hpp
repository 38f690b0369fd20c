#pragma once
// What the screen reader says (kiosk/core/screen_reader.hpp), spoken. espeak-ng (Debian's, with
// German, English, Turkish and Ukrainian voices, offline) keeps global state, so it lives on one
// worker thread; the UI thread only posts commands and never waits for synthesis or audio.
// Samples go to SDL2's audio queue (SDL_QueueAudio; cleared at once when speech must stop), or to
// a WAV file (--speech-wav, tests), or nowhere (a machine without sound: nothing is lost but
// the sound). Each part of an utterance is spoken with its own language's voice.
#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/core/screen_reader.hpp"

namespace kiosk {

// Where samples go (16-bit mono at the synthesiser's rate). Called on the speech thread only.
class AudioSink {
 public:
  virtual ~AudioSink() = default;
  virtual void start(int sample_rate) = 0;
  virtual void write(const int16_t* samples, size_t count) = 0;
  virtual void clear() = 0;  // speech stopped: drop what is queued and not yet heard
  virtual void finish_utterance() {}
};

std::unique_ptr<AudioSink> make_sdl_audio_sink();                     // the loudspeaker (or headphones)
std::unique_ptr<AudioSink> make_wav_sink(const std::string& path);    // everything said, in one WAV
std::unique_ptr<AudioSink> make_null_sink();

class SpeechOutput {
 public:
  explicit SpeechOutput(std::unique_ptr<AudioSink> sink);
  ~SpeechOutput();  // says what is queued first when the sink is a file (up to 20 s), else stops
  SpeechOutput(const SpeechOutput&) = delete;
  SpeechOutput& operator=(const SpeechOutput&) = delete;

  // UI thread: queues a Say, or drops everything queued and silences what plays (Stop).
  void apply(const SpeechCommand& command);

  // Benchmarks: for each utterance that reached the sink, when it was posted and when its
  // first sample was handed to the sink (CLOCK_MONOTONIC ns), recorded as that sample goes.
  struct Timing {
    int64_t posted_ns, first_sample_ns;
  };
  std::vector<Timing> timings() const;
  // Waits until everything posted has been synthesised (tests, the WAV at exit).
  bool wait_idle(double timeout_s);

 private:
  struct Job {
    Utterance utterance;
    int volume = 80;
    uint64_t generation = 0;
    int64_t posted_ns = 0;
  };
  void run();
  void speak(const Job& job);

  std::unique_ptr<AudioSink> sink_;
  bool drain_at_exit_ = false;
  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::deque<Job> jobs_;
  bool busy_ = false, quit_ = false;
  uint64_t generation_ = 0;
  std::array<bool, 4> missing_voice_{};  // said once in the log (speech thread only)  // a Stop moves it: the job being spoken aborts at its next chunk
  std::vector<Timing> timings_;
  std::thread thread_;
};

}  // namespace kiosk
