#include "kiosk/core/offer_format.hpp"

#include <array>

namespace kiosk {
namespace {

std::string joined(const std::vector<std::string>& parts, std::string_view sep = ", ") {
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) s += sep;
    s += parts[i];
  }
  return s;
}

std::string key_text(const ContentSnapshot& c, std::string_view prefix, std::string_view id, Lang lang) {
  return std::string(c.text(std::string(prefix) + std::string(id), lang));
}

}  // namespace

std::string fill(std::string_view templ, std::string_view value) {
  std::string s(templ);
  if (auto pos = s.find("{n}"); pos != std::string::npos) s.replace(pos, 3, value);
  return s;
}

std::string commitment_label(const ContentSnapshot& c, Commitment v, Lang lang) {
  return key_text(c, "commitment.", commitment_id(v), lang);
}

std::string police_certificate_label(const ContentSnapshot& c, PoliceCertificate v, Lang lang) {
  return key_text(c, "police.", police_certificate_id(v), lang);
}

std::string time_slots_label(const ContentSnapshot& c, const Offer& o, Lang lang) {
  if (o.time_slots.empty()) return key_text(c, "", "slot.any", lang);
  std::vector<std::string> parts;
  for (TimeSlot t : o.time_slots) parts.push_back(key_text(c, "slot.", time_slot_id(t), lang));
  return joined(parts);
}

std::string hours_label(const ContentSnapshot& c, const Offer& o, Lang lang) {
  return fill(c.text("offer.hours_value", lang), std::to_string(o.hours_per_month));
}

std::string minimum_age_label(const ContentSnapshot& c, const Offer& o, Lang lang) {
  if (o.minimum_age <= 0) return std::string(c.text("offer.no_minimum_age", lang));
  return fill(c.text("offer.age_value", lang), std::to_string(o.minimum_age));
}

std::string format_date(std::string_view d, Lang lang) {
  if (d.size() != 10) return std::string(d);
  const std::string day(d.substr(8, 2)), month(d.substr(5, 2)), year(d.substr(0, 4));
  if (lang == Lang::En) {
    static constexpr std::array<const char*, 12> names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int m = std::stoi(month);
    return std::to_string(std::stoi(day)) + " " + names[static_cast<size_t>((m >= 1 && m <= 12) ? m - 1 : 0)] + " " + year;
  }
  return day + "." + month + "." + year;
}

std::string period_label(const ContentSnapshot& c, const Offer& o, Lang lang) {
  if (o.start_date.empty() && o.end_date.empty()) return std::string(c.text("offer.ongoing", lang));
  if (o.end_date.empty()) return fill(c.text("offer.from_date", lang), format_date(o.start_date, lang));
  if (o.start_date.empty()) return fill(c.text("offer.until_date", lang), format_date(o.end_date, lang));
  return format_date(o.start_date, lang) + " \xE2\x80\x93 " + format_date(o.end_date, lang);  // en dash
}

std::string district_label(const ContentSnapshot& c, const Offer& o, Lang lang) {
  const District* d = c.find_district(o.district);
  return d ? d->name.get(lang) : o.district;
}

std::string languages_label(const ContentSnapshot& c, const Offer& o, Lang lang) {
  std::vector<std::string> parts;
  for (const auto& code : o.languages) {
    const std::string key = "language." + code;
    std::string_view name = c.text(key, lang);
    parts.emplace_back(name == key ? code : std::string(name));
  }
  return joined(parts);
}

std::string audiences_label(const ContentSnapshot& c, const Offer& o, Lang lang) {
  std::vector<std::string> parts;
  for (const auto& id : o.suitable_for)
    if (const Audience* a = c.find_audience(id)) parts.push_back(a->name.get(lang));
  return joined(parts);
}

std::string categories_label(const ContentSnapshot& c, const Offer& o, Lang lang) {
  std::vector<std::string> parts;
  for (const auto& id : o.categories)
    if (const Category* cat = c.find_category(id)) parts.push_back(cat->name.get(lang));
  return joined(parts);
}

}  // namespace kiosk
