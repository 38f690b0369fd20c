#include "kiosk/tools/registrations.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "kiosk/core/registration_form.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/json_depth.hpp"
#include "kiosk/net/sealed_box.hpp"
#include "kiosk/store/atomic_file.hpp"
#include "kiosk/store/bundle_cache.hpp"
#include "kiosk/store/outbox_store.hpp"

namespace kiosk {

using json = nlohmann::json;

bool registration_keygen(const std::filesystem::path& secret_path, std::string& message) {
  std::error_code ec;
  if (std::filesystem::exists(secret_path, ec)) {
    message = secret_path.string() + " already exists; choose another name (nothing was written)";
    return false;
  }
  const BoxKeyPair kp = box_generate();
  const json j{{"public_key", box_key_to_base64(kp.public_key)}, {"secret_key", box_key_to_base64(kp.secret_key)}};
  std::string error;
  if (!write_file_atomically(secret_path, j.dump(2) + "\n", error, 0600)) {
    message = error;
    return false;
  }
  message = "registration key pair: " + secret_path.string() + " (the agency keeps it; kiosks never get it)\n" +
            "put this into each kiosk's kiosk.json \"registration_public_key\":\n  " + box_key_to_base64(kp.public_key);
  return true;
}

namespace {

bool load_box_keys(const std::filesystem::path& file, BoxKeyPair& kp, std::string& error) {
  const auto text = read_whole_file(file, 4096);
  if (!text) return error = "cannot read " + file.string(), false;
  const json j = json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.contains("public_key") || !j.contains("secret_key") ||
      !box_key_from_base64(j["public_key"].get<std::string>(), kp.public_key) ||
      !box_key_from_base64(j["secret_key"].get<std::string>(), kp.secret_key))
    return error = file.string() + " is not a key file from `kioskctl registrations keygen`", false;
  return true;
}

// One CSV cell. A cell that starts like a formula (= + - @, tab or CR) gets a leading
// apostrophe so a spreadsheet shows it as text instead of running it (OWASP "CSV Injection");
// separators, quotes and line breaks (CR too) put the cell in quotes.
std::string csv_field(const std::string& s) {
  std::string cell = s;
  if (!cell.empty() && std::string("=+-@\t\r").find(cell.front()) != std::string::npos) cell.insert(0, 1, '\'');
  if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The personal fields as the kiosk seals them: strings, and age_confirmed a boolean, each
// optional. Returns the first field that is something else, or "" when all are as expected.
std::string wrong_field(const json& p) {
  if (!p.is_object()) return "the whole record (not a JSON object)";
  for (const char* c : kPersonalTextFields)
    if (p.contains(c) && !p[c].is_string()) return c;
  if (p.contains("age_confirmed") && !p["age_confirmed"].is_boolean()) return "age_confirmed";
  return "";
}

}  // namespace

int registrations_export(const std::filesystem::path& db_path, const std::filesystem::path& secret_key, bool csv) {
  BoxKeyPair keys;
  std::string error;
  if (!load_box_keys(secret_key, keys, error)) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "cannot open %s\n", db_path.c_str());
    sqlite3_close(db);
    return 1;
  }
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, kiosk, offer, created, consent_version, sealed FROM registrations ORDER BY received, created", -1, &st,
                     nullptr);
  if (csv) {
    std::string header = "id,kiosk,offer,created,consent_version";
    for (const char* c : kPersonalTextFields) header += std::string(",") + c;
    std::printf("%s,age_confirmed\n", header.c_str());
  }
  int count = 0, unreadable = 0;
  while (st && sqlite3_step(st) == SQLITE_ROW) {
    auto col = [&](int i) {
      const auto* t = sqlite3_column_text(st, i);
      return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
    };
    std::string personal;
    json p;
    if (!unseal(col(5), keys, personal) || !json_nesting_within(personal, 8) ||
        (p = json::parse(personal, nullptr, false)).is_discarded()) {
      ++unreadable;
      std::fprintf(stderr, "registration %s: cannot be opened with this key; skipped\n", col(0).c_str());
      continue;
    }
    if (const std::string wrong = wrong_field(p); !wrong.empty()) {
      ++unreadable;
      std::fprintf(stderr, "registration %s: %s has the wrong type; skipped\n", col(0).c_str(), wrong.c_str());
      continue;
    }
    ++count;
    if (csv) {
      std::string line = csv_field(col(0)) + "," + csv_field(col(1)) + "," + csv_field(col(2)) + "," + csv_field(col(3)) + "," + csv_field(col(4));
      for (const char* c : kPersonalTextFields) line += "," + csv_field(p.value(c, ""));
      line += std::string(",") + (p.value("age_confirmed", false) ? "yes" : "no");
      std::printf("%s\n", line.c_str());
    } else {
      std::printf("%s  %s  offer %s  from %s  consent %s\n  %s %s  email %s  phone %s  contact: %s\n", col(3).c_str(), col(0).c_str(),
                  col(2).c_str(), col(1).c_str(), col(4).c_str(), p.value("first_name", "").c_str(), p.value("last_name", "").c_str(),
                  p.value("email", "-").c_str(), p.value("phone", "-").c_str(), p.value("contact_time", "").c_str());
      if (!p.value("message", "").empty()) std::printf("  message: %s\n", p.value("message", "").c_str());
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  if (!csv) std::printf("%d registrations\n", count);
  if (unreadable > 0)
    std::fprintf(stderr, "%d registrations exported, %d skipped (their ids are named above; the rest are complete)\n", count, unreadable);
  return unreadable == 0 ? 0 : 1;
}

int local_status(const std::filesystem::path& state_dir) {
  const TrustState trust = load_trust_state(state_dir);
  std::string error;
  std::printf("content: trusted version %ld\n", trust.version);
  if (!std::filesystem::exists(outbox_file(state_dir))) {
    std::printf("outbox: no registrations yet\n");
    return 0;
  }
  // Read-only: the counts matter most when the disk is full, when open() could not set up the file.
  auto store = OutboxStore::open_read_only(outbox_file(state_dir), error);
  if (!store) return std::fprintf(stderr, "%s\n", error.c_str()), 1;
  const OutboxCounts c = store->counts();
  long age = 0;
  if (c.oldest_pending_created) {
    const auto now = epoch_now();
    age = static_cast<long>(now - parse_rfc3339(*c.oldest_pending_created));
  }
  std::printf("outbox: %ld pending, %ld quarantined, oldest pending %ld s\n", c.pending, c.quarantined, age);
  return 0;
}

}  // namespace kiosk
