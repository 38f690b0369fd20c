#include "kiosk/core/accessible_tree.hpp"

#include "kiosk/core/offer_format.hpp"

namespace kiosk {

std::string Utterance::text() const {
  std::string out;
  for (const SpokenPart& p : parts) {
    if (!out.empty()) out += ", ";
    out += p.text;
  }
  return out;
}

// Pictograms (Font Awesome, in Unicode's private use area U+E000–U+F8FF) are drawn beside words
// that say the same; a synthesiser would spell them out or stumble, so they are left out.
void Utterance::add(std::string_view text, Lang lang) {
  std::string clean;
  clean.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c == 0xEE || (c == 0xEF && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA4)) && i + 2 < text.size()) {
      i += 2;
      continue;
    }
    clean.push_back(text[i]);
  }
  const size_t first = clean.find_first_not_of(' ');
  if (first == std::string::npos) return;
  clean = clean.substr(first, clean.find_last_not_of(' ') - first + 1);
  parts.push_back({std::move(clean), lang});
}

namespace {

const char* role_key(Role role) {
  switch (role) {
    case Role::Button: return "a11y.role.button";
    case Role::Switch: return "a11y.role.switch";
    case Role::Link: return "a11y.role.link";
    case Role::Filter: return "a11y.role.filter";
    case Role::Checkbox: return "a11y.role.checkbox";
    case Role::TextField: return "a11y.role.field";
    case Role::Key: return nullptr;  // a key says its letter only, as phones do: the visitor types by ear
    case Role::Heading: return "a11y.role.heading";
    case Role::Image: return "a11y.role.image";
    case Role::Text:
    case Role::Alert: return nullptr;
  }
  return nullptr;
}

}  // namespace

Utterance describe(const WidgetRecord& w, const ReaderWords& words, const std::string* private_text) {
  Utterance u;
  const Lang ui = words.lang();
  if (const char* key = role_key(w.role)) u.add(words.word(key), ui);
  u.add(w.label, w.lang);
  if (w.personal) {
    if (w.chars == 0) u.add(words.word("a11y.empty"), ui);
    else if (private_text != nullptr) u.add(*private_text, ui);
    else u.add(fill(words.word("a11y.chars"), std::to_string(w.chars)), ui);
  } else {
    u.add(w.value, w.lang);
  }
  if (w.role == Role::Switch || w.role == Role::Filter) u.add(words.word(w.selected ? "a11y.selected" : "a11y.not_selected"), ui);
  if (w.role == Role::Checkbox) u.add(words.word(w.selected ? "a11y.checked" : "a11y.not_checked"), ui);
  if (w.interactive && !w.enabled) u.add(words.word("a11y.unavailable"), ui);
  return u;
}

}  // namespace kiosk
