#include "kiosk/net/minisign.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace kiosk {
namespace {

constexpr char kAlgLegacy[2] = {'E', 'd'};
constexpr char kAlgHashed[2] = {'E', 'D'};
constexpr char kKdfNone[2] = {0, 0};
constexpr char kChecksumAlg[2] = {'B', '2'};

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

std::string base64(const uint8_t* data, size_t n) {
  std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool unbase64(std::string_view text, std::vector<uint8_t>& out) {
  out.assign(text.size(), 0);
  size_t len = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \t\r", &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return false;
  out.resize(len);
  return true;
}

std::vector<std::string_view> lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

void checksum(const MinisignSecretKey& k, uint8_t out[32]) {
  crypto_generichash_state hs;
  crypto_generichash_init(&hs, nullptr, 0, 32);
  crypto_generichash_update(&hs, reinterpret_cast<const uint8_t*>(kAlgLegacy), 2);
  crypto_generichash_update(&hs, k.key_id.data(), k.key_id.size());
  crypto_generichash_update(&hs, k.key.data(), k.key.size());
  crypto_generichash_final(&hs, out, 32);
}

}  // namespace

MinisignSecretKey::~MinisignSecretKey() { sodium_memzero(key.data(), key.size()); }

std::string MinisignPublicKey::key_id_hex() const {
  static const char* hex = "0123456789ABCDEF";
  std::string s;
  for (size_t i = key_id.size(); i-- > 0;) {  // minisign prints the little-endian number
    s.push_back(hex[key_id[i] >> 4]);
    s.push_back(hex[key_id[i] & 15]);
  }
  return s;
}

MinisignKeyPair minisign_generate() {
  ensure_sodium();
  MinisignKeyPair kp;
  randombytes_buf(kp.public_key.key_id.data(), kp.public_key.key_id.size());
  crypto_sign_keypair(kp.public_key.key.data(), kp.secret_key.key.data());
  kp.secret_key.key_id = kp.public_key.key_id;
  return kp;
}

std::string minisign_public_key_file(const MinisignPublicKey& k) {
  uint8_t raw[42];
  std::memcpy(raw, kAlgLegacy, 2);
  std::memcpy(raw + 2, k.key_id.data(), 8);
  std::memcpy(raw + 10, k.key.data(), 32);
  return "untrusted comment: minisign public key " + k.key_id_hex() + "\n" + base64(raw, sizeof raw) + "\n";
}

std::string minisign_secret_key_file(const MinisignSecretKey& k, const MinisignPublicKey& pub) {
  // sig_alg, kdf_alg (none: no password), chk_alg, salt, opslimit, memlimit, key id, key, checksum
  std::vector<uint8_t> raw(2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32, 0);
  size_t at = 0;
  auto put = [&](const void* p, size_t n) {
    std::memcpy(raw.data() + at, p, n);
    at += n;
  };
  put(kAlgLegacy, 2);
  put(kKdfNone, 2);
  put(kChecksumAlg, 2);
  at += 32 + 8 + 8;
  put(k.key_id.data(), 8);
  put(k.key.data(), 64);
  uint8_t chk[32];
  checksum(k, chk);
  put(chk, 32);
  std::string file = "untrusted comment: minisign secret key " + pub.key_id_hex() + " (no password; keep it off the kiosks)\n" +
                     base64(raw.data(), raw.size()) + "\n";
  sodium_memzero(raw.data(), raw.size());
  return file;
}

bool minisign_parse_public_key(std::string_view text, MinisignPublicKey& out, std::string& error) {
  ensure_sodium();
  std::string_view b64 = text;
  for (auto line : lines(text))
    if (!line.empty() && line.rfind("untrusted comment:", 0) != 0) {
      b64 = line;
      break;
    }
  std::vector<uint8_t> raw;
  if (!unbase64(b64, raw) || raw.size() != 42 || std::memcmp(raw.data(), kAlgLegacy, 2) != 0) {
    error = "not a minisign public key (expected a base64 line starting with \"RW\")";
    return false;
  }
  std::memcpy(out.key_id.data(), raw.data() + 2, 8);
  std::memcpy(out.key.data(), raw.data() + 10, 32);
  return true;
}

bool minisign_parse_secret_key(std::string_view file, MinisignSecretKey& out, std::string& error) {
  ensure_sodium();
  const auto ls = lines(file);
  std::vector<uint8_t> raw;
  if (ls.size() < 2 || !unbase64(ls[1], raw) || raw.size() != 158 || std::memcmp(raw.data(), kAlgLegacy, 2) != 0) {
    error = "not a minisign secret key file";
    return false;
  }
  if (std::memcmp(raw.data() + 2, kKdfNone, 2) != 0) {
    error = "this secret key is protected by a password; use one made by `kioskctl keygen` or `minisign -G -W`";
    return false;
  }
  std::memcpy(out.key_id.data(), raw.data() + 54, 8);
  std::memcpy(out.key.data(), raw.data() + 62, 64);
  uint8_t chk[32];
  checksum(out, chk);
  // minisign 0.11 leaves the checksum of a password-less key all zeros; anything else must match.
  static const uint8_t zeros[32] = {};
  const bool ok = sodium_memcmp(chk, raw.data() + 126, 32) == 0 || sodium_memcmp(zeros, raw.data() + 126, 32) == 0;
  sodium_memzero(raw.data(), raw.size());
  if (!ok) error = "the secret key's checksum does not match: the file is damaged";
  return ok;
}

std::string minisign_sign(const MinisignSecretKey& k, std::string_view message, std::string_view trusted_comment,
                          std::string_view untrusted_comment) {
  ensure_sodium();
  uint8_t hash[crypto_generichash_BYTES_MAX];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const uint8_t*>(message.data()), message.size(), nullptr, 0);
  uint8_t sig[74];
  std::memcpy(sig, kAlgHashed, 2);
  std::memcpy(sig + 2, k.key_id.data(), 8);
  crypto_sign_detached(sig + 10, nullptr, hash, sizeof hash, k.key.data());
  std::vector<uint8_t> global(64 + trusted_comment.size());
  std::memcpy(global.data(), sig + 10, 64);
  std::memcpy(global.data() + 64, trusted_comment.data(), trusted_comment.size());
  uint8_t global_sig[64];
  crypto_sign_detached(global_sig, nullptr, global.data(), global.size(), k.key.data());
  return "untrusted comment: " + std::string(untrusted_comment) + "\n" + base64(sig, sizeof sig) + "\ntrusted comment: " +
         std::string(trusted_comment) + "\n" + base64(global_sig, sizeof global_sig) + "\n";
}

bool minisign_verify(const std::vector<MinisignPublicKey>& keys, std::string_view message, std::string_view file,
                     std::string& trusted_comment, std::string& error) {
  ensure_sodium();
  const auto ls = lines(file);
  std::vector<uint8_t> sig, global;
  constexpr std::string_view kTrusted = "trusted comment: ";
  if (ls.size() < 4 || ls[0].rfind("untrusted comment:", 0) != 0 || !unbase64(ls[1], sig) || sig.size() != 74 ||
      ls[2].rfind(kTrusted, 0) != 0 || !unbase64(ls[3], global) || global.size() != 64) {
    error = "the signature file is not in minisign's format";
    return false;
  }
  const MinisignPublicKey* key = nullptr;
  for (const auto& k : keys)
    if (std::memcmp(k.key_id.data(), sig.data() + 2, 8) == 0) key = &k;
  if (key == nullptr) {
    MinisignPublicKey unknown;
    std::memcpy(unknown.key_id.data(), sig.data() + 2, 8);
    error = "signed with key " + unknown.key_id_hex() + ", which is not among the trusted keys";
    return false;
  }
  int rc = -1;
  if (std::memcmp(sig.data(), kAlgHashed, 2) == 0) {
    uint8_t hash[crypto_generichash_BYTES_MAX];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const uint8_t*>(message.data()), message.size(), nullptr, 0);
    rc = crypto_sign_verify_detached(sig.data() + 10, hash, sizeof hash, key->key.data());
  } else if (std::memcmp(sig.data(), kAlgLegacy, 2) == 0) {
    rc = crypto_sign_verify_detached(sig.data() + 10, reinterpret_cast<const uint8_t*>(message.data()), message.size(),
                                     key->key.data());
  }
  if (rc != 0) {
    error = "the signature does not match the file: it was changed after signing, or signed by another key";
    return false;
  }
  const std::string_view comment = ls[2].substr(kTrusted.size());
  std::vector<uint8_t> signed_part(64 + comment.size());
  std::memcpy(signed_part.data(), sig.data() + 10, 64);
  std::memcpy(signed_part.data() + 64, comment.data(), comment.size());
  if (crypto_sign_verify_detached(global.data(), signed_part.data(), signed_part.size(), key->key.data()) != 0) {
    error = "the trusted comment was changed after signing";
    return false;
  }
  trusted_comment.assign(comment);
  return true;
}

std::vector<MinisignPublicKey> minisign_parse_public_keys(const std::vector<std::string>& texts,
                                                          std::vector<std::string>& problems) {
  std::vector<MinisignPublicKey> keys;
  for (const std::string& text : texts) {
    MinisignPublicKey k;
    std::string error;
    if (minisign_parse_public_key(text, k, error)) keys.push_back(k);
    else problems.push_back("public key \"" + text.substr(0, 12) + "\u2026\": " + error);
  }
  return keys;
}

}  // namespace kiosk
