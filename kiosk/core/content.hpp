#pragma once
// The content model: what the city publishes and the kiosk shows. Plain data, immutable once
// built; the app shares one ContentSnapshot between screens and swaps it as a whole when new
// content arrives, so a screen never sees half of an update.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kiosk/core/localized_text.hpp"

namespace kiosk {

inline constexpr const char* kContentSchema = "berswordt-kiosk-content/1";

struct Category {
  std::string id;
  LocalizedText name;
  std::string icon;  // pictogram name, see content/SCHEMA.md
};

enum class DistrictKind { Borough, Citywide, Online };

struct District {
  std::string id;
  LocalizedText name;
  DistrictKind kind = DistrictKind::Borough;
};

struct Audience {  // "suitable for"
  std::string id;
  LocalizedText name;
};

struct Contact {
  LocalizedText name;  // functional, e.g. "Team Lesepaten" – never a private person
  std::string email;
  std::string phone;
  std::string url;
  std::string address;
  LocalizedText hours;
  // The city's general line (switchboard, homepage): shown, but never taken for a unit's own contact.
  bool general_line = false;
  // Does it name any way to reach someone (address, phone, email, web)?
  bool reachable() const { return !email.empty() || !phone.empty() || !url.empty() || !address.empty(); }
};

struct Fact {
  LocalizedText label;
  LocalizedText value;
  // When the figure was stated by its source ("2020", "2025-05" or "2025-05-09"); empty for
  // facts that do not age (a name, a motto). Shown as "Stand …".
  std::string as_of;
};

struct Unit {
  std::string id;
  LocalizedText name;
  LocalizedText summary;
  LocalizedText description;
  std::string parent;  // id of the unit this one belongs to, or empty
  std::vector<Fact> facts;
  std::vector<LocalizedText> topics;
  Contact contact;
  std::string url;
  std::string image;
  LocalizedText image_alt;  // what the picture shows, read aloud by the screen reader
};

enum class Commitment { OneOff, FixedTerm, Regular, Flexible };
enum class PoliceCertificate { None, Standard, Extended };
enum class TimeSlot { WeekdayMorning, WeekdayAfternoon, WeekdayEvening, Weekend };

struct Offer {
  std::string id;
  LocalizedText title;
  LocalizedText summary;
  LocalizedText description;
  std::string organisation;
  std::string unit;  // the unit that lists the offer
  std::vector<std::string> categories;
  std::string district;
  std::string address;
  bool remote = false;
  Commitment commitment = Commitment::Flexible;
  int hours_per_month = 0;
  std::vector<TimeSlot> time_slots;
  std::string start_date;  // YYYY-MM-DD or empty
  std::string end_date;    // YYYY-MM-DD or empty
  // The last day the kiosk lists the offer (YYYY-MM-DD, by the kiosk's own local clock), or
  // empty. Unlike end_date, which tells visitors when the work ends, this is the agency's
  // promise that the listing is current: from the next day on, no screen shows it.
  std::string valid_until;
  int minimum_age = 0;
  PoliceCertificate police_certificate = PoliceCertificate::None;
  std::vector<std::string> languages;  // ISO 639-1 codes the work can be done in
  LocalizedText accessibility;
  std::vector<std::string> suitable_for;
  LocalizedText benefits;
  Contact contact;
  std::string url;
  std::string updated_at;  // RFC 3339
  bool featured = false;
  std::string image;
  LocalizedText image_alt;  // what the picture shows, read aloud by the screen reader
};

struct ContentMeta {
  LocalizedText title;
  bool sample_data = false;
  LocalizedText notice;
  std::string privacy_version;  // recorded with every registration's consent
  std::string privacy_url;      // the full notice online (QR code)
  FallbackChains fallback;      // which language to show a text in that lacks the visitor's
};

// UI strings by key, each in up to four languages.
using UiStringTable = std::map<std::string, LocalizedText, std::less<>>;

struct ContentSnapshot {
  ContentMeta meta;
  std::vector<Category> categories;
  std::vector<District> districts;
  std::vector<Audience> audiences;
  std::vector<Unit> units;
  std::vector<Offer> offers;
  UiStringTable strings;

  const Unit* find_unit(std::string_view id) const;
  const Offer* find_offer(std::string_view id) const;
  const Category* find_category(std::string_view id) const;
  const District* find_district(std::string_view id) const;
  const Audience* find_audience(std::string_view id) const;

  // The UI string for `key` in `lang`, falling back to German; the key itself when even German
  // lacks it, so a gap shows up on screen instead of an empty button. Keys are literals, so the
  // returned view outlives the call either way.
  std::string_view text(std::string_view key, Lang lang) const;
  // Each language by its own name ("Türkçe", "Українська"): the UI string lang.name.
  std::string_view language_name(Lang lang) const { return text("lang.name", lang); }

  // Builds the id lookups; called once by the parser before the snapshot is shared.
  void index();

 private:
  std::unordered_map<std::string, size_t> unit_index_;
  std::unordered_map<std::string, size_t> offer_index_;
};

using SnapshotPtr = std::shared_ptr<const ContentSnapshot>;

// Each fixed choice's id in content files, filters and scripts, in the order editors and
// screens list them: the one place the spellings live.
template <class E, size_t N>
using ChoiceIds = std::array<std::pair<std::string_view, E>, N>;
inline constexpr ChoiceIds<DistrictKind, 3> kDistrictKinds{
    {{"borough", DistrictKind::Borough}, {"citywide", DistrictKind::Citywide}, {"online", DistrictKind::Online}}};
inline constexpr ChoiceIds<Commitment, 4> kCommitments{{{"one-off", Commitment::OneOff},
                                                        {"fixed-term", Commitment::FixedTerm},
                                                        {"regular", Commitment::Regular},
                                                        {"flexible", Commitment::Flexible}}};
inline constexpr ChoiceIds<PoliceCertificate, 3> kPoliceCertificates{
    {{"none", PoliceCertificate::None}, {"standard", PoliceCertificate::Standard}, {"extended", PoliceCertificate::Extended}}};
inline constexpr ChoiceIds<TimeSlot, 4> kTimeSlots{{{"weekday-morning", TimeSlot::WeekdayMorning},
                                                    {"weekday-afternoon", TimeSlot::WeekdayAfternoon},
                                                    {"weekday-evening", TimeSlot::WeekdayEvening},
                                                    {"weekend", TimeSlot::Weekend}}};

template <class E, size_t N>
constexpr std::string_view choice_id(const ChoiceIds<E, N>& ids, E value) {
  for (const auto& [id, v] : ids)
    if (v == value) return id;
  return ids[0].first;
}
inline std::string_view commitment_id(Commitment c) { return choice_id(kCommitments, c); }
inline std::string_view police_certificate_id(PoliceCertificate p) { return choice_id(kPoliceCertificates, p); }
inline std::string_view time_slot_id(TimeSlot t) { return choice_id(kTimeSlots, t); }

}  // namespace kiosk
