#pragma once
// Noto Sans, rendered by FreeType, in the few sizes the screens use. The glyph ranges cover
// every language the kiosk speaks (German, English, Turkish, Ukrainian) and the typographic
// punctuation of German text, so nothing falls back to "?".
#include <imgui.h>

#include <filesystem>
#include <string>

namespace kiosk::ui {

struct FontSet {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* title = nullptr;  // screen titles, 1.6 em bold
  ImFont* small = nullptr;  // captions, 0.8 em
  float em = 0.0f;          // body size in pixels
};

// The code points the atlas must hold (zero-terminated ImGui ranges).
const ImWchar* kiosk_glyph_ranges();

// Clears `atlas` and loads the set for a body size of `em` pixels. On failure (missing file)
// returns false with a message naming the file; the caller decides what to do. Needs no ImGui
// context: an atlas not yet handed to one may be built on any thread.
bool build_fonts(ImFontAtlas& atlas, const std::filesystem::path& font_dir, float em, FontSet& out, std::string& error);

}  // namespace kiosk::ui
