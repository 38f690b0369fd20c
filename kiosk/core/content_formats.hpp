#pragma once
// The formats of content fields (content/SCHEMA.md), one predicate each: the parser, kioskctl
// and the editor check a field the same way. Each says yes or no; the words for "what was
// expected" live beside the field in the schema (content_schema.cpp).
#include <string_view>

namespace kiosk {

bool is_id(std::string_view s);              // lowercase letters, digits, hyphens; at most 64
bool is_date(std::string_view s);            // 2026-03-01, a day of the calendar
bool is_as_of(std::string_view s);           // a fact's date: 2020, 2020-05 or 2020-05-31
bool is_rfc3339(std::string_view s);         // 2026-11-01T09:30:00+01:00
bool is_email(std::string_view s);
bool is_phone(std::string_view s);           // digits, spaces and + - / ( ); at least five digits
bool is_https_url(std::string_view s);
bool is_language_code(std::string_view c);   // two lowercase letters
// A picture in the content's media/ folder: a plain file name, never a path that climbs out.
bool is_media_name(std::string_view s);
inline constexpr const char* kImageExpected =
    "a picture in media/ such as media/rathaus.jpg (.png, .jpg or .jpeg; no folders, no \"..\")";

}  // namespace kiosk
