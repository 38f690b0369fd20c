#pragma once
// Colours and sizes. Sizes are in "em" (the body font's height), never pixels: the body font is
// derived from the screen, so the same layout works on 1080×1920, 1920×1080 and a dev window.
#include <imgui.h>

#include <vector>

namespace kiosk::ui {

struct Palette {
  ImU32 background;
  ImU32 surface;          // cards
  ImU32 surface_pressed;
  ImU32 text;
  ImU32 text_muted;
  ImU32 primary;          // main actions
  ImU32 primary_pressed;
  ImU32 on_primary;       // text on primary
  ImU32 accent;           // chips, highlights
  ImU32 on_accent;
  ImU32 header;
  ImU32 on_header;
  ImU32 border;
  ImU32 notice;           // sample-data banner
  ImU32 on_notice;
};

const Palette& default_palette();
// Black, white and yellow: every text pair at least 7:1 for visitors with low vision.
const Palette& high_contrast_palette();

// Every text-on-background pair the UI draws, for the contrast check.
struct ColourPair {
  const char* name;
  ImU32 foreground;
  ImU32 background;
};
std::vector<ColourPair> text_pairs(const Palette& p);

// WCAG 2 contrast ratio of two opaque colours (1 to 21).
double contrast_ratio(ImU32 a, ImU32 b);

// The body text size in pixels for a framebuffer: 28 px where the short side is 1080 px
// (PRODUCT.md asks for at least 26), scaled linearly with the short side.
float body_pixels_for(int width, int height);

// Applies palette and em-based spacing to ImGui's style.
void apply_style(const Palette& palette, float em);

}  // namespace kiosk::ui
