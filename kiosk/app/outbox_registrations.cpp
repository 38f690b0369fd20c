#include "kiosk/app/outbox_registrations.hpp"

#include <sodium.h>

#include "kiosk/core/clock.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/net/random_id.hpp"
#include "kiosk/net/sealed_box.hpp"

namespace kiosk {

OutboxRegistrations::OutboxRegistrations(std::unique_ptr<OutboxStore> store, std::optional<std::array<uint8_t, 32>> key,
                                         std::function<void()> committed, Post post)
    : store_(std::move(store)), key_(key), committed_(std::move(committed)), post_(std::move(post)) {}

OutboxRegistrations::OutboxRegistrations(std::filesystem::path outbox_file, std::optional<std::array<uint8_t, 32>> key,
                                         std::function<void()> committed, Post post)
    : outbox_file_(std::move(outbox_file)), key_(key), committed_(std::move(committed)), post_(std::move(post)) {
  std::string error;
  if (key_ && !(store_ = OutboxStore::open(outbox_file_, error)))
    log::error("outbox: " + error + "; visitors are sent to the counter until it opens (tried again at each registration)");
}

OutboxRegistrations::~OutboxRegistrations() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (committer_.joinable()) committer_.join();
}

std::optional<OutboxEntry> OutboxRegistrations::seal_entry(const RegistrationForm& form, const Offer& offer,
                                                           const std::string& consent_version) {
  if (!available()) return std::nullopt;
  std::string personal = personal_fields_json(form);
  OutboxEntry e;
  e.id = new_uuid();
  e.offer = offer.id;
  e.created = format_rfc3339(epoch_now());
  e.consent_version = consent_version;
  e.sealed = seal(personal, *key_);
  sodium_memzero(personal.data(), personal.size());  // the clear text lived only for the seal
  return e;
}

bool OutboxRegistrations::commit(const OutboxEntry& e, std::string& error) {
  if (!store_ && !outbox_file_.empty()) {
    store_ = OutboxStore::open(outbox_file_, error);
    if (store_) log::info("outbox: opened " + outbox_file_.string() + " after all");
  }
  if (!store_) {
    log::error("outbox: registration for offer " + e.offer + " not saved: " + error);
    return false;
  }
  if (!store_->add(e, error)) {
    log::error("outbox: registration for offer " + e.offer + " not saved: " + error);  // ids only, never personal data
    return false;
  }
  log::info("outbox: registration " + e.id + " for offer " + e.offer + " saved");
  last_id_ = e.id;
  if (committed_) committed_();
  return true;
}

bool OutboxRegistrations::submit(const RegistrationForm& form, const Offer& offer, const std::string& consent_version,
                                 std::string& error) {
  const auto e = seal_entry(form, offer, consent_version);
  if (!e) return error = "registrations are not configured", false;
  return commit(*e, error);
}

void OutboxRegistrations::submit(const RegistrationForm& form, const Offer& offer, const std::string& consent_version,
                                 std::function<void(bool)> done) {
  auto e = seal_entry(form, offer, consent_version);
  if (!e || !post_) {
    std::string error;
    const bool ok = e && commit(*e, error);
    if (done) done(ok);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.emplace_back(std::move(*e), std::move(done));
    if (!committer_.joinable()) committer_ = std::thread([this] { run(); });
  }
  wake_.notify_all();
}

void OutboxRegistrations::run() {
  for (;;) {
    std::pair<OutboxEntry, std::function<void(bool)>> job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything handed over is committed
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    bool ok = false;
    try {
      std::string error;
      ok = commit(job.first, error);
    } catch (const std::exception& e) {
      log::error(std::string("outbox: commit failed: ") + e.what());
    }
    if (job.second) post_([done = std::move(job.second), ok] { done(ok); });
  }
}

}  // namespace kiosk
