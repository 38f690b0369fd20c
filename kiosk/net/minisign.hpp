#pragma once
// Signatures in minisign's format (Ed25519 via libsodium), so admins can sign with kioskctl or
// with the minisign tool, and check either with either. Only what the kiosk needs: key pairs
// without a password (kept on the admin's machine, never on a kiosk), prehashed signatures
// ("ED", minisign's default) and legacy ones ("Ed"), and the trusted comment that carries the
// bundle version.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct MinisignPublicKey {
  std::array<uint8_t, 8> key_id{};
  std::array<uint8_t, 32> key{};
  std::string key_id_hex() const;  // as minisign prints it (upper case, most significant first)
};

struct MinisignSecretKey {
  std::array<uint8_t, 8> key_id{};
  std::array<uint8_t, 64> key{};
  ~MinisignSecretKey();
};

struct MinisignKeyPair {
  MinisignPublicKey public_key;
  MinisignSecretKey secret_key;
};

MinisignKeyPair minisign_generate();

// The two-line files minisign writes (`untrusted comment: …` then base64).
std::string minisign_public_key_file(const MinisignPublicKey& key);
std::string minisign_secret_key_file(const MinisignSecretKey& key, const MinisignPublicKey& pub);

// Accepts a whole .pub file or just its base64 line ("RW…"), as configurations hold it.
bool minisign_parse_public_key(std::string_view text, MinisignPublicKey& out, std::string& error);
// The keys a configuration lists; each one that cannot be read is left out and named in
// `problems` ("public key \"RWQf6LRC…\": …"), so one bad key does not disable the others.
std::vector<MinisignPublicKey> minisign_parse_public_keys(const std::vector<std::string>& texts,
                                                          std::vector<std::string>& problems);
// Password-less secret keys only (`kioskctl keygen`, `minisign -G -W`).
bool minisign_parse_secret_key(std::string_view file, MinisignSecretKey& out, std::string& error);

// The .minisig file for `message`.
std::string minisign_sign(const MinisignSecretKey& key, std::string_view message, std::string_view trusted_comment,
                          std::string_view untrusted_comment = "signature from kioskctl");

// Checks `signature_file` over `message` with any of `keys`; on success the trusted comment.
bool minisign_verify(const std::vector<MinisignPublicKey>& keys, std::string_view message,
                     std::string_view signature_file, std::string& trusted_comment, std::string& error);

}  // namespace kiosk
