#pragma once
// JSON objects with the same key twice. The standard leaves them undefined, and parsers differ:
// nlohmann keeps the last value, simdjson's lookup the first, so one signed document could be
// read two ways. Both the manifest and the content document refuse them.
#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// The JSON path of the first object key that repeats in `text` (nlohmann's SAX reader; for
// small documents such as the manifest), or nothing. Says nothing about validity otherwise.
std::optional<std::string> first_duplicate_key(std::string_view text);

// The same for a document simdjson has already parsed (content documents of many MB).
std::optional<std::string> first_duplicate_key(const simdjson::dom::element& root);

}  // namespace kiosk
