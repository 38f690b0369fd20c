#pragma once
// The visitor-facing UI as a whole: a header, the current screen in a scrolling area, and the
// navigation bar with the language switch. It owns the screens and the navigation state; the
// app owns everything that touches the outside (platform, fonts on the GPU, files, workers).
#include <array>
#include <memory>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/navigation.hpp"
#include "kiosk/ui/automation.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/screen.hpp"

namespace kiosk::ui {

class KioskUi {
 public:
  explicit KioskUi(SnapshotPtr content);
  ~KioskUi();

  // Takes effect from the next frame; screens keep their place where the item still exists.
  void set_content(SnapshotPtr content);
  const ContentSnapshot& content() const { return *content_; }

  // Builds one frame; call between ImGui::NewFrame() and ImGui::Render().
  void draw(const FontSet& fonts);

  const Automation& automation() const { return automation_; }
  ScreenId current_screen() const { return nav_.current().screen; }
  const Route& current_route() const { return nav_.current(); }
  Lang language() const { return lang_; }

  void set_language(Lang lang) { lang_ = lang; }
  void open(Route route) { nav_.open(std::move(route)); }

 private:
  void draw_header(const UiContext& ui, float height);
  void draw_navigation(const UiContext& ui, float height, bool two_rows);
  void apply(const std::vector<Intent>& intents);
  Screen& screen_for(ScreenId id);

  SnapshotPtr content_;
  Navigator nav_;
  Lang lang_ = Lang::De;
  Automation automation_;
  std::vector<std::unique_ptr<Screen>> screens_;
  std::vector<Intent> intents_;
};

}  // namespace kiosk::ui
