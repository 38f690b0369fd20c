#include "kiosk/ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <limits>
#include <string>

#include "kiosk/ui/icons.hpp"

namespace kiosk::ui {
namespace {

WidgetRect to_rect(const ImRect& r) { return {r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()}; }

WidgetRect visible_part(const ImRect& r) {
  ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
  ImRect v = r;
  v.ClipWithFull(clip);
  if (v.GetWidth() <= 0 || v.GetHeight() <= 0) return {};
  return to_rect(v);
}

WidgetRecord record_of(std::string_view id, std::string_view label, const ImRect& r) {
  WidgetRecord w;
  w.id.assign(id);
  w.label.assign(label);
  w.rect = to_rect(r);
  w.visible = visible_part(r);
  return w;
}

void record(const UiContext& ui, std::string_view id, std::string_view label, const ImRect& r, bool enabled,
            bool clipped, bool primary = false, bool selected = false) {
  WidgetRecord w = record_of(id, label, r);
  w.enabled = enabled;
  w.clipped_label = clipped;
  w.primary = primary;
  w.selected = selected;
  ui.automation.record(std::move(w));
}

struct Colours {
  ImU32 fill, fill_pressed, text, border;
};

Colours colours_for(const Palette& p, ButtonStyle style) {
  switch (style) {
    case ButtonStyle::Primary: return {p.primary, p.primary_pressed, p.on_primary, p.primary};
    case ButtonStyle::Accent:
    case ButtonStyle::Selected: return {p.accent, p.text, p.on_accent, p.accent};
    case ButtonStyle::Secondary: break;
  }
  return {p.surface, p.surface_pressed, p.text, p.border};
}

const char* begin_of(std::string_view s) { return s.data(); }
const char* end_of(std::string_view s) { return s.data() + s.size(); }

// Every touch target begins alike: its rectangle at the cursor, laid out, recorded for
// automation whether or not it is in view, registered with ImGui, and asked whether the
// finger pressed it. `shown` is false when ImGui clipped it away: draw nothing then.
struct Target {
  ImRect bb;
  ImDrawList* dl = nullptr;
  bool shown = false, pressed = false, held = false;
};

Target touch_target(const UiContext& ui, std::string_view id, std::string_view label, ImVec2 size, bool enabled,
                    bool clipped_label, ImGuiButtonFlags flags = ImGuiButtonFlags_PressedOnClickRelease,
                    ButtonStyle style = ButtonStyle::Secondary) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  Target t;
  const ImGuiID gid = window->GetID(begin_of(id), end_of(id));
  const ImVec2 pos = window->DC.CursorPos;
  t.bb = ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  t.dl = window->DrawList;
  ImGui::ItemSize(t.bb);
  record(ui, id, label, t.bb, enabled, clipped_label, style == ButtonStyle::Primary, style == ButtonStyle::Selected);
  if (!ImGui::ItemAdd(t.bb, gid)) return t;
  t.shown = true;
  bool hovered = false, held = false;
  t.pressed = enabled && ImGui::ButtonBehavior(t.bb, gid, &hovered, &held, flags);
  t.held = held && hovered;
  return t;
}

}  // namespace

void draw_chevron(ImDrawList* dl, ImVec2 c, float size, Chevron direction, ImU32 colour) {
  if (direction == Chevron::None) return;
  const float h = size * 0.5f;
  const float dx = (direction == Chevron::Right ? 1.0f : -1.0f) * h * 0.5f;
  const ImVec2 points[3] = {ImVec2(c.x - dx, c.y - h), ImVec2(c.x + dx, c.y), ImVec2(c.x - dx, c.y + h)};
  dl->AddPolyline(points, 3, colour, 0, std::max(2.0f, size * 0.16f));
}

namespace {
bool button_impl(const UiContext& ui, std::string_view id, std::string_view label, ImVec2 size, ButtonStyle style,
                 bool enabled, Chevron chevron, ImGuiButtonFlags flags);
}  // namespace

bool button(const UiContext& ui, std::string_view id, std::string_view label, ImVec2 size, ButtonStyle style,
            bool enabled, Chevron chevron) {
  // Fires on release inside the button, like a physical key: a finger that slides off, or
  // starts scrolling, cancels.
  return button_impl(ui, id, label, size, style, enabled, chevron, ImGuiButtonFlags_PressedOnClickRelease);
}

bool long_press(const UiContext& ui, std::string_view id, ImVec2 size, double now, double seconds,
                double& pressed_since, float& progress) {
  const std::string imgui_id(id);
  ImGui::InvisibleButton(imgui_id.c_str(), size);
  const ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  record(ui, id, "", r, true, false);
  progress = 0.0f;
  if (!ImGui::IsItemActive()) {
    pressed_since = -1.0;
    return false;
  }
  // A finger that slid off does not count: the press must stay on the area.
  if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
    pressed_since = -1.0;
    return false;
  }
  if (pressed_since < 0) pressed_since = now;
  if (pressed_since == std::numeric_limits<double>::infinity()) return false;  // fired; wait for the release
  progress = static_cast<float>(std::min(1.0, (now - pressed_since) / seconds));
  if (now - pressed_since < seconds) return false;
  pressed_since = std::numeric_limits<double>::infinity();
  return true;
}

bool repeat_button(const UiContext& ui, std::string_view id, std::string_view label, ImVec2 size) {
  return button_impl(ui, id, label, size, ButtonStyle::Secondary, true, Chevron::None,
                     ImGuiButtonFlags_PressedOnClick | ImGuiButtonFlags_Repeat);
}

namespace {
constexpr float kButtonPadEm = 0.9f;    // left and right of a button's label
constexpr float kChevronWidthEm = 0.9f;

// A button's filled, rounded frame (outlined when secondary); returns its colours, the text's
// muted when the button cannot be used.
Colours button_frame(const UiContext& ui, const Target& target, ButtonStyle style, bool enabled) {
  const float em = ui.em();
  Colours c = colours_for(ui.palette, style);
  if (!enabled) c.text = ui.palette.text_muted;
  const float rounding = 0.35f * em;
  target.dl->AddRectFilled(target.bb.Min, target.bb.Max, target.held ? c.fill_pressed : c.fill, rounding);
  if (style == ButtonStyle::Secondary)
    target.dl->AddRect(target.bb.Min, target.bb.Max, c.border, rounding, 0, std::max(1.0f, 0.07f * em));
  return c;
}

std::string chip_label(std::string_view label, bool selected) {
  return selected ? std::string(icon::kCheck) + " " + std::string(label) : std::string(label);
}

bool button_impl(const UiContext& ui, std::string_view id, std::string_view label, ImVec2 size, ButtonStyle style,
                 bool enabled, Chevron chevron, ImGuiButtonFlags flags) {
  // A button that cannot be used now is drawn plain: muted text on a filled colour is unreadable.
  if (!enabled) style = ButtonStyle::Secondary;
  const float em = ui.em();
  ImFont* font = ui.fonts.bold;
  const float pad_x = kButtonPadEm * em;
  const float chevron_w = chevron == Chevron::None ? 0.0f : kChevronWidthEm * em;
  ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, begin_of(label), end_of(label));
  text.x += chevron_w;
  if (size.x <= 0) size.x = button_width(ui, label, chevron);
  size.y = std::max(size.y, kMinTargetEm * em);

  const bool clipped = text.x > size.x - 0.5f * em;
  const Target target = touch_target(ui, id, label, size, enabled, clipped, flags, style);
  if (!target.shown) return false;
  const ImRect& bb = target.bb;
  ImDrawList* dl = target.dl;
  const ImU32 text_col = button_frame(ui, target, style, enabled).text;
  if (!clipped) {
    ImVec2 tp(bb.Min.x + (size.x - text.x) * 0.5f, bb.Min.y + (size.y - text.y) * 0.5f);
    draw_chevron(dl, ImVec2(tp.x + 0.3f * em, bb.GetCenter().y), 0.6f * em, chevron, text_col);
    tp.x += chevron_w;
    dl->AddText(font, font->FontSize, tp, text_col, begin_of(label), end_of(label));
  } else {
    const float wrap = size.x - 2 * pad_x * 0.5f;
    const ImVec2 wrapped = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, begin_of(label), end_of(label));
    ImVec2 tp(bb.Min.x + pad_x * 0.5f, bb.Min.y + std::max(0.0f, (size.y - wrapped.y) * 0.5f));
    dl->AddText(font, font->FontSize, tp, text_col, begin_of(label), end_of(label), wrap);
  }
  return target.pressed;
}
}  // namespace

float icon_button_width(const UiContext& ui, std::string_view icon, std::string_view label) {
  ImFont* big = ui.fonts.bold;
  ImFont* small = ui.fonts.small;
  const float w = std::max(big->CalcTextSizeA(big->FontSize, FLT_MAX, 0.0f, begin_of(icon), end_of(icon)).x,
                           small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.0f, begin_of(label), end_of(label)).x);
  return std::max(w + 1.0f * ui.em(), kMinTargetEm * ui.em());
}

bool icon_button(const UiContext& ui, std::string_view id, std::string_view icon, std::string_view label, ImVec2 size,
                 ButtonStyle style, bool enabled) {
  if (!enabled) style = ButtonStyle::Secondary;
  const float em = ui.em();
  ImFont* big = ui.fonts.bold;
  ImFont* small = ui.fonts.small;
  if (size.x <= 0) size.x = icon_button_width(ui, icon, label);
  size.y = std::max(size.y, kMinTargetEm * em);
  const ImVec2 icon_size = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0.0f, begin_of(icon), end_of(icon));
  const ImVec2 label_size = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.0f, begin_of(label), end_of(label));
  const bool clipped = label_size.x > size.x - 0.3f * em || icon_size.y + label_size.y > size.y;
  const Target target = touch_target(ui, id, label, size, enabled, clipped, ImGuiButtonFlags_PressedOnClickRelease, style);
  if (!target.shown) return false;
  const ImRect& bb = target.bb;
  const Colours c = button_frame(ui, target, style, enabled);
  const float top = bb.Min.y + (size.y - icon_size.y - label_size.y) * 0.5f;
  target.dl->AddText(big, big->FontSize, ImVec2(bb.Min.x + (size.x - icon_size.x) * 0.5f, top), c.text, begin_of(icon),
                     end_of(icon));
  target.dl->AddText(small, small->FontSize, ImVec2(bb.Min.x + (size.x - label_size.x) * 0.5f, top + icon_size.y), c.text,
                     begin_of(label), end_of(label));
  return target.pressed;
}

float tag_width(const UiContext& ui, std::string_view text) {
  ImFont* f = ui.fonts.small;
  return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, begin_of(text), end_of(text)).x + 0.6f * ui.em();
}

ImVec2 draw_tag(const UiContext& ui, ImDrawList* dl, ImVec2 pos, std::string_view text) {
  ImFont* f = ui.fonts.small;
  const ImVec2 size(tag_width(ui, text), f->FontSize + 0.2f * ui.em());
  dl->AddRect(pos, ImVec2(pos.x + size.x, pos.y + size.y), ui.palette.text_muted, 0.2f * ui.em(), 0, std::max(1.0f, 0.06f * ui.em()));
  dl->AddText(f, f->FontSize, ImVec2(pos.x + 0.3f * ui.em(), pos.y + 0.1f * ui.em()), ui.palette.text_muted, begin_of(text),
              end_of(text));
  return size;
}

bool card(const UiContext& ui, std::string_view id, std::string_view title, std::string_view line1,
          std::string_view line2, std::string_view tag) {
  const float em = ui.em();
  const float width = ImGui::GetContentRegionAvail().x;
  const float pad = 0.8f * em;
  const float arrow_w = 1.6f * em;
  const float tag_w = tag.empty() ? 0.0f : tag_width(ui, tag) + 0.4f * em;
  const float wrap = width - 2 * pad - arrow_w;
  ImFont* bold = ui.fonts.bold;
  ImFont* body = ui.fonts.body;
  const ImVec2 t = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, wrap - tag_w, begin_of(title), end_of(title));
  const ImVec2 l1 = line1.empty() ? ImVec2() : body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, begin_of(line1), end_of(line1));
  const ImVec2 l2 = line2.empty() ? ImVec2() : body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, begin_of(line2), end_of(line2));
  const float gap = 0.25f * em;
  float height = pad * 2 + t.y + (line1.empty() ? 0 : gap + l1.y) + (line2.empty() ? 0 : gap + l2.y);
  height = std::max(height, kMinTargetEm * em);

  const Target target = touch_target(ui, id, title, ImVec2(width, height), true, false);
  if (WidgetRecord* w = ui.automation.last()) {
    w->role = Role::Link;
    w->value = std::string(line1) + (line2.empty() ? "" : ", " + std::string(line2));
    std::string code(tag);
    for (char& ch : code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (const auto l = lang_from_code(code)) w->lang = *l;  // the title fell back to this language
  }
  if (!target.shown) return false;
  const ImRect& bb = target.bb;
  ImDrawList* dl = target.dl;
  const float rounding = 0.4f * em;
  dl->AddRectFilled(bb.Min, bb.Max, target.held ? ui.palette.surface_pressed : ui.palette.surface, rounding);
  dl->AddRect(bb.Min, bb.Max, ui.palette.border, rounding, 0, std::max(1.0f, 0.06f * em));
  ImVec2 p(bb.Min.x + pad, bb.Min.y + pad);
  add_text_in_view(dl, bold, p, ui.palette.text, title, wrap - tag_w);
  if (!tag.empty()) draw_tag(ui, dl, ImVec2(bb.Max.x - pad - arrow_w - tag_w + 0.4f * em, p.y + 0.1f * em), tag);
  p.y += t.y;
  if (!line1.empty()) {
    p.y += gap;
    add_text_in_view(dl, body, p, ui.palette.text_muted, line1, wrap);
    p.y += l1.y;
  }
  if (!line2.empty()) {
    p.y += gap;
    add_text_in_view(dl, body, p, ui.palette.text_muted, line2, wrap);
  }
  draw_chevron(dl, ImVec2(bb.Max.x - pad - 0.3f * em, bb.GetCenter().y), 0.8f * em, Chevron::Right, ui.palette.primary);
  return target.pressed;
}

bool checkbox(const UiContext& ui, std::string_view id, std::string_view label, bool checked) {
  const float em = ui.em();
  const float width = ImGui::GetContentRegionAvail().x;
  const float box = 1.5f * em;
  const float text_x = box + 0.7f * em;
  ImFont* font = ui.fonts.body;
  const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, width - text_x, begin_of(label), end_of(label));
  const float height = std::max(kMinTargetEm * em, text.y + 0.6f * em);
  const Target target = touch_target(ui, id, label, ImVec2(width, height), true, false);
  if (WidgetRecord* w = ui.automation.last()) {
    w->role = Role::Checkbox;
    w->selected = checked;
  }
  if (!target.shown) return false;
  const ImVec2 pos = target.bb.Min;
  ImDrawList* dl = target.dl;
  const ImVec2 b0(pos.x, pos.y + (height - box) * 0.5f), b1(b0.x + box, b0.y + box);
  dl->AddRectFilled(b0, b1, checked ? ui.palette.accent : ui.palette.surface, 0.2f * em);
  dl->AddRect(b0, b1, checked ? ui.palette.accent : ui.palette.text_muted, 0.2f * em, 0, std::max(2.0f, 0.1f * em));
  if (checked) {  // a tick drawn as strokes, like the chevrons
    const ImVec2 pts[3] = {ImVec2(b0.x + box * 0.22f, b0.y + box * 0.52f), ImVec2(b0.x + box * 0.42f, b0.y + box * 0.72f),
                           ImVec2(b0.x + box * 0.78f, b0.y + box * 0.3f)};
    dl->AddPolyline(pts, 3, ui.palette.on_accent, 0, std::max(2.0f, 0.14f * em));
  }
  dl->AddText(font, font->FontSize, ImVec2(pos.x + text_x, pos.y + (height - text.y) * 0.5f), ui.palette.text, begin_of(label),
              end_of(label), width - text_x);
  return target.pressed;
}

void flow_next(float width) {
  // After an item: stay on this line if the next one fits, else wrap.
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  const float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
  if (x + width <= right) ImGui::SameLine();
}

bool chip(const UiContext& ui, std::string_view id, std::string_view label, bool selected) {
  const bool pressed = button(ui, id, chip_label(label, selected), ImVec2(0, 0), selected ? ButtonStyle::Selected : ButtonStyle::Secondary);
  if (WidgetRecord* w = ui.automation.last()) {
    w->role = Role::Filter;
    w->label.assign(label);  // without the check mark: the state says it
  }
  return pressed;
}

float button_width(const UiContext& ui, std::string_view label, Chevron chevron) {
  ImFont* font = ui.fonts.bold;
  const float text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, begin_of(label), end_of(label)).x;
  return text + (chevron == Chevron::None ? 0.0f : kChevronWidthEm * ui.em()) + 2 * kButtonPadEm * ui.em();
}

float chip_width(const UiContext& ui, std::string_view label, bool selected) {
  return button_width(ui, chip_label(label, selected));
}

bool text_field(const UiContext& ui, std::string_view id, std::string_view text, std::string_view placeholder,
                bool focused, std::string_view icon_glyph, bool personal) {
  const float em = ui.em();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, kMinTargetEm * em);
  const Target target = touch_target(ui, id, text.empty() || personal ? placeholder : text, size, true, false);
  if (WidgetRecord* w = ui.automation.last()) {
    w->role = Role::TextField;
    w->personal = personal;
    w->label.assign(placeholder);
    if (personal) w->chars = static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
    else w->value.assign(text);
  }
  if (!target.shown) return false;
  const ImRect& bb = target.bb;
  ImDrawList* dl = target.dl;
  const float rounding = 0.3f * em;
  dl->AddRectFilled(bb.Min, bb.Max, ui.palette.surface, rounding);
  dl->AddRect(bb.Min, bb.Max, focused ? ui.palette.accent : ui.palette.border, rounding, 0,
              focused ? std::max(2.0f, 0.12f * em) : std::max(1.0f, 0.07f * em));
  ImFont* font = ui.fonts.body;
  float x = bb.Min.x + 0.7f * em;
  const float y = bb.Min.y + (size.y - font->FontSize) * 0.5f;
  if (!icon_glyph.empty()) {
    dl->AddText(font, font->FontSize, ImVec2(x, y), ui.palette.text_muted, begin_of(icon_glyph), end_of(icon_glyph));
    x += 1.6f * em;
  }
  const float right = bb.Max.x - 0.7f * em;
  // Show the end of a long text: that is where the visitor is typing.
  std::string_view shown = text.empty() ? placeholder : text;
  while (!shown.empty() && font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, begin_of(shown), end_of(shown)).x > right - x) {
    size_t cut = 1;
    while (cut < shown.size() && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) ++cut;
    shown.remove_prefix(cut);
  }
  if (!shown.empty())  // ImGui reads a null end as "up to the terminator"; an empty view may have no data at all
    dl->AddText(font, font->FontSize, ImVec2(x, y), text.empty() ? ui.palette.text_muted : ui.palette.text, begin_of(shown),
                end_of(shown));
  if (focused) {
    const float caret_x = text.empty() ? x - 0.25f * em : x + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, begin_of(shown), end_of(shown)).x + 2;
    dl->AddLine(ImVec2(caret_x, y), ImVec2(caret_x, y + font->FontSize), ui.palette.text, std::max(2.0f, 0.08f * em));
  }
  return target.pressed;
}

void add_text_in_view(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 colour, std::string_view text, float wrap) {
  if (text.empty()) return;  // an empty view may have no data; ImGui reads a null end as "to the terminator"
  const ImVec2 lo = dl->GetClipRectMin(), hi = dl->GetClipRectMax();
  const ImVec4 view(lo.x, lo.y, hi.x, hi.y);
  dl->AddText(font, font->FontSize, pos, colour, begin_of(text), end_of(text), wrap, &view);
}

void text_block(std::string_view text) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return;
  // What ImGui::TextEx does for wrapped text, with the draw call above.
  const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
  const float wrap_pos = window->DC.TextWrapPos;
  const float wrap = wrap_pos >= 0.0f ? ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos) : 0.0f;
  const ImVec2 size = ImGui::CalcTextSize(begin_of(text), end_of(text), false, wrap);
  ImGui::ItemSize(size, 0.0f);
  if (!ImGui::ItemAdd(ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y)), 0)) return;
  add_text_in_view(window->DrawList, ImGui::GetFont(), pos, ImGui::GetColorU32(ImGuiCol_Text), text, wrap);
}

void record_text(const UiContext& ui, std::string_view id, std::string_view text) {
  record_text(ui, id, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void record_text(const UiContext& ui, std::string_view id, std::string_view text, ImVec2 min, ImVec2 max) {
  WidgetRecord w = record_of(id, text, ImRect(min, max));
  w.interactive = false;
  w.role = Role::Text;
  ui.automation.record(std::move(w));
}

namespace {
// Text without an id of its own, recorded so the screen reader reads it in its place.
void record_block(const UiContext& ui, std::string_view text, Role role) {
  record_text(ui, ui.automation.next_text_id(), text);
  ui.automation.last()->role = role;
}
}  // namespace

void heading(const UiContext& ui, std::string_view text) {
  ImGui::PushFont(ui.fonts.title);
  ImGui::PushTextWrapPos(0.0f);
  text_block(text);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  record_block(ui, text, Role::Heading);
}

void subheading(const UiContext& ui, std::string_view text) {
  ImGui::Dummy(ImVec2(0, 0.3f * ui.em()));
  ImGui::PushFont(ui.fonts.bold);
  ImGui::PushTextWrapPos(0.0f);
  text_block(text);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  record_block(ui, text, Role::Heading);
}

void paragraph(const UiContext& ui, std::string_view text) {
  ImGui::PushTextWrapPos(0.0f);
  text_block(text);
  ImGui::PopTextWrapPos();
  record_block(ui, text, Role::Text);
}

void muted(const UiContext& ui, std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ui.palette.text_muted);
  paragraph(ui, text);
  ImGui::PopStyleColor();
}

void fact_row(const UiContext& ui, std::string_view label, std::string_view value, float label_width) {
  const float x0 = ImGui::GetCursorPosX();
  const float y0 = ImGui::GetCursorPosY();
  ImGui::PushFont(ui.fonts.bold);
  ImGui::PushTextWrapPos(x0 + label_width - 0.5f * ui.em());
  text_block(label);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  const float y_label_end = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(x0 + label_width, y0));
  ImGui::PushTextWrapPos(0.0f);
  text_block(value);
  ImGui::PopTextWrapPos();
  const ImVec2 value_max = ImGui::GetItemRectMax();
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), y_label_end));
  ImGui::SetCursorPosX(x0);
  // One record for the row, read as "Wo, Hörde".
  const ImVec2 row_min(ImGui::GetWindowPos().x - ImGui::GetScrollX() + x0, ImGui::GetWindowPos().y - ImGui::GetScrollY() + y0);
  record_text(ui, ui.automation.next_text_id(), label, row_min, ImVec2(value_max.x, std::max(value_max.y, row_min.y + ImGui::GetCursorPosY() - y0)));
  ui.automation.last()->value.assign(value);
}

}  // namespace kiosk::ui
