#include "kiosk/ui/speech_layer.hpp"

#include <imgui_internal.h>

#include <algorithm>

namespace kiosk::ui {

bool SpeechLayer::key_pressed(ImGuiIO& io, ImGuiKey key) {
  const int index = io.KeyMap[key];
  if (index < 0 || index >= static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) return false;
  const bool down = io.KeysDown[index];
  const bool pressed = down && !was_down_[static_cast<size_t>(key)];
  was_down_[static_cast<size_t>(key)] = down;
  return pressed;
}

// ImGui never sees a key the reader used (Enter on a focused button must not also send a form).
void SpeechLayer::consume(ImGuiIO& io, ImGuiKey key) {
  const int index = io.KeyMap[key];
  if (index >= 0 && index < static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) io.KeysDown[index] = false;
}

bool SpeechLayer::before_frame(ImGuiIO& io, double now, const std::vector<WidgetRecord>& tree, Visit& visit,
                               std::vector<Intent>& intents, float em) {
  words_.content = &visit.content();
  words_.language = visit.session().lang;
  reader_.set_context(&words_, [&visit](std::string_view id) -> std::optional<std::string> {
    KeyboardMode mode;
    const VisitorText* text = visit.field(id, mode);
    return text ? std::optional<std::string>(std::string(text->view())) : std::nullopt;
  });
  bool active = false;
  // A field that got the keyboard (the form's Enter leads to the next one) takes the focus, so
  // the next Enter is the keyboard's again, not a tap on the field left behind.
  if (visit.focus() != typing_in_) {
    typing_in_ = visit.focus();
    reader_.follow_field(typing_in_, tree);
  }

  // Keys first: a key and a touch in one frame are rare, and the key's focus should win.
  const auto use = [&](ImGuiKey key, ReaderKey what) {
    if (!key_pressed(io, key)) return;
    active = true;
    if (reader_.key(what, tree)) consume(io, key);
  };
  const bool shift = io.KeyShift;
  use(ImGuiKey_Tab, shift ? ReaderKey::Previous : ReaderKey::Next);
  use(ImGuiKey_RightArrow, ReaderKey::Next);
  use(ImGuiKey_DownArrow, ReaderKey::Next);
  use(ImGuiKey_LeftArrow, ReaderKey::Previous);
  use(ImGuiKey_UpArrow, ReaderKey::Previous);
  use(ImGuiKey_Insert, ReaderKey::Toggle);
  // Enter activates what has the focus; with no focus (or the field being typed into in focus)
  // it stays the keyboard's Enter (next field, send).
  if (key_pressed(io, ImGuiKey_Enter) || key_pressed(io, ImGuiKey_KeyPadEnter)) {
    active = true;
    if (reader_.focus() != visit.focus() && reader_.key(ReaderKey::Activate, tree)) {
      consume(io, ImGuiKey_Enter);
      consume(io, ImGuiKey_KeyPadEnter);
    }
  }
  if (key_pressed(io, ImGuiKey_Escape)) {
    active = true;
    intents.push_back(Intent::of(visit.typing() ? Intent::Kind::EndTyping : Intent::Kind::Back));
  }
  // Characters are the keypad's other keys, unless a field takes them.
  if (!visit.typing()) {
    for (ImWchar c : io.InputQueueCharacters) {
      active = true;
      switch (c) {
        case '?': case 'h': case 'H': reader_.key(ReaderKey::Help, tree); break;
        case '+': reader_.key(ReaderKey::VolumeUp, tree); break;
        case '-': reader_.key(ReaderKey::VolumeDown, tree); break;
        case '*': reader_.key(ReaderKey::Toggle, tree); break;
        case 'r': case 'R': case '5': reader_.key(ReaderKey::Repeat, tree); break;
        default: break;
      }
    }
    io.InputQueueCharacters.resize(0);
  }

  const bool has_pointer = io.MousePos.x > -FLT_MAX * 0.5f && io.MousePos.y > -FLT_MAX * 0.5f;
  const TouchSample raw{io.MousePos.x, io.MousePos.y, has_pointer && io.MouseDown[0]};
  // The toggle: the bottom bar's left end, where real installations put a tactile mark.
  const float side = std::max(5.5f * em, 0.12f * io.DisplaySize.x);
  const WidgetRect toggle_area{0, io.DisplaySize.y - side, side, side};
  const PointerOut out = reader_.pointer(raw, now, tree, toggle_area, em);
  io.MousePos = out.away ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(out.x, out.y);
  io.MouseDown[0] = !out.away && out.down;
  return active || raw.down;
}

void SpeechLayer::after_frame(std::string_view screen_key, const std::vector<WidgetRecord>& tree, double now) {
  reader_.after_frame(screen_key, tree, now);
}

void SpeechLayer::draw_focus(const std::vector<WidgetRecord>& tree, float em) const {
  if (!reader_.show_focus() || reader_.focus().empty()) return;
  for (const WidgetRecord& w : tree) {
    if (w.id != reader_.focus() || !w.is_visible()) continue;
    // Amber with a dark edge: it shows on the light page, the dark header and in high contrast.
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const float t = std::max(3.0f, 0.16f * em);
    const ImVec2 a(w.visible.x - t, w.visible.y - t), b(w.visible.x + w.visible.w + t, w.visible.y + w.visible.h + t);
    dl->AddRect(a, b, IM_COL32(20, 20, 20, 255), 0.3f * em, 0, t * 2.0f);
    dl->AddRect(a, b, IM_COL32(255, 191, 0, 255), 0.3f * em, 0, t);
    return;
  }
}

}  // namespace kiosk::ui
