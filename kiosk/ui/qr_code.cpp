#include "kiosk/ui/qr_code.hpp"

#include <imgui_internal.h>
#include <qrencode.h>

namespace kiosk::ui {

const QrMatrix& qr_for(std::string_view text) {
  static std::unordered_map<std::string, QrMatrix> cache;
  const std::string key(text);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  QrMatrix m;
  if (QRcode* code = QRcode_encodeString(key.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1)) {
    m.size = code->width;
    m.modules.resize(static_cast<size_t>(code->width) * code->width);
    for (size_t i = 0; i < m.modules.size(); ++i) m.modules[i] = (code->data[i] & 1) != 0;
    QRcode_free(code);
  }
  return cache.emplace(key, std::move(m)).first->second;
}

void qr_code(const UiContext& ui, std::string_view id, std::string_view text, float side) {
  const QrMatrix& m = qr_for(text);
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImVec2 pos = window->DC.CursorPos;
  const ImRect bb(pos, ImVec2(pos.x + side, pos.y + side));
  ImGui::ItemSize(bb);
  WidgetRecord r;
  r.id.assign(id);
  r.label.assign(text);
  r.rect = {bb.Min.x, bb.Min.y, side, side};
  ImRect v = bb;
  v.ClipWithFull(window->ClipRect);
  if (v.GetWidth() > 0 && v.GetHeight() > 0) r.visible = {v.Min.x, v.Min.y, v.GetWidth(), v.GetHeight()};
  ui.automation.record(std::move(r));
  if (!ImGui::ItemAdd(bb, 0) || m.size == 0) return;
  ImDrawList* dl = window->DrawList;
  dl->AddRectFilled(bb.Min, bb.Max, IM_COL32_WHITE);
  const int quiet = 2;  // modules of white around the code
  const float cell = side / static_cast<float>(m.size + 2 * quiet);
  for (int y = 0; y < m.size; ++y) {
    for (int x = 0; x < m.size; ++x) {
      if (!m.modules[static_cast<size_t>(y) * m.size + x]) continue;
      const ImVec2 a(bb.Min.x + (x + quiet) * cell, bb.Min.y + (y + quiet) * cell);
      dl->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), IM_COL32_BLACK);
    }
  }
}

}  // namespace kiosk::ui
