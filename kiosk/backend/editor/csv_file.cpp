#include "kiosk/backend/editor/csv_file.hpp"

#include <csv.h>

#include <algorithm>
#include <cstdint>

#include "kiosk/core/text_fold.hpp"

namespace kiosk::backend {

namespace {

const char kSaveAsUtf8De[] =
    "Speichern Sie die Tabelle in Excel mit „Datei › Speichern unter › CSV UTF-8 (durch Trennzeichen getrennt)“, "
    "in LibreOffice mit „Zeichensatz: Unicode (UTF-8)“, und laden Sie sie erneut.";
const char kSaveAsUtf8En[] =
    "Save the sheet in Excel with \"File › Save As › CSV UTF-8 (Comma delimited)\", in LibreOffice with "
    "\"Character set: Unicode (UTF-8)\", and upload it again.";

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = 0;
    uint32_t cp = 0, min = 0;
    if ((c & 0xE0) == 0xC0) n = 1, cp = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) n = 2, cp = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) n = 3, cp = c & 0x07, min = 0x10000;
    else return false;
    if (i + n >= s.size()) return false;  // cut off at the end
    for (size_t k = 1; k <= n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

// Windows-1252's 0x80–0x9F; 0 where the code page has no character (then it is not 1252).
constexpr uint16_t kCp1252High[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                      0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

bool from_cp1252(std::string_view s, std::string& out) {
  out.clear();
  out.reserve(s.size() + s.size() / 8);
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) out.push_back(ch);
    else if (c < 0xA0) {
      if (kCp1252High[c - 0x80] == 0) return false;
      append_utf8(out, static_cast<char32_t>(kCp1252High[c - 0x80]));
    } else {
      append_utf8(out, static_cast<char32_t>(c));  // Latin-1 from 0xA0 on
    }
  }
  return true;
}

// The separator the header line uses most, outside quotes: ';' from a German Excel, ',' from
// most other programs, a tab from a copy out of a sheet.
char detect_separator(std::string_view text) {
  size_t semi = 0, comma = 0, tab = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    semi += c == ';';
    comma += c == ',';
    tab += c == '\t';
  }
  if (tab > semi && tab > comma) return '\t';
  return comma > semi ? ',' : ';';
}

struct Collector {
  const CsvLimits& limits;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  bool too_wide = false, too_long = false;
};

void on_cell(void* data, size_t len, void* self) {
  auto& c = *static_cast<Collector*>(self);
  if (c.row.size() >= c.limits.max_columns) {
    c.too_wide = true;
    return;
  }
  std::string cell(data ? static_cast<const char*>(data) : "", data ? len : 0);
  cell.erase(std::remove(cell.begin(), cell.end(), '\r'), cell.end());  // Windows line breaks inside a cell
  c.row.push_back(std::move(cell));
}

void on_row(int, void* self) {
  auto& c = *static_cast<Collector*>(self);
  if (c.rows.size() > c.limits.max_rows) c.too_long = true;
  else c.rows.push_back(std::move(c.row));
  c.row.clear();
}

bool formula_like(const std::string& cell) {
  if (cell.empty()) return false;
  const char c = cell[0];
  if (c == '=' || c == '@' || c == '\t' || c == '\r') return true;
  if (c != '+' && c != '-') return false;
  // "+49 231 50-0" or "-5" is a number to a spreadsheet, never a formula.
  return !std::all_of(cell.begin() + 1, cell.end(), [](char d) {
    return (d >= '0' && d <= '9') || d == ' ' || d == '/' || d == '-' || d == '(' || d == ')' || d == '.';
  });
}

}  // namespace

CsvTable read_csv(std::string_view bytes, const CsvLimits& limits) {
  CsvTable t;
  if (bytes.size() > limits.max_bytes) {
    const std::string mb = std::to_string(limits.max_bytes >> 20);
    t.refusal = {"Die Datei ist größer als " + mb + " MB. Teilen Sie sie in mehrere Dateien.",
                 "The file is larger than " + mb + " MB. Split it into several files."};
    return t;
  }
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    t.refusal = {std::string("Die Datei ist als „Unicode-Text“ (UTF-16) gespeichert. ") + kSaveAsUtf8De,
                 std::string("The file is saved as \"Unicode text\" (UTF-16). ") + kSaveAsUtf8En};
    return t;
  }
  std::string text;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.find('\0') != std::string_view::npos) {
    t.refusal = {std::string("Die Datei ist keine Textdatei (sie enthält Nullbytes). ") + kSaveAsUtf8De,
                 std::string("The file is not text (it contains zero bytes). ") + kSaveAsUtf8En};
    return t;
  }
  if (valid_utf8(bytes)) {
    text.assign(bytes);
  } else if (from_cp1252(bytes, text)) {
    t.notices.push_back({std::string("Die Datei war nicht als UTF-8 gespeichert, sondern im Windows-Zeichensatz (Windows-1252). "
                                     "Sie wurde umgewandelt; prüfen Sie Umlaute in der Vorschau. Künftig: ") + kSaveAsUtf8De,
                         std::string("The file was not saved as UTF-8 but in the Windows character set (Windows-1252). "
                                     "It was converted; check umlauts in the preview. Next time: ") + kSaveAsUtf8En});
  } else {
    t.refusal = {std::string("Die Zeichen der Datei sind weder UTF-8 noch Windows-1252; so würden Umlaute falsch übernommen. ") + kSaveAsUtf8De,
                 std::string("The file's characters are neither UTF-8 nor Windows-1252; umlauts would come out wrong. ") + kSaveAsUtf8En};
    return t;
  }

  t.separator = detect_separator(text);
  csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    t.refusal = {"Kein Speicher zum Lesen der Datei.", "No memory to read the file."};
    return t;
  }
  csv_set_delim(&p, static_cast<unsigned char>(t.separator));
  Collector c{limits, {}, {}};
  const size_t read = csv_parse(&p, text.data(), text.size(), on_cell, on_row, &c);
  const bool parsed = read == text.size() && csv_fini(&p, on_cell, on_row, &c) == 0;
  csv_free(&p);
  if (!parsed) {
    const std::string at = std::to_string(c.rows.size() + 1);
    t.refusal = {"Die Datei ist ab Zeile " + at + " nicht lesbar: ein Anführungszeichen ist nicht geschlossen oder steht mitten in einer Zelle. "
                 "Speichern Sie die Datei aus der Tabellenkalkulation neu.",
                 "The file cannot be read from row " + at + " on: a quotation mark is not closed or stands inside a cell. "
                 "Save the file again from the spreadsheet."};
    return t;
  }
  if (c.too_long || c.too_wide) {
    t.refusal = {"Die Datei hat mehr als " + std::to_string(limits.max_rows) + " Zeilen oder " + std::to_string(limits.max_columns) +
                     " Spalten. Teilen Sie sie in mehrere Dateien.",
                 "The file has more than " + std::to_string(limits.max_rows) + " rows or " + std::to_string(limits.max_columns) +
                     " columns. Split it into several files."};
    return t;
  }
  if (c.rows.empty()) {
    t.refusal = {"Die Datei ist leer.", "The file is empty."};
    return t;
  }
  t.rows = std::move(c.rows);
  t.ok = true;
  return t;
}

std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) {
    const std::string cell = formula_like(cells[i]) ? "'" + cells[i] : cells[i];
    if (i > 0) out.push_back(';');
    if (cell.find_first_of(";\"\n\r,") == std::string::npos && (cell.empty() || (cell.front() != ' ' && cell.back() != ' '))) {
      out += cell;
      continue;
    }
    out.push_back('"');
    for (const char c : cell) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  return out + "\r\n";
}

std::string unguarded_cell(const std::string& cell) {
  if (cell.size() >= 2 && cell[0] == '\'' && formula_like(cell.substr(1))) return cell.substr(1);
  return cell;
}

}  // namespace kiosk::backend
