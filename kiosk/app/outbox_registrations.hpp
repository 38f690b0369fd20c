#pragma once
// The app's side of a submitted form: seal the personal fields to the backend's key, commit the
// registration to the outbox, and wake the uploader. The seal happens at once on the caller's
// thread (microseconds, no I/O), so no clear text leaves the call; the SQLite commit with fsync
// runs on a thread of its own, and the UI hears the outcome through the main-thread queue. The
// thank-you screen still appears only once the row is on disk.
#include <array>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/store/outbox_store.hpp"
#include "kiosk/core/registration_sink.hpp"

namespace kiosk {

class OutboxRegistrations final : public RegistrationSink {
 public:
  // Runs a closure on the main thread (KioskApp::post).
  using Post = std::function<void(std::function<void()>)>;
  // `backend_key`: the backend's box public key; without it registrations cannot be taken.
  // Without `post`, submissions commit on the caller's thread (tools and tests).
  OutboxRegistrations(std::unique_ptr<OutboxStore> store, std::optional<std::array<uint8_t, 32>> backend_key,
                      std::function<void()> committed, Post post = {});
  // Opens `outbox_file` now and, if the disk refuses (full at start), again at every submission:
  // registrations come back on their own once there is room.
  OutboxRegistrations(std::filesystem::path outbox_file, std::optional<std::array<uint8_t, 32>> backend_key,
                      std::function<void()> committed, Post post = {});
  ~OutboxRegistrations() override;  // commits what was handed over before it returns
  OutboxRegistrations(const OutboxRegistrations&) = delete;
  OutboxRegistrations& operator=(const OutboxRegistrations&) = delete;

  const std::string& last_id() const { return last_id_; }  // of the last committed registration
  bool available() const override { return key_.has_value() && (store_ != nullptr || !outbox_file_.empty()); }
  // Seals and commits on this thread: durable on true.
  bool submit(const RegistrationForm& form, const Offer& offer, const std::string& consent_version, std::string& error);
  void submit(const RegistrationForm& form, const Offer& offer, const std::string& consent_version,
              std::function<void(bool)> done) override;

 private:
  std::optional<OutboxEntry> seal_entry(const RegistrationForm& form, const Offer& offer, const std::string& consent_version);
  bool commit(const OutboxEntry& e, std::string& error);
  void run();

  std::unique_ptr<OutboxStore> store_;  // opened by the committer when it is not yet
  std::filesystem::path outbox_file_;
  std::optional<std::array<uint8_t, 32>> key_;
  std::function<void()> committed_;
  Post post_;
  std::string last_id_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::pair<OutboxEntry, std::function<void(bool)>>> queue_;
  bool stopping_ = false;
  std::thread committer_;  // started with the first submission from the UI
};

}  // namespace kiosk
