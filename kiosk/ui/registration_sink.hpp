#pragma once
// Where a finished form goes. The UI validates and then hands the form over; the app seals the
// personal fields and commits them to the outbox. Only a committed registration earns the
// thank-you screen.
#include <string>

#include "kiosk/core/content.hpp"
#include "kiosk/core/registration_form.hpp"

namespace kiosk::ui {

class RegistrationSink {
 public:
  virtual ~RegistrationSink() = default;
  // Can registrations be taken at all (a backend key is configured)?
  virtual bool available() const = 0;
  // Durable on true. On false `error` says why, for the log; the visitor is asked to go to the counter.
  virtual bool submit(const RegistrationForm& form, const Offer& offer, const std::string& consent_version,
                      std::string& error) = 0;
};

}  // namespace kiosk::ui
