#include "kiosk/ui/fonts.hpp"

#include <imgui_freetype.h>

#include "kiosk/store/atomic_file.hpp"
#include "kiosk/ui/icons.hpp"

#include <map>
#include <mutex>
#include <string>

namespace kiosk::ui {

const ImWchar* kiosk_glyph_ranges() {
  static const ImWchar ranges[] = {
      0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement (äöüß, «»)
      0x0100, 0x017F,  // Latin Extended-A (Turkish ğ ş ı İ, Polish, Czech …)
      0x0180, 0x024F,  // Latin Extended-B (names from further away)
      0x0400, 0x04FF,  // Cyrillic (Ukrainian і ї є ґ)
      0x2010, 0x205E,  // General punctuation: – — ‚ ‘ ’ „ “ ” • …
      0x20A0, 0x20C0,  // Currency: € ₴ ₺
      // No arrows: Noto Sans has none, so widgets draw their chevrons as shapes.
      0,
  };
  return ranges;
}

namespace {

// Font files are read once; rebuilding the atlas (another screen size, large text) then works
// from memory, so toggling large text touches no disk on the UI thread. The first build may run
// on a helper thread while the window opens, hence the lock.
const std::string* font_bytes(const std::filesystem::path& file, std::string& error) {
  static std::mutex mutex;
  static std::map<std::string, std::string> cache;  // entries never move or go away
  std::lock_guard<std::mutex> lock(mutex);
  const auto it = cache.find(file.string());
  if (it != cache.end()) return &it->second;
  auto bytes = read_whole_file(file);
  if (!bytes) {
    error = "font file " + file.string() + " is missing or unreadable (fonts/README.md says where it comes from)";
    return nullptr;
  }
  return &cache.emplace(file.string(), std::move(*bytes)).first->second;
}

// A text font with the pictograms merged in, so labels can mix words and icons.
ImFont* add(ImFontAtlas& atlas, const std::filesystem::path& file, const std::filesystem::path& icons, float px, std::string& error) {
  const std::string* text_font = font_bytes(file, error);
  const std::string* icon_font = text_font ? font_bytes(icons, error) : nullptr;
  if (icon_font == nullptr) return nullptr;
  ImFontConfig cfg;
  cfg.OversampleH = 1;  // FreeType hints; oversampling only costs atlas space
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  cfg.FontDataOwnedByAtlas = false;  // the bytes stay in our cache for the next rebuild
  ImFont* font = atlas.AddFontFromMemoryTTF(const_cast<char*>(text_font->data()),
                                                           static_cast<int>(text_font->size()), px, &cfg, kiosk_glyph_ranges());
  ImFontConfig merge = cfg;
  merge.MergeMode = true;
  merge.GlyphMinAdvanceX = px;  // icons line up in columns
  merge.GlyphOffset = ImVec2(0, px * 0.05f);
  atlas.AddFontFromMemoryTTF(const_cast<char*>(icon_font->data()), static_cast<int>(icon_font->size()),
                                             px * 0.9f, &merge, icon::glyph_ranges());
  return font;
}

}  // namespace

bool build_fonts(ImFontAtlas& atlas, const std::filesystem::path& dir, float em, FontSet& out, std::string& error) {
  atlas.Clear();
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  // As tall as the glyphs need, not the next power of two: at 1920x1080 the atlas is 1024x1086
  // instead of 1024x2048, half the pixels to clear, upload and keep (GL 2 draws any size).
  atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  const auto regular = dir / "NotoSans-Regular.ttf";
  const auto bold = dir / "NotoSans-Bold.ttf";
  const auto icons = dir / "fontawesome-webfont.ttf";
  FontSet set;
  set.em = em;
  // The first font added is ImGui's default.
  if (!(set.body = add(atlas, regular, icons, em, error))) return false;
  if (!(set.bold = add(atlas, bold, icons, em, error))) return false;
  if (!(set.title = add(atlas, bold, icons, 1.6f * em, error))) return false;
  if (!(set.small = add(atlas, regular, icons, 0.82f * em, error))) return false;
  if (!atlas.Build()) {
    error = "FreeType could not build the font atlas";
    return false;
  }
  out = set;
  return true;
}

}  // namespace kiosk::ui
