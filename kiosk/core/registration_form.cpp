#include "kiosk/core/registration_form.hpp"

#include <cctype>
#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

bool blank(std::string_view s) {
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

void RegistrationForm::wipe() {
  for (VisitorText* t : {&first_name, &last_name, &email, &phone, &message}) t->wipe();
  contact_time = ContactTime::Any;
  age_confirmed = false;
  consent = false;
}

bool plausible_email(std::string_view s) {
  const auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  const auto dot = s.rfind('.');
  if (dot == std::string_view::npos || dot < at + 2 || s.size() - dot - 1 < 2) return false;  // a@b.de, not a@.de or a@b.
  for (char c : s)
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == ';') return false;
  return true;
}

bool plausible_phone(std::string_view s) {
  int digits = 0;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) ++digits;
    else if (c != ' ' && c != '+' && c != '-' && c != '/' && c != '(' && c != ')') return false;
  }
  return digits >= 6 && digits <= 20;
}

std::vector<FieldError> validate_registration(const RegistrationForm& f, const Offer& offer) {
  std::vector<FieldError> errors;
  if (blank(f.first_name.view())) errors.push_back({"form.first_name", "form.error.first_name"});
  if (blank(f.last_name.view())) errors.push_back({"form.last_name", "form.error.last_name"});
  const bool has_email = !blank(f.email.view());
  const bool has_phone = !blank(f.phone.view());
  if (!has_email && !has_phone) {
    errors.push_back({"form.email", "form.error.reach"});
  } else {
    if (has_email && !plausible_email(f.email.view())) errors.push_back({"form.email", "form.error.email"});
    if (has_phone && !plausible_phone(f.phone.view())) errors.push_back({"form.phone", "form.error.phone"});
  }
  if (offer.minimum_age > 0 && !f.age_confirmed) errors.push_back({"form.age", "form.error.age"});
  if (!f.consent) errors.push_back({"form.consent", "form.error.consent"});
  return errors;
}

std::string_view contact_time_id(ContactTime t) {
  switch (t) {
    case ContactTime::Any: return "any";
    case ContactTime::Morning: return "morning";
    case ContactTime::Afternoon: return "afternoon";
    case ContactTime::Evening: return "evening";
  }
  return "any";
}

std::string personal_fields_json(const RegistrationForm& f) {
  const nlohmann::json j{{"first_name", f.first_name.view()}, {"last_name", f.last_name.view()},
                         {"email", f.email.view()},           {"phone", f.phone.view()},
                         {"contact_time", contact_time_id(f.contact_time)},
                         {"message", f.message.view()},       {"age_confirmed", f.age_confirmed}};
  return j.dump();
}

}  // namespace kiosk
