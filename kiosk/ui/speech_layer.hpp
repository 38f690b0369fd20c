#pragma once
// Between the platform and Dear ImGui: the screen reader (kiosk/core/screen_reader.hpp) gets the
// finger and the keys before ImGui turns them into clicks, and the accessible tree after each
// frame. With speech off the finger passes straight through; keys move a focus ring either way
// (a USB keypad of the EZ Access kind is a keyboard: arrows, Enter, and a few characters).
//   Tab, arrows        next / previous element in reading order (Shift+Tab: previous)
//   Enter              activate the element in focus
//   Escape             back (or put the keyboard away while typing)
//   ?  h               help: how all this works, spoken
//   +  -               louder, quieter
//   r  5               repeat what was said last
//   *  Insert          speech on or off
#include <imgui.h>

#include <array>
#include <string>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/screen_reader.hpp"
#include "kiosk/core/visit.hpp"
#include "kiosk/ui/automation.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {

class SpeechLayer {
 public:
  explicit SpeechLayer(ReaderOptions options = {}) : reader_(options) {}

  // Before ImGui::NewFrame: reads the raw pointer and keys from `io` and writes back what ImGui
  // should see. `tree` is the last frame's. Returns true when the visitor did anything (a touch
  // ImGui never saw still keeps the visit alive). Intents (Escape: back) go to `intents`.
  bool before_frame(ImGuiIO& io, double now, const std::vector<WidgetRecord>& tree, Visit& visit, std::vector<Intent>& intents,
                    float em);
  // After the frame: announcements, alerts, the end of a visit.
  void after_frame(std::string_view screen_key, const std::vector<WidgetRecord>& tree, double now);
  // The focus ring around the element in focus, over everything else.
  void draw_focus(const std::vector<WidgetRecord>& tree, float em) const;

  ScreenReader& reader() { return reader_; }
  const ScreenReader& reader() const { return reader_; }
  std::vector<SpeechCommand> take_commands() { return reader_.take_commands(); }

 private:
  struct Words final : ReaderWords {
    const ContentSnapshot* content = nullptr;
    Lang language = Lang::De;
    std::string word(std::string_view key) const override { return std::string(content->text(key, language)); }
    Lang lang() const override { return language; }
  };
  bool key_pressed(ImGuiIO& io, ImGuiKey key);
  void consume(ImGuiIO& io, ImGuiKey key);

  ScreenReader reader_;
  Words words_;
  std::array<bool, ImGuiKey_COUNT> was_down_{};
  std::string typing_in_;  // the visit's text field last frame
};

}  // namespace kiosk::ui
