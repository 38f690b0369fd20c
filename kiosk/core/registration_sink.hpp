#pragma once
// Where a finished form goes. The visit validates and then hands the form over; the app seals the
// personal fields and commits them to the outbox. Only a committed registration earns the
// thank-you screen.
#include <functional>
#include <string>

#include "kiosk/core/content.hpp"
#include "kiosk/core/registration_form.hpp"

namespace kiosk {

class RegistrationSink {
 public:
  virtual ~RegistrationSink() = default;
  // Can registrations be taken at all (a backend key is configured)?
  virtual bool available() const = 0;
  // Seals the personal fields before it returns (nothing in clear text is kept), then commits
  // without holding up the frame. `done(true)` runs on the main thread once the registration is
  // durable; `done(false)` when it could not be saved (the visitor is asked to go to the counter).
  virtual void submit(const RegistrationForm& form, const Offer& offer, const std::string& consent_version,
                      std::function<void(bool)> done) = 0;
};

}  // namespace kiosk
