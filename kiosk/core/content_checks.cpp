#include "kiosk/core/content_checks.hpp"

#include <map>
#include <string>

#include "kiosk/core/ui_keys.hpp"

namespace kiosk::content_internal {
namespace {

void add_problem(Parsed& p, const Where& at, const std::string& field, std::string expected, std::string found) {
  p.problems.push_back({std::string(at.file), at.path + field, std::move(expected), std::move(found), at.subject});
}

template <class T>
void check_unique(Parsed& p, const std::vector<T>& items, const char* kind) {
  std::map<std::string, size_t> first;
  const auto& origins = p.origins[kind];
  for (size_t i = 0; i < items.size() && i < origins.size(); ++i) {
    if (items[i].id.empty()) continue;
    auto [it, inserted] = first.emplace(items[i].id, i);
    if (!inserted) {
      const Where& o = origins[it->second];
      add_problem(p, origins[i], ".id", std::string("an id no other ") + kind + " has",
                  in_quotes(items[i].id) + ", already used at " + std::string(o.file) + ": " + o.path);
    }
  }
}

template <class T>
std::string known_ids(const std::vector<T>& items) {
  std::string s;
  for (size_t i = 0; i < items.size() && i < 14; ++i) s += (i ? ", " : "") + items[i].id;
  if (items.size() > 14) s += ", …";
  return s;
}

void check_references(Parsed& p) {
  ContentSnapshot& s = *p.snapshot;
  const auto& unit_origins = p.origins["unit"];
  for (size_t i = 0; i < s.units.size() && i < unit_origins.size(); ++i) {
    const Unit& u = s.units[i];
    if (!u.parent.empty() && s.find_unit(u.parent) == nullptr)
      add_problem(p, unit_origins[i], ".parent", "the id of a unit (" + known_ids(s.units) + ")", in_quotes(u.parent));
    if (!u.parent.empty() && u.parent == u.id)
      add_problem(p, unit_origins[i], ".parent", "another unit's id", "the unit's own id");
  }
  const auto& offer_origins = p.origins["offer"];
  for (size_t i = 0; i < s.offers.size() && i < offer_origins.size(); ++i) {
    const Offer& o = s.offers[i];
    const Where& at = offer_origins[i];
    if (!o.unit.empty() && s.find_unit(o.unit) == nullptr)
      add_problem(p, at, ".unit", "the id of a unit (" + known_ids(s.units) + ")", in_quotes(o.unit));
    for (size_t c = 0; c < o.categories.size(); ++c)
      if (s.find_category(o.categories[c]) == nullptr)
        add_problem(p, at, ".categories[" + std::to_string(c) + "]",
                    "a category id (" + known_ids(s.categories) + ")", in_quotes(o.categories[c]));
    const District* d = o.district.empty() ? nullptr : s.find_district(o.district);
    if (!o.district.empty() && d == nullptr)
      add_problem(p, at, ".district", "a district id (" + known_ids(s.districts) + ")", in_quotes(o.district));
    if (d != nullptr && d->kind == DistrictKind::Online && !o.remote)
      add_problem(p, at, ".remote", "true for an offer in the online district", "false");
    for (size_t a = 0; a < o.suitable_for.size(); ++a)
      if (s.find_audience(o.suitable_for[a]) == nullptr)
        add_problem(p, at, ".suitable_for[" + std::to_string(a) + "]",
                    "an audience id (" + known_ids(s.audiences) + ")", in_quotes(o.suitable_for[a]));
  }
}

}  // namespace

void check_whole(Parsed& p, const std::vector<SourceView>& sources, const ContentSnapshot* fallback) {
  ContentSnapshot& s = *p.snapshot;
  s.index();
  check_unique(p, s.categories, "category");
  check_unique(p, s.districts, "district");
  check_unique(p, s.audiences, "audience");
  check_unique(p, s.units, "unit");
  check_unique(p, s.offers, "offer");
  check_references(p);
  if (p.unreadable) return;

  // Bundle-wide gaps are reported against the file that holds the section, when there is one.
  std::string bundle = sources.size() == 1 ? std::string(sources[0].name) : "(bundle)";
  const auto& string_origins = p.origins["string"];
  const std::string strings_file = string_origins.empty() ? bundle : std::string(string_origins.front().file);
  if (!p.meta_seen) p.problems.push_back({bundle, "$.meta", "a \"meta\" section with the bundle's title", describe(std::nullopt), ""});
  if (p.meta_seen && s.meta.privacy_version.empty()) {
    if (fallback != nullptr && !fallback->meta.privacy_version.empty()) {
      s.meta.privacy_version = fallback->meta.privacy_version;
      if (s.meta.privacy_url.empty()) s.meta.privacy_url = fallback->meta.privacy_url;
    } else {
      p.problems.push_back({bundle, "$.meta.privacy_version", "the version of the privacy notice (recorded with every consent)",
                            describe(std::nullopt), ""});
    }
  }
  if (s.units.empty()) p.problems.push_back({bundle, "$.units", "at least one unit", "none", ""});
  if (s.districts.empty()) p.problems.push_back({bundle, "$.districts", "the districts offers refer to", "none", ""});
  for (std::string_view key : kRequiredUiKeys) {
    auto it = s.strings.find(key);
    if (it != s.strings.end() && it->second.has(Lang::De)) continue;
    if (fallback != nullptr) {  // a string this kiosk knows and the bundle's author did not yet
      const auto f = fallback->strings.find(key);
      if (f != fallback->strings.end() && f->second.has(Lang::De)) {
        s.strings[std::string(key)] = f->second;
        continue;
      }
    }
    p.problems.push_back({strings_file, "$.strings.de." + std::string(key), "the German UI string the screens need",
                          describe(std::nullopt), ""});
  }
}

}  // namespace kiosk::content_internal
