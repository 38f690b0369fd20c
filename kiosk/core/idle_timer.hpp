#pragma once
// When has the visitor gone? After `timeout` seconds without a touch the kiosk asks
// "Sind Sie noch da?" for `warning` seconds; then the session ends and everything typed is
// wiped. Time is passed in (seconds on any monotonic clock), so tests need no sleeping.
namespace kiosk {

class IdleTimer {
 public:
  enum class Phase { Active, Warning, Expired };

  explicit IdleTimer(double timeout_s = 90.0, double warning_s = 20.0) : timeout_(timeout_s), warning_(warning_s) {}

  void set_timeout(double timeout_s) { timeout_ = timeout_s; }
  double timeout() const { return timeout_; }
  void touch(double now) { last_touch_ = now; }

  Phase phase(double now) const {
    const double idle = now - last_touch_;
    if (idle < timeout_) return Phase::Active;
    return idle < timeout_ + warning_ ? Phase::Warning : Phase::Expired;
  }
  // Whole seconds left on the "still there?" countdown (rounded up, as shown).
  int seconds_left(double now) const;
  // When the screen next needs to change because of the timer: the start of the warning, the
  // next countdown second, or the end.
  double next_deadline(double now) const;

 private:
  double timeout_;
  double warning_;
  double last_touch_ = 0.0;
};

}  // namespace kiosk
