#include "kiosk/backend/access.hpp"

#include <sodium.h>

#include <algorithm>

namespace kiosk::backend {

namespace {
std::array<unsigned char, 32> hash_of(const std::string& token) {
  std::array<unsigned char, 32> h{};
  crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return h;
}
}  // namespace

bool TokenTable::add(const std::string& holder, const std::string& token, std::string& error) {
  if (token.size() < kMinTokenLength) {
    error = "the token for " + holder + " has " + std::to_string(token.size()) + " characters; tokens need at least " +
            std::to_string(kMinTokenLength) + " (128 bits: `openssl rand -base64 16`)";
    return false;
  }
  if (holder_of(token)) {
    error = "the token for " + holder + " is already given to another kiosk or the admin; every holder needs its own";
    return false;
  }
  entries_.push_back({hash_of(token), holder});
  return true;
}

std::optional<std::string> TokenTable::holder_of(const std::string& token) const {
  const auto h = hash_of(token);
  const Entry* found = nullptr;
  for (const auto& e : entries_)
    if (sodium_memcmp(e.hash.data(), h.data(), h.size()) == 0) found = &e;
  if (found == nullptr) return std::nullopt;
  return found->holder;
}

long FailureBrake::wait_s(const std::string& client, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = clients_.find(client);
  if (it == clients_.end() || it->second.blocked_until <= now) return 0;
  return std::max<long>(1, std::chrono::duration_cast<std::chrono::seconds>(it->second.blocked_until - now).count());
}

void FailureBrake::failed(const std::string& client, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Forget quiet clients so a scan over many addresses cannot grow the table without end.
  if (clients_.size() > 10000)
    for (auto it = clients_.begin(); it != clients_.end();)
      it = now - it->second.window_start > std::chrono::minutes(15) && it->second.blocked_until <= now ? clients_.erase(it) : std::next(it);
  State& s = clients_[client];
  if (now - s.window_start > std::chrono::minutes(1) && s.blocked_until <= now) {
    s.window_start = now;
    s.failures = 0;
  }
  if (++s.failures <= kFreeFailures) return;
  s.pause = std::min<std::chrono::seconds>(std::chrono::minutes(15), s.pause.count() == 0 ? std::chrono::seconds(30) : s.pause * 2);
  s.blocked_until = now + s.pause;
}

}  // namespace kiosk::backend
