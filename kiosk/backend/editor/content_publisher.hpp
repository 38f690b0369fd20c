#pragma once
// Publishing from the editor: the drafts become a signed bundle, written by the same code as
// `kioskctl publish` (write_bundle), live at the root kiosks fetch or as a preview under
// preview/, whose signature says channel=preview so no kiosk takes it for live content.
//
// The backend signs with its own online key, made at first start (mode 0600, never printed).
// Kiosks trust it beside the agency's offline key. Live content is re-signed with a fresh
// expiry before it runs out (daily, for a 7-day expiry), so kiosks never go stale while the
// server runs.
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>

#include "kiosk/backend/editor/editor_store.hpp"
#include "kiosk/core/problem.hpp"
#include "kiosk/net/minisign.hpp"

namespace kiosk::backend {

struct PublisherSettings {
  std::filesystem::path root;      // where kiosks fetch manifest.json; previews go to root/preview
  std::filesystem::path key_file;  // the online secret key; made (0600) when missing
  int64_t ttl_s = 7 * 86400;
  int64_t resign_when_left_s = 6 * 86400;  // re-sign live content once less than this is left
};

struct PublishResult {
  bool ok = false;
  long version = 0;
  std::string message;
  Problems problems;  // the validator's, when the drafts are not valid content
};

class ContentPublisher {
 public:
  // Throws with the reason when the key cannot be made or read, or is readable by others.
  ContentPublisher(EditorStore& store, PublisherSettings settings);

  const std::filesystem::path& public_key_file() const { return public_key_file_; }
  std::string public_key_base64() const;  // what kiosk.json's public_keys holds

  // The drafts, checked by the kiosk's parser (nothing written).
  Problems check_drafts();
  PublishResult publish(bool preview, const std::string& user, const std::string& note = "");
  // An older version's document published again as live content under a new number.
  PublishResult restore(long version, const std::string& user);
  // Re-signs the live document under a new number when it expires within resign_when_left_s
  // of `now`; ok with version 0 when nothing was due.
  PublishResult resign_if_due(int64_t now);

 private:
  PublishResult write(const nlohmann::json& document, bool preview, const std::string& user, const std::string& note);
  EditorStore& store_;
  PublisherSettings s_;
  MinisignSecretKey key_;
  std::filesystem::path public_key_file_;
  std::mutex publishing_;  // one publication at a time: version numbers and the manifest switch
};

}  // namespace kiosk::backend
