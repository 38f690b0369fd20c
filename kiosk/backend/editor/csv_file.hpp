#pragma once
// Spreadsheets as people really save them (issue 16): UTF-8 with or without a byte order mark,
// ';' (German Excel) or ',' separated, quoted cells with line breaks, and Excel's Windows-1252
// converted with a notice, never read as mojibake. Parsing is libcsv's (Debian libcsv-dev);
// this file decides the bytes around it: encoding, separator, limits, and the cells that a
// spreadsheet would run as a formula when a file goes out again.
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::backend {

// A message in both of the editor's languages.
struct Words {
  std::string de, en;
  const std::string& in(const std::string& lang) const { return lang == "en" ? en : de; }
};

struct CsvLimits {
  size_t max_bytes = 32u << 20;  // 10,000 offers in four languages are about 15 MB
  size_t max_rows = 20000;
  size_t max_columns = 200;
};

struct CsvTable {
  bool ok = false;
  Words refusal;               // why the file cannot be read at all (when !ok)
  std::vector<Words> notices;  // read, but worth saying: "converted from Windows-1252"
  char separator = ';';
  // Every record, the header first; a record's number in a spreadsheet is its index + 1.
  std::vector<std::vector<std::string>> rows;
};

CsvTable read_csv(std::string_view bytes, const CsvLimits& limits = {});

// One record as a line of a ';'-separated file, CRLF-terminated, cells quoted where needed.
// A cell a spreadsheet would evaluate (=, @, +/- before a non-number) is written with a
// leading apostrophe (OWASP's CSV injection advice); read_csv's callers drop it again.
std::string csv_line(const std::vector<std::string>& cells);
// The cell as it was before csv_line guarded it.
std::string unguarded_cell(const std::string& cell);

}  // namespace kiosk::backend
