#pragma once
// The kiosk's accessible tree: what each widget records every frame (kiosk/ui/automation.hpp),
// in reading order. Tests and `--script` find widgets in it by id; the screen reader
// (screen_reader.hpp) speaks it: role, label, value and state, in the language the text is
// shown in. Dear ImGui has no accessibility layer, so this is ours, and it has no ImGui in it.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/lang.hpp"

namespace kiosk {

struct WidgetRect {
  float x = 0, y = 0, w = 0, h = 0;
  float center_x() const { return x + w * 0.5f; }
  float center_y() const { return y + h * 0.5f; }
  bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

// What a widget is, as a screen reader says it ("Knopf", "Filter", "Eingabefeld").
enum class Role {
  Button,    // does something or opens a screen
  Switch,    // on or off (large text, contrast, a language)
  Link,      // a card that opens an offer's or a unit's page
  Filter,    // a filter chip
  Checkbox,  // the form's consent and age
  TextField,
  Key,       // a key of the on-screen keyboard or the PIN pad
  Heading,
  Text,
  Alert,     // said as soon as it appears: a form's error, the idle question
  Image,
};

struct WidgetRecord {
  std::string id;
  std::string label;
  WidgetRect rect;     // the whole widget, in screen pixels
  WidgetRect visible;  // the part not clipped by a scrolling region (w or h 0 when hidden)
  Role role = Role::Button;
  std::string value;   // said after the label: "48 Angebote" on a button, a field's text
  Lang lang = Lang::De;  // the language of label and value (content may fall back to German)
  bool enabled = true;
  bool clipped_label = false;  // the label did not fit its widget
  bool primary = false;        // drawn as the screen's main action (filled in the primary colour)
  bool selected = false;       // a switch or chip that is on, a group that is open, a box ticked
  bool interactive = true;     // false: text a screen says (recorded by record_text), not a target
  bool personal = false;       // a field the visitor types personal data into: its text is never
                               // recorded; `chars` says how long it is
  size_t chars = 0;
  bool is_visible() const { return visible.w > 0 && visible.h > 0; }
};

// One piece of speech in one language; an utterance may switch language between parts
// ("Knopf" in Ukrainian, then an offer's title that falls back to German).
struct SpokenPart {
  std::string text;
  Lang lang = Lang::De;
};
struct Utterance {
  std::vector<SpokenPart> parts;
  bool empty() const { return parts.empty(); }
  std::string text() const;  // the parts joined by ", " (logs and tests)
  void add(std::string_view text, Lang lang);
};

// The words a screen reader adds to labels, in the UI's language: role names, states, "7
// Zeichen". `word(key)` looks up a UI string (content/strings.json, "a11y.*").
struct ReaderWords {
  virtual ~ReaderWords() = default;
  virtual std::string word(std::string_view key) const = 0;
  virtual Lang lang() const = 0;
};

// What the reader says for a widget. A personal field's text is said only when `private_text`
// is given (speech goes to headphones); on the loudspeaker it is "Eingabefeld, Vorname, 7 Zeichen".
Utterance describe(const WidgetRecord& w, const ReaderWords& words, const std::string* private_text = nullptr);

}  // namespace kiosk
