#pragma once
// The agency's side of registrations: the key pair the kiosks seal to, and reading what the
// backend stored (decrypted only here, on the agency's machine).
#include <filesystem>
#include <string>

namespace kiosk {

// Writes `secret_path` (0600, JSON with both keys); the message names the public key for kiosk.json.
bool registration_keygen(const std::filesystem::path& secret_path, std::string& message);
// Prints every registration in the backend database, decrypted; `csv` for a spreadsheet.
int registrations_export(const std::filesystem::path& db, const std::filesystem::path& secret_key, bool csv);
// A kiosk's local state without personal data: trusted content version, outbox counts, oldest age.
int local_status(const std::filesystem::path& state_dir);

}  // namespace kiosk
