#pragma once
// Drives the UI by automation id, as a finger would: tests run it against the null platform,
// `--script` against a real window. With Dear ImGui 1.86's input API the pointer is set on
// io before each frame; a tap takes frames (press, release, settle) and the pointer is moved
// away afterwards so nothing stays highlighted.
#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>

#include "kiosk/ui/automation.hpp"

namespace kiosk::ui {

struct PointerState {
  float x = -FLT_MAX;
  float y = -FLT_MAX;
  bool down = false;
};

class UiDriver {
 public:
  // `render_frame` builds one full frame; it must call apply_pointer() before ImGui::NewFrame().
  UiDriver(const Automation& automation, std::function<void()> render_frame)
      : automation_(automation), render_frame_(std::move(render_frame)) {}

  // Overrides what the platform backend put into io for this frame, from the driver's first
  // gesture until hand_back(): a script or test owns the pointer, and a finger on the glass
  // (the app calls hand_back() when the platform reports one) takes it back.
  void apply_pointer(ImGuiIO& io) const;
  void hand_back() { engaged_ = false; }

  // Taps the centre of the widget's visible part. Fails (with `error`) when the id is unknown,
  // hidden, scrolled out of view or disabled.
  bool tap(std::string_view id, std::string& error);

  // Puts a finger on the widget's centre, moves it by (dx, dy) pixels over several frames and
  // lifts it: a scroll gesture. Fails like tap() when the widget cannot be touched.
  bool drag(std::string_view id, float dx, float dy, std::string& error);
  // The same gesture from a point on the screen (a list, wherever it has scrolled to).
  void drag_from(float x, float y, float dx, float dy);

  // Presses the widget and keeps the finger on it for `frames` frames (a long press, a held key).
  bool hold(std::string_view id, int frames, std::string& error);

  // A press that lasts as long as the caller lets time pass: press(), then frames, then release().
  bool press(std::string_view id, std::string& error);
  void release();

  // Speech gestures (the screen reader sees them before ImGui): two quick taps at a point, and a
  // quick stroke from a point by (dx, dy).
  void double_tap_at(float x, float y);
  void flick_from(float x, float y, float dx, float dy);
  // A key pressed and released, as a keypad sends it (ImGuiKey_Tab, ImGuiKey_Enter …).
  void key(int imgui_key, bool shift = false);

  // Types text as a hardware keyboard would; the focused field takes it.
  void type(std::string_view utf8);

  // Renders frames with nothing touched, so the screen settles (auto-sized windows appear on
  // their second frame).
  void settle(int frames = 3);

  const PointerState& pointer() const { return pointer_; }

 private:
  const WidgetRecord* touchable(std::string_view id, std::string& error);  // engages the driver
  void stroke(float x, float y, float dx, float dy, int steps, bool arrive);

  const Automation& automation_;
  std::function<void()> render_frame_;
  PointerState pointer_;
  bool engaged_ = false;
};

}  // namespace kiosk::ui
