#pragma once
// Words for an offer's facts in the visitor's language ("regelmäßig", "8 Stunden pro Monat",
// "ab 16 Jahren"), built from the content's UI strings. Kept out of the screens so the same
// phrasing serves the list, the detail and the tests.
#include <string>
#include <string_view>

#include "kiosk/core/content.hpp"

namespace kiosk {

// Replaces "{n}" in a template; the template comes from UI strings so word order is the translator's.
std::string fill(std::string_view templ, std::string_view value);

std::string commitment_label(const ContentSnapshot& c, Commitment v, Lang lang);
std::string police_certificate_label(const ContentSnapshot& c, PoliceCertificate v, Lang lang);
std::string time_slots_label(const ContentSnapshot& c, const Offer& o, Lang lang);
std::string hours_label(const ContentSnapshot& c, const Offer& o, Lang lang);
std::string minimum_age_label(const ContentSnapshot& c, const Offer& o, Lang lang);
std::string period_label(const ContentSnapshot& c, const Offer& o, Lang lang);
std::string district_label(const ContentSnapshot& c, const Offer& o, Lang lang);
std::string languages_label(const ContentSnapshot& c, const Offer& o, Lang lang);
std::string audiences_label(const ContentSnapshot& c, const Offer& o, Lang lang);
std::string categories_label(const ContentSnapshot& c, const Offer& o, Lang lang);
std::string format_date(std::string_view iso_date, Lang lang);  // 2026-03-01 → 01.03.2026 / 1 Mar 2026

}  // namespace kiosk
