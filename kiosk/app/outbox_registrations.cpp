#include "kiosk/app/outbox_registrations.hpp"

#include <chrono>

#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/net/sealed_box.hpp"

namespace kiosk {

OutboxRegistrations::OutboxRegistrations(std::unique_ptr<OutboxStore> store, std::optional<std::array<uint8_t, 32>> key,
                                         std::function<void()> committed)
    : store_(std::move(store)), key_(key), committed_(std::move(committed)) {}

bool OutboxRegistrations::submit(const RegistrationForm& form, const Offer& offer, const std::string& consent_version,
                                 std::string& error) {
  if (!available()) {
    error = "registrations are not configured";
    return false;
  }
  std::string personal = personal_fields_json(form);
  OutboxEntry e;
  e.id = new_uuid();
  e.offer = offer.id;
  e.created = format_rfc3339(epoch_now());
  e.consent_version = consent_version;
  e.sealed = seal(personal, *key_);
  std::fill(personal.begin(), personal.end(), '\0');  // the clear text lived only for the seal
  if (!store_->add(e, error)) {
    log::error("outbox: registration for offer " + offer.id + " not saved: " + error);  // ids only, never personal data
    return false;
  }
  log::info("outbox: registration " + e.id + " for offer " + offer.id + " saved");
  last_id_ = e.id;
  if (committed_) committed_();
  return true;
}

}  // namespace kiosk
