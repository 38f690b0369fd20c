#pragma once
// The editor's parts put together for kiosk-backend's main: its store, sign-in, publisher and
// site, the drafts seeded from a content folder at first start, and the thread that re-signs
// live content before it expires.
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "kiosk/backend/backend_store.hpp"
#include "kiosk/backend/editor/content_publisher.hpp"
#include "kiosk/backend/editor/editor_site.hpp"
#include "kiosk/backend/editor/editor_store.hpp"
#include "kiosk/backend/editor/staff_auth.hpp"

namespace kiosk::backend {

struct EditorServiceOptions {
  std::string db;                        // the backend's database
  PublisherSettings publishing;          // root and key
  std::filesystem::path seed_content;    // imported into the drafts when they are empty
  EditorOptions site;
  AuthPolicy auth;
  int64_t resign_check_s = 3600;         // how often the re-signer looks (and old sessions go)
};

class EditorService {
 public:
  // `kiosks`: the kiosks' side of the same database, for the fleet page.
  EditorService(EditorServiceOptions options, BackendStore& kiosks);  // throws with the reason
  ~EditorService();
  void install(httplib::Server& server) { site_->install(server); }
  size_t body_limit(const std::string& path) const { return site_->body_limit(path); }
  std::string public_key_base64() const { return publisher_->public_key_base64(); }
  const std::filesystem::path& public_key_file() const { return publisher_->public_key_file(); }

 private:
  void resign_loop();
  EditorServiceOptions o_;
  std::unique_ptr<EditorStore> store_;
  std::unique_ptr<StaffAuth> auth_;
  std::unique_ptr<ContentPublisher> publisher_;
  std::unique_ptr<EditorSite> site_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread resigner_;
};

// `kiosk-backend user add NAME --role R`: the password is read from the terminal without echo
// (or from standard input when it is not a terminal), never from the command line. With
// `one_time`, a random password is made and printed once; it must be changed at first sign-in.
// `kiosk-backend publish`: the drafts (seeded from the content folder when empty) published as
// live content, as a publisher's "publish" does. For scripts, with no server running.
int publish_command(const EditorServiceOptions& options);

// `kiosk-backend import offers FILE`: the dry run, printed (every problem as "row N, column C:
// message"); with `apply`, the rows without problems saved as drafts, as the editor's import does.
int import_offers_command(const EditorServiceOptions& options, const std::string& file, bool apply);
// `kiosk-backend export offers [FILE]`: every offer as the editor's CSV (standard output for "-").
int export_offers_command(const EditorServiceOptions& options, const std::string& file);

int add_user_command(const std::string& db, const std::string& name, const std::string& role, bool one_time);

}  // namespace kiosk::backend
