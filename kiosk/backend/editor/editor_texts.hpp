#pragma once
// The editor's own words in German (first) and English, by key; templates read them as
// {{t.key}}. Content texts are not here: they are the content.
#include <nlohmann/json.hpp>
#include <string>

namespace kiosk::backend {

// "de" or "en" from an Accept-Language header: English only when the browser prefers it.
std::string editor_language(const std::string& accept_language);
// Every text in `lang` ("de" or "en"), as a JSON object for templates.
const nlohmann::json& editor_texts(const std::string& lang);
// One text, for messages built in code.
std::string editor_text(const std::string& lang, const std::string& key);
// A stored time (RFC 3339, UTC) as staff read it: the server's local time, "30.11.2026 21:43".
std::string shown_time(const std::string& rfc3339);

}  // namespace kiosk::backend
