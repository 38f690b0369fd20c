#pragma once
// Signing staff in and keeping them signed in, as OWASP's Authentication and Session
// Management cheat sheets ask: one generic message for a wrong name or password (with the
// same cost for both), sign-in braked per account and per client, session ids of 256 random
// bits kept only as hashes, a new id at every sign-in, an idle and an absolute limit, and a
// CSRF token per session (synchronizer token pattern). Clock values come from the caller.
#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/backend/editor/editor_store.hpp"

namespace kiosk::backend {

struct AuthPolicy {
  int64_t idle_s = 30 * 60;          // a session ends after this long without a request
  int64_t absolute_s = 10 * 3600;    // and after a working day whatever happens
  int account_free_failures = 5;     // wrong passwords in a row before an account locks
  int64_t account_lock_s = 15 * 60;  // doubled for each further lock, up to a day
  int client_free_failures = 20;     // wrong sign-ins from one address before it is locked out
  int64_t client_lock_s = 15 * 60;
  int64_t failure_window_s = 60 * 60;  // failures older than this are forgotten
  int slow_after = 3;                // from this many failures on, each try waits …
  int64_t slow_step_s = 2;           // … this many seconds more than the last
};

struct SignInResult {
  bool ok = false;
  std::string session_id;  // for the cookie; only its hash is stored
  std::string message;     // when not ok: in words, for the person signing in (German and English)
  int64_t wait_s = 0;      // when braked: how long until the next try is looked at
  bool must_change = false;
};

struct StaffSession {
  Account account;
  std::string id_hash, csrf;
};

class StaffAuth {
 public:
  StaffAuth(EditorStore& store, AuthPolicy policy = {}) : store_(store), policy_(policy) {}
  SignInResult sign_in(const std::string& name, const std::string& password, const std::string& client, int64_t now);
  // The session `session_id` names if it is still valid (and marks it used now), else nullopt.
  std::optional<StaffSession> resume(const std::string& session_id, int64_t now);
  void sign_out(const std::string& session_id);
  // A fresh session for `name` (after a password change ended the old ones); its id.
  std::string new_session(const std::string& name, int64_t now);
  // Compares in constant time.
  static bool csrf_ok(const StaffSession& s, const std::string& token);
  // "" or what is wrong; `password` is checked against the policy in passwords.hpp.
  std::string create_account(const std::string& name, Role role, const std::string& password, bool must_change,
                             const std::string& now);
  std::string change_password(const std::string& name, const std::string& password);
  const AuthPolicy& policy() const { return policy_; }

 private:
  // Seconds until `key` may try again (0: now), with the message to show.
  int64_t braked(const std::string& key, int64_t now, int free_failures, std::string& message);
  void failed(const std::string& key, int64_t now, int free_failures, int64_t lock_s);
  EditorStore& store_;
  AuthPolicy policy_;
};

// An account name: 2–40 of a-z, 0-9, '.', '-', '_' (what a person types at a sign-in).
bool valid_account_name(const std::string& name);

}  // namespace kiosk::backend
