#pragma once
#include <string>
#include <vector>

namespace kiosk {

// One thing wrong with an input file, phrased so that the person who edits the file can find
// and fix it: which file, where in it (a JSON path such as `$.offers[3].district`), what the
// kiosk expected there and what it found instead.
struct Problem {
  std::string file;
  std::string path;
  std::string expected;
  std::string found;
  std::string subject;  // optional: the item the path points into, e.g. `offer "lesepaten-hoerde"`

  std::string to_string() const {
    std::string s = file + ": " + path;
    if (!subject.empty()) s += " (" + subject + ")";
    return s + ": expected " + expected + ", found " + found;
  }
};

using Problems = std::vector<Problem>;

}  // namespace kiosk
