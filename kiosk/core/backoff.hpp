#pragma once
// Retry timing for anything that talks to the backend: full-jitter exponential backoff (a
// random wait between 0 and base·2^failures, capped), never shorter than the server's
// Retry-After. The random number is passed in, so tests can pin it.
#include <algorithm>
#include <cmath>
#include <optional>

namespace kiosk {

class Backoff {
 public:
  Backoff(double base_s, double cap_s) : base_(base_s), cap_(cap_s) {}

  void succeeded() { failures_ = 0; }
  // Seconds to wait before the next try after a failure; `random01` in [0, 1).
  double failed(std::optional<long> retry_after_s, double random01) {
    const double ceiling = std::min(cap_, base_ * std::pow(2.0, std::min(failures_, 30)));
    ++failures_;
    const double wait = random01 * ceiling;
    return retry_after_s ? std::max(wait, static_cast<double>(*retry_after_s)) : wait;
  }
  int failures() const { return failures_; }

 private:
  double base_;
  double cap_;
  int failures_ = 0;
};

}  // namespace kiosk
