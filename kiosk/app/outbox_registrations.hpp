#pragma once
// The app's side of a submitted form: seal the personal fields to the backend's key, commit the
// registration to the outbox, and wake the uploader. Runs on the main thread: one SQLite commit
// (a few milliseconds with fsync) is the price of a thank-you screen that is never a lie.
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "kiosk/store/outbox_store.hpp"
#include "kiosk/ui/registration_sink.hpp"

namespace kiosk {

class OutboxRegistrations final : public ui::RegistrationSink {
 public:
  // `backend_key`: the backend's box public key; without it registrations cannot be taken.
  OutboxRegistrations(std::unique_ptr<OutboxStore> store, std::optional<std::array<uint8_t, 32>> backend_key,
                      std::function<void()> committed);
  const std::string& last_id() const { return last_id_; }  // of the last committed registration
  bool available() const override { return store_ != nullptr && key_.has_value(); }
  bool submit(const RegistrationForm& form, const Offer& offer, const std::string& consent_version,
              std::string& error) override;

 private:
  std::unique_ptr<OutboxStore> store_;
  std::optional<std::array<uint8_t, 32>> key_;
  std::function<void()> committed_;
  std::string last_id_;
};

}  // namespace kiosk
