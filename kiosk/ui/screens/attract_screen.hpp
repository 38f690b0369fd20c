#pragma once
#include "kiosk/core/attract_rotation.hpp"
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

// What the kiosk shows while nobody uses it: featured offers and the city's units in turn,
// and "touch to start" in all four languages. A tap anywhere starts a visit.
class AttractScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Attract; }
  bool scrolls_itself() const override { return true; }
  bool full_screen() const override { return true; }
  void draw(const ScreenContext& ctx) override;

  void restart(double now) { rotation_.restart(now); }
  bool animating(double now) const { return rotation_.animating(now); }
  double next_change(double now) const { return rotation_.next_change(now); }

 private:
  AttractRotation rotation_;
};

}  // namespace kiosk::ui
