#include "kiosk/backend/editor/staff_auth.hpp"

#include <sodium.h>

#include <algorithm>

#include "kiosk/backend/editor/passwords.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/net/digest.hpp"
#include "kiosk/net/random_id.hpp"

namespace kiosk::backend {

bool valid_account_name(const std::string& n) {
  return n.size() >= 2 && n.size() <= 40 && std::all_of(n.begin(), n.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
         });
}

int64_t StaffAuth::braked(const std::string& key, int64_t now, int free_failures, std::string& message) {
  const Brake b = store_.brake(key);
  if (b.locked_until > now) {
    const int64_t minutes = (b.locked_until - now + 59) / 60;
    message = "Zu viele falsche Anmeldungen: gesperrt für " + std::to_string(minutes) +
              " Minuten. Too many failed sign-ins: locked for " + std::to_string(minutes) + " minutes.";
    return b.locked_until - now;
  }
  if (now - b.last_failure > policy_.failure_window_s) return 0;
  if (b.failures >= policy_.slow_after && b.failures < free_failures) {
    const int64_t ready = b.last_failure + policy_.slow_step_s * (b.failures - policy_.slow_after + 1);
    if (ready > now) {
      message = "Bitte warten Sie " + std::to_string(ready - now) + " Sekunden vor dem nächsten Versuch. Please wait " +
                std::to_string(ready - now) + " seconds before the next try.";
      return ready - now;
    }
  }
  return 0;
}

void StaffAuth::failed(const std::string& key, int64_t now, int free_failures, int64_t lock_s) {
  Brake b = store_.brake(key);
  if (now - b.last_failure > policy_.failure_window_s && b.locked_until <= now) b.failures = 0;
  ++b.failures;
  b.last_failure = now;
  if (b.failures >= free_failures && b.failures % free_failures == 0) {
    const int locks = b.failures / free_failures;
    b.locked_until = now + std::min<int64_t>(lock_s << std::min(locks - 1, 6), 86400);
  }
  store_.set_brake(key, b);
}

SignInResult StaffAuth::sign_in(const std::string& name, const std::string& password, const std::string& client, int64_t now) {
  SignInResult r;
  const std::string account_key = "account:" + name, client_key = "client:" + client;
  if (const int64_t wait = braked(client_key, now, policy_.client_free_failures, r.message); wait > 0) return r.wait_s = wait, r;
  if (const int64_t wait = braked(account_key, now, policy_.account_free_failures, r.message); wait > 0) return r.wait_s = wait, r;
  const auto account = valid_account_name(name) && password.size() <= kMaxPasswordLength ? store_.account(name) : std::nullopt;
  // The same work for an unknown name as for a wrong password.
  const bool right = verify_password(account ? account->hash : decoy_hash(), password.substr(0, kMaxPasswordLength)) && account;
  if (!right) {
    log::warning(account ? "editor: wrong password for " + name + " from " + client : "editor: sign-in with an unknown name from " + client);
    failed(client_key, now, policy_.client_free_failures, policy_.client_lock_s);
    if (account) failed(account_key, now, policy_.account_free_failures, policy_.account_lock_s);
    std::string locked;
    if (braked(account_key, now, policy_.account_free_failures, locked) > 0 && account) return r.message = locked, r;
    r.message = "Name oder Passwort ist falsch. The name or password is wrong.";
    return r;
  }
  store_.set_brake(account_key, {});
  r.ok = true;
  r.must_change = account->must_change;
  r.session_id = new_session(account->name, now);
  return r;
}

std::string StaffAuth::new_session(const std::string& name, int64_t now) {
  std::string id = random_token(32);
  store_.add_session(sha256_hex(id), {name, random_token(32), now, now});
  return id;
}

std::optional<StaffSession> StaffAuth::resume(const std::string& session_id, int64_t now) {
  if (session_id.empty() || session_id.size() > 100) return std::nullopt;
  const std::string id_hash = sha256_hex(session_id);
  const auto s = store_.session(id_hash);
  if (!s) return std::nullopt;
  if (now - s->last_seen > policy_.idle_s || now - s->created > policy_.absolute_s) {
    store_.drop_session(id_hash);
    return std::nullopt;
  }
  auto account = store_.account(s->user);
  if (!account) return std::nullopt;
  if (now > s->last_seen) store_.touch_session(id_hash, now);
  account->hash.clear();
  return StaffSession{*account, id_hash, s->csrf};
}

void StaffAuth::sign_out(const std::string& session_id) {
  if (!session_id.empty()) store_.drop_session(sha256_hex(session_id));
}

bool StaffAuth::csrf_ok(const StaffSession& s, const std::string& token) {
  return !s.csrf.empty() && token.size() == s.csrf.size() && sodium_memcmp(token.data(), s.csrf.data(), token.size()) == 0;
}

std::string StaffAuth::create_account(const std::string& name, Role role, const std::string& password, bool must_change,
                                      const std::string& now) {
  if (!valid_account_name(name))
    return "Der Name braucht 2 bis 40 Zeichen aus a–z, 0–9, Punkt, Bindestrich oder Unterstrich. "
           "The name needs 2 to 40 characters of a-z, 0-9, dot, hyphen or underscore.";
  if (const auto why = password_problem(password, name); !why.empty()) return why;
  if (!store_.add_account({name, role, hash_password(password), must_change, now}))
    return "Ein Konto namens " + name + " gibt es schon. An account named " + name + " already exists.";
  return {};
}

std::string StaffAuth::change_password(const std::string& name, const std::string& password) {
  if (const auto why = password_problem(password, name); !why.empty()) return why;
  store_.set_password(name, hash_password(password), false);
  store_.drop_sessions_of(name);  // every other signed-in browser of this account ends
  return {};
}

}  // namespace kiosk::backend
