#pragma once
// Who may call the backend's API: bearer tokens kept only as hashes and compared in constant
// time, and a brake on clients that keep presenting wrong ones.
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::backend {

// Tokens shorter than this are refused at start: 22 characters carry 128 bits as base64
// (`openssl rand -base64 16`), 32 as hex.
constexpr size_t kMinTokenLength = 22;

class TokenTable {
 public:
  // Adds `token` for `holder`; false with the reason when it is too short or already used.
  bool add(const std::string& holder, const std::string& token, std::string& error);
  // The holder of `token`, comparing its hash with every stored hash (sodium_memcmp, no early
  // exit), so the answer's timing says nothing about how close a guess was.
  std::optional<std::string> holder_of(const std::string& token) const;
  bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    std::array<unsigned char, 32> hash;
    std::string holder;
  };
  std::vector<Entry> entries_;
};

// Counts wrong tokens per client. After `kFreeFailures` in a minute, further wrong tokens from
// that client are answered 429 with Retry-After for a pause that doubles (30 s up to 15 min)
// while they go on. A right token is always accepted: kiosks behind one address (a NAT, the
// reverse proxy) must not lock each other out, and 128-bit tokens cannot be guessed anyway;
// the brake keeps a scanner from costing work and filling the log.
class FailureBrake {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int kFreeFailures = 10;
  // Seconds the client must wait before its next wrong token is even looked at (0: none).
  long wait_s(const std::string& client, Clock::time_point now);
  void failed(const std::string& client, Clock::time_point now);

 private:
  struct State {
    int failures = 0;
    Clock::time_point window_start, blocked_until;
    std::chrono::seconds pause{0};
  };
  std::mutex mutex_;
  std::map<std::string, State> clients_;
};

}  // namespace kiosk::backend
