#pragma once
// What a screen gets to draw with, and what it may ask for. Screens read the snapshot and
// emit intents; they never navigate, load or store anything themselves.
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/navigation.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

struct Intent {
  enum class Kind { Open, Back, Home, SetLanguage };
  Kind kind = Kind::Home;
  Route route;
  Lang lang = Lang::De;

  static Intent open(ScreenId screen, std::string item = {}) { return {Kind::Open, {screen, std::move(item)}, Lang::De}; }
  static Intent back() { return {Kind::Back, {}, Lang::De}; }
  static Intent home() { return {Kind::Home, {}, Lang::De}; }
  static Intent language(Lang l) { return {Kind::SetLanguage, {}, l}; }
};

struct ScreenContext {
  const UiContext& ui;
  const ContentSnapshot& content;
  Lang lang;
  const Route& route;
  bool landscape;
  std::vector<Intent>& intents;

  std::string_view t(std::string_view key) const { return content.text(key, lang); }
  const std::string& l(const LocalizedText& text) const { return text.get(lang); }
  float em() const { return ui.em(); }
};

class Screen {
 public:
  virtual ~Screen() = default;
  virtual ScreenId id() const = 0;
  // Draws into the current ImGui window (the scrolling area between header and navigation).
  virtual void draw(const ScreenContext& ctx) = 0;
};

// Parts several screens share, so units and offers read alike.
void offer_card(const ScreenContext& ctx, const Offer& offer);
void contact_block(const ScreenContext& ctx, const Contact& contact, float label_width);
// Landscape detail screens: text on the left, facts on the right, a gutter between them.
bool begin_two_columns(const char* id, const ScreenContext& ctx);
void end_two_columns();
// Width of the label column of fact rows: a third of the area, at most 9 em.
float fact_label_width(const ScreenContext& ctx);

}  // namespace kiosk::ui
