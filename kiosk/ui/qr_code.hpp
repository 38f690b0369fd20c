#pragma once
// QR codes that take a page to the visitor's phone, drawn as rectangles (crisp at any size,
// no texture). Encoding happens once per address, not per frame.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {

struct QrMatrix {
  int size = 0;               // modules per side, 0 when encoding failed
  std::vector<bool> modules;  // row by row, true = dark
};

// Encodes with libqrencode (error correction M). Cached by address.
const QrMatrix& qr_for(std::string_view text);

// Draws the code `side` pixels wide with its quiet zone, dark on white in every theme (phone
// cameras expect that), and records it under `id`.
void qr_code(const UiContext& ui, std::string_view id, std::string_view text, float side);

}  // namespace kiosk::ui
