#include "kiosk/ui/modal_question.hpp"

#include <algorithm>

namespace kiosk::ui {

int modal_question(const UiContext& ui, const char* window_id, std::string_view title, std::string_view explain,
                   const std::vector<Answer>& answers) {
  const float em = ui.em();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 170));
  ImGui::Begin(window_id, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleColor();
  const float w = std::min(display.x - 2 * em, 24.0f * em);
  const float x = (display.x - w) * 0.5f;
  const float y = display.y * (ui.reach ? 0.5f : 0.3f);
  const float pad = 1.2f * em;
  // The contents are laid out first, on a channel above the panel; the panel is then drawn
  // beneath them at exactly their size, so no answer can hang below its frame.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(x + pad, y + pad));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(x + w - pad);
  ImGui::PushFont(ui.fonts.title);
  text_block(title);
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, 0.6f * em));
  text_block(explain);
  ImGui::PopTextWrapPos();
  int tapped = -1;
  const size_t panel_at = ui.automation.widgets().size();  // the panel is read before its answers
  for (size_t i = 0; i < answers.size(); ++i) {
    ImGui::Dummy(ImVec2(0, 0.4f * em));
    if (button(ui, answers[i].id, answers[i].label, ImVec2(w - 2 * pad, 0), answers[i].style)) tapped = static_cast<int>(i);
  }
  ImGui::EndGroup();
  const float bottom = ImGui::GetItemRectMax().y + pad;
  dl->ChannelsSetCurrent(0);
  // A framed panel: on a dark page in high contrast a borderless box would vanish.
  dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, bottom), ui.palette.surface, 0.6f * em);
  dl->AddRect(ImVec2(x, y), ImVec2(x + w, bottom), ui.palette.text, 0.6f * em, 0, std::max(1.0f, 0.1f * em));
  dl->ChannelsMerge();
  record_text(ui, std::string(window_id + (window_id[0] == '#' && window_id[1] == '#' ? 2 : 0)) + ".panel", title, ImVec2(x, y),
              ImVec2(x + w, bottom));
  // An alert: said when it appears ("Sind Sie noch da?", then its explanation with the seconds).
  ui.automation.last()->role = Role::Alert;
  ui.automation.last()->value.assign(explain);
  ui.automation.move_last_to(panel_at);
  ImGui::End();
  return tapped;
}

}  // namespace kiosk::ui
