#pragma once
// Touch widgets. Each takes an automation id, draws itself in em-based sizes and records its
// rectangle; none relies on hover, and every target is at least kMinTargetEm tall.
#include <imgui.h>

#include <string_view>

#include "kiosk/ui/automation.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {

// 64 px at 1080p with a 28 px em.
inline constexpr float kMinTargetEm = 2.3f;

struct UiContext {
  Automation& automation;
  const Palette& palette;
  const FontSet& fonts;
  bool reach = false;  // reach mode: dialogs open in the lower half
  float em() const { return fonts.em; }
};

enum class ButtonStyle { Primary, Secondary, Accent, Selected };
enum class Chevron { None, Left, Right };

// A button that fires when the finger lifts inside it. `size.x` 0 = fit the label.
bool button(const UiContext& ui, std::string_view id, std::string_view label, ImVec2 size,
            ButtonStyle style = ButtonStyle::Secondary, bool enabled = true, Chevron chevron = Chevron::None);

// A switch with its pictogram above a short label in the small font ("Größer", "Kontrast"):
// bare icons leave older visitors guessing. `size.x` 0 = fit the wider of the two.
bool icon_button(const UiContext& ui, std::string_view id, std::string_view icon, std::string_view label, ImVec2 size,
                 ButtonStyle style = ButtonStyle::Secondary, bool enabled = true);
float icon_button_width(const UiContext& ui, std::string_view icon, std::string_view label);

// An invisible area that fires once when a finger has rested on it for `seconds` (the staff
// entry on the logo). `pressed_since` is the caller's memory of when the press began; `now`
// is the UI's clock. Returns the share of the time held so far in `progress` (0 when idle).
bool long_press(const UiContext& ui, std::string_view id, ImVec2 size, double now, double seconds,
                double& pressed_since, float& progress);

// Fires once on press and again every few hundredths of a second while held (backspace).
bool repeat_button(const UiContext& ui, std::string_view id, std::string_view label, ImVec2 size);

// A filter chip: a rounded toggle that shows a check mark when selected.
bool chip(const UiContext& ui, std::string_view id, std::string_view label, bool selected);
// How wide a button fitted to its label is (size.x 0), and a chip: rows that wrap ask first.
float button_width(const UiContext& ui, std::string_view label, Chevron chevron = Chevron::None);
float chip_width(const UiContext& ui, std::string_view label, bool selected);

// A check box with its label on one wide row; the whole row is the target. Returns true when tapped.
bool checkbox(const UiContext& ui, std::string_view id, std::string_view label, bool checked);

// Starts a new line when the next item of `width` would not fit (chip rows that wrap).
void flow_next(float width);

// A one-line text field showing `text` (or the placeholder), with a caret when focused.
// Returns true when tapped. Typing goes through the on-screen keyboard, not through here.
// A `personal` field's text is drawn but never recorded: its automation label is the placeholder.
bool text_field(const UiContext& ui, std::string_view id, std::string_view text, std::string_view placeholder,
                bool focused, std::string_view icon = {}, bool personal = false);

// A chevron drawn as two strokes: fonts differ in which arrows they carry, shapes do not.
void draw_chevron(ImDrawList* dl, ImVec2 center, float size, Chevron direction, ImU32 colour);

// A full-width tappable card: bold title, then up to two lines of muted text, then an arrow.
// `tag` (a language code such as "EN") shows as a small framed label beside the title.
bool card(const UiContext& ui, std::string_view id, std::string_view title, std::string_view line1,
          std::string_view line2 = {}, std::string_view tag = {});
// A small framed label at `pos` ("EN": the text beside it is in English); returns its size.
ImVec2 draw_tag(const UiContext& ui, ImDrawList* dl, ImVec2 pos, std::string_view text);
float tag_width(const UiContext& ui, std::string_view text);

// Text as ImGui::TextUnformatted draws it (wrapped at the pushed wrap position, if any), but only
// the glyphs inside the view become vertices. ImGui skips what lies below the view, not what a
// partly visible item has above it; a window's 16-bit indices address 65,536 vertices (four per
// glyph), and a 37,000-character description scrolled half out of view stopped the kiosk with
// ImGui's assertion. Content text that can scroll partly out of view goes through these two
// (headings, paragraphs, facts, cards); text that starts in view, such as the attract card,
// is cut off below it by ImGui itself.
void text_block(std::string_view text);
void add_text_in_view(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 colour, std::string_view text, float wrap);

// Records the item just drawn (a paragraph, a fact row's value) as text under `id`: tests, and
// later speech, read what a screen says by id. It is not a target: taps on it are refused.
void record_text(const UiContext& ui, std::string_view id, std::string_view text);
// The same for a rectangle drawn by hand (a dialog's panel).
void record_text(const UiContext& ui, std::string_view id, std::string_view text, ImVec2 min, ImVec2 max);

// Text helpers that wrap at the available width. Each records its text (role Heading or Text,
// id "text.<n>") so the screen reader reads the page in order.
void heading(const UiContext& ui, std::string_view text);
void subheading(const UiContext& ui, std::string_view text);
void paragraph(const UiContext& ui, std::string_view text);
void muted(const UiContext& ui, std::string_view text);
// "Label: value" as a two-column row; used for facts.
void fact_row(const UiContext& ui, std::string_view label, std::string_view value, float label_width);

}  // namespace kiosk::ui
