// libFuzzer: a form body a signed-in browser (or anyone with a stolen session) can send to the
// editor, read into an offer's and a unit's JSON, compared and turned back into field problems.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/backend/editor/content_form.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kiosk::backend;
  const std::string body(reinterpret_cast<const char*>(data), size);
  const FormValues form = parse_form(body);
  for (const char* kind : {"offers", "units"}) {
    const nlohmann::json before{{"id", "x"}, {"title", {{"de", "T"}}}, {"contact", nlohmann::json::object()}};
    const nlohmann::json after = apply_form(kind, before, form);
    changed_fields(kind, before, after);
    missing_translations(kind, after);
    // The form's own words as problem paths: placing them never goes out of bounds.
    kiosk::Problems problems;
    for (const auto& [name, value] : form) problems.push_back({"content", "$." + std::string(kind) + "[0]." + name, "x", value, ""});
    problems_of_item(kind, 0, problems);
    after.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  url_encode(body);
  return 0;
}
