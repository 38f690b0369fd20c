#pragma once
// The "register interest" form as rules, apart from how it looks: which fields a visitor must
// fill, what counts as a plausible email or phone number, and what to say when something is
// missing. Messages are UI string keys, so they appear in the visitor's language.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/content.hpp"
#include "kiosk/core/visitor_text.hpp"

namespace kiosk {

enum class ContactTime { Any, Morning, Afternoon, Evening };

struct RegistrationForm {
  VisitorText first_name{80};
  VisitorText last_name{80};
  VisitorText email{120};
  VisitorText phone{40};
  VisitorText message{600};
  ContactTime contact_time = ContactTime::Any;
  bool age_confirmed = false;
  bool consent = false;  // never pre-ticked

  void wipe();  // zeroes every buffer, resets every choice
  // Has the visitor typed anything? Leaving such a form asks first (it is never kept for the next).
  bool has_typed_text() const {
    return !first_name.empty() || !last_name.empty() || !email.empty() || !phone.empty() || !message.empty();
  }
};

struct FieldError {
  std::string field;  // "form.first_name", "form.email", "form.consent" … (the widget's automation id)
  std::string key;    // UI string key of the message, e.g. "form.error.email"
};

// Every problem at once, so the visitor sees all of them next to their fields.
std::vector<FieldError> validate_registration(const RegistrationForm& form, const Offer& offer);

bool plausible_email(std::string_view text);
bool plausible_phone(std::string_view text);  // digits, spaces, + - / ( ); 6 to 20 digits

// The personal fields as the JSON that gets sealed for the backend; it exists only briefly in
// memory, never on disk in clear text. Its text members, in the order exports list them; plus
// "age_confirmed", a boolean.
inline constexpr std::array<const char*, 6> kPersonalTextFields{"first_name", "last_name", "email", "phone", "contact_time", "message"};
std::string personal_fields_json(const RegistrationForm& form);
std::string_view contact_time_id(ContactTime t);

}  // namespace kiosk
