#pragma once
// Wall-clock time as the program writes and reads it: seconds since the epoch (what expiry,
// heartbeats, lockouts and fact dates are measured in), RFC 3339 in files and on the wire, and
// the local time the counter reads. One reader for RFC 3339 in the whole program: the manifest,
// the content's `updated_at` and `as_of`, the outbox and the backend all parse through it.
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

// The wall clock in seconds since the epoch: what expiry, heartbeats and lockouts are measured in.
int64_t epoch_now();

// RFC 3339 ↔ seconds since the epoch (UTC); -1 when the text is not a time.
int64_t parse_rfc3339(std::string_view text);
// Is this a day of the Gregorian calendar (2030-02-31 is not)?
bool is_calendar_date(int year, int month, int day);
std::string format_rfc3339(int64_t epoch_seconds);
// Local wall-clock time as the counter reads it: "03.12.2026 11:00".
std::string format_local_time(int64_t epoch_seconds);
// The local calendar day, "2026-12-03": what an offer's valid_until is compared with.
std::string local_date(int64_t epoch_seconds);

}  // namespace kiosk
