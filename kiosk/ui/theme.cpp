#include "kiosk/ui/theme.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

const Palette& default_palette() {
  // Dortmund red for actions, dark text on white. Pairs are chosen for WCAG contrast ≥ 4.5:1.
  static const Palette p{
      IM_COL32(0xFA, 0xFA, 0xF7, 0xFF),  // background
      IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // surface
      IM_COL32(0xE4, 0xE6, 0xEA, 0xFF),  // surface_pressed
      IM_COL32(0x1B, 0x1E, 0x24, 0xFF),  // text
      IM_COL32(0x4A, 0x50, 0x5A, 0xFF),  // text_muted
      IM_COL32(0xB0, 0x00, 0x1E, 0xFF),  // primary
      IM_COL32(0x80, 0x00, 0x16, 0xFF),  // primary_pressed
      IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // on_primary
      IM_COL32(0x0B, 0x4F, 0x6C, 0xFF),  // accent
      IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // on_accent
      IM_COL32(0x1B, 0x1E, 0x24, 0xFF),  // header
      IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // on_header
      IM_COL32(0xC9, 0xCD, 0xD4, 0xFF),  // border
      IM_COL32(0xFF, 0xF1, 0xC7, 0xFF),  // notice
      IM_COL32(0x3D, 0x2E, 0x00, 0xFF),  // on_notice
  };
  return p;
}

const Palette& high_contrast_palette() {
  static const Palette p{
      IM_COL32(0x00, 0x00, 0x00, 0xFF),  // background
      IM_COL32(0x00, 0x00, 0x00, 0xFF),  // surface
      IM_COL32(0x33, 0x33, 0x33, 0xFF),  // surface_pressed
      IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // text
      IM_COL32(0xE6, 0xE6, 0xE6, 0xFF),  // text_muted
      IM_COL32(0xFF, 0xD6, 0x00, 0xFF),  // primary
      IM_COL32(0xFF, 0xEB, 0x80, 0xFF),  // primary_pressed
      IM_COL32(0x00, 0x00, 0x00, 0xFF),  // on_primary
      IM_COL32(0x5C, 0xE1, 0xFF, 0xFF),  // accent
      IM_COL32(0x00, 0x00, 0x00, 0xFF),  // on_accent
      IM_COL32(0x00, 0x00, 0x00, 0xFF),  // header
      IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // on_header
      IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // border
      IM_COL32(0xFF, 0xD6, 0x00, 0xFF),  // notice
      IM_COL32(0x00, 0x00, 0x00, 0xFF),  // on_notice
  };
  return p;
}

std::vector<ColourPair> text_pairs(const Palette& p) {
  return {{"text on background", p.text, p.background},
          {"text on surface", p.text, p.surface},
          {"text on pressed surface", p.text, p.surface_pressed},
          {"muted text on background", p.text_muted, p.background},
          {"muted text on surface", p.text_muted, p.surface},
          {"button text on primary", p.on_primary, p.primary},
          {"button text on pressed primary", p.on_primary, p.primary_pressed},
          {"text on accent (selected chips, language)", p.on_accent, p.accent},
          {"header text", p.on_header, p.header},
          {"notice text", p.on_notice, p.notice},
          {"chevrons and links on surface", p.primary, p.surface}};
}

namespace {
double channel(unsigned v) {
  const double c = v / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(ImU32 c) {
  return 0.2126 * channel((c >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((c >> IM_COL32_G_SHIFT) & 0xFF) +
         0.0722 * channel((c >> IM_COL32_B_SHIFT) & 0xFF);
}
}  // namespace

double contrast_ratio(ImU32 a, ImU32 b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

float body_pixels_for(int width, int height) {
  const int short_side = std::max(1, std::min(width, height));
  return std::round(28.0f * static_cast<float>(short_side) / 1080.0f);
}

void apply_style(const Palette& p, float em) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  s.WindowPadding = ImVec2(0.8f * em, 0.8f * em);
  s.FramePadding = ImVec2(0.6f * em, 0.4f * em);
  s.ItemSpacing = ImVec2(0.5f * em, 0.5f * em);
  s.ItemInnerSpacing = ImVec2(0.4f * em, 0.4f * em);
  s.ScrollbarSize = 0.5f * em;
  s.ScrollbarRounding = 0.25f * em;
  s.FrameRounding = 0.3f * em;
  s.WindowRounding = 0.0f;
  s.ChildRounding = 0.0f;
  s.WindowBorderSize = 0.0f;
  s.ChildBorderSize = 0.0f;
  s.TouchExtraPadding = ImVec2(0, 0);
  s.AntiAliasedFill = true;
  s.AntiAliasedLines = true;
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(p.text);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(p.text_muted);
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(p.background);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(p.border);
  c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrab];
  c[ImGuiCol_ScrollbarGrabActive] = ImGui::ColorConvertU32ToFloat4(p.text_muted);
  c[ImGuiCol_Separator] = ImGui::ColorConvertU32ToFloat4(p.border);
}

}  // namespace kiosk::ui
