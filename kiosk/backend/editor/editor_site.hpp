#pragma once
// The web editor at /admin/ (issue 15): sign-in, lists and forms for units, offers and the
// screen texts, pictures, publishing and the history. Pages are rendered on the server and
// work without JavaScript; every form carries the session's CSRF token.
//
// Rules every page follows, whatever its handler does: a signed-out client gets only the
// sign-in page and the static files (other GETs are sent there, POSTs get 403); a POST without
// the right token gets 403 and changes nothing; answers carry a strict Content-Security-Policy,
// no-store and nosniff; bodies over their limit get 413 before they are read (KioskApi's
// pre-routing check asks body_limit()).
#include <httplib.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/backend/editor/content_form.hpp"
#include "kiosk/backend/editor/content_publisher.hpp"
#include "kiosk/backend/editor/editor_store.hpp"
#include "kiosk/backend/editor/offer_csv.hpp"
#include "kiosk/backend/editor/staff_auth.hpp"
#include "kiosk/backend/backend_store.hpp"
#include "kiosk/core/content_parser.hpp"

namespace kiosk::backend {

struct EditorOptions {
  std::string bootstrap_css = "/usr/share/javascript/bootstrap5/css/bootstrap.min.css";
  bool secure_cookies = false;  // the session cookie gets Secure (set it behind https)
  std::vector<std::string> trusted_proxies;  // whose X-Forwarded-Proto/X-Real-IP are believed
  size_t max_form_bytes = 512 * 1024;
  size_t max_upload_bytes = 6 * 1024 * 1024;  // a 4 MB picture and its form around it
  size_t max_import_bytes = 34 * 1024 * 1024;  // a 32 MB spreadsheet and its form around it
  size_t max_picture_bytes = 4 * 1024 * 1024;
  int max_picture_side = 4000, min_picture_width = 200;
};

class EditorSite {
 public:
  // `kiosks` is the kiosks' side of the database: the fleet page reads their heartbeats and the
  // registrations waiting per offer (counts only: they are sealed) and asks for "sync now".
  EditorSite(EditorOptions options, EditorStore& store, StaffAuth& auth, ContentPublisher& publisher, BackendStore& kiosks,
             std::function<int64_t()> clock);
  void install(httplib::Server& server);
  // The largest body a request to `path` may declare; KioskApi refuses bigger ones with 413.
  size_t body_limit(const std::string& path) const;

  // What one request needs on its way through a handler.
  struct Call {
    const httplib::Request& req;
    httplib::Response& res;
    std::string lang;
    std::optional<StaffSession> session;
    FormValues form;
  };

 private:
  using Handler = std::function<void(Call&)>;
  void get(httplib::Server& s, const std::string& pattern, Handler h, bool signed_in = true);
  void post(httplib::Server& s, const std::string& pattern, Handler h, bool publisher_only = false);
  bool begin(Call& c, bool need_session);
  nlohmann::json context(const Call& c, const std::string& title) const;
  void page(Call& c, const std::string& name, nlohmann::json ctx, int status = 200) const;
  void error_page(Call& c, int status, const std::string& heading, const std::string& text) const;
  void redirect(Call& c, const std::string& to) const;
  std::string client_of(const httplib::Request& req) const;
  bool secure(const httplib::Request& req) const;
  std::string now_text() const;

  // Pages (editor_site.cpp, editor_items.cpp, editor_publishing.cpp).
  void sign_in_page(Call& c, const std::string& message, const std::string& name, int status);
  void sign_in(Call& c);
  void sign_out(Call& c);
  void password_page(Call& c, const std::string& error, int status);
  void change_password(Call& c);
  void users_page(Call& c, const std::string& error, const std::string& name, int status);
  void add_user(Call& c);
  void home(Call& c);
  void list(Call& c, const std::string& kind);
  void edit_page(Call& c, const std::string& kind, const std::string& id, const nlohmann::json& doc,
                 const std::vector<FieldProblem>& problems, const std::vector<std::string>& other_problems, int status,
                 const std::string& image_error = "");
  void edit(Call& c, const std::string& kind, const std::string& id);
  void save(Call& c, const std::string& kind, const std::string& id);
  void save_organisation(Call& c, const std::optional<Item>& before, const nlohmann::json& doc);
  void upload_image(Call& c, const std::string& kind, const std::string& id);
  void duplicate(Call& c, const std::string& kind, const std::string& id);
  void archive(Call& c, const std::string& kind, const std::string& id);
  void strings_page(Call& c, const std::vector<std::string>& problems, int status);
  void save_string(Call& c);
  void settings_page(Call& c, const std::vector<std::string>& problems, int status);
  void save_settings(Call& c);
  void publish_page(Call& c, const std::vector<Problem>& problems, int status);
  void publish(Call& c, bool preview);
  void restore(Call& c, long version);
  void history_page(Call& c);
  // Spreadsheets (editor_import.cpp), the fleet and what changed since the live version
  // (editor_fleet.cpp).
  void import_page(Call& c, const ImportPlan* plan, int status);
  void check_import(Call& c);
  void apply_import(Call& c);
  void export_offers(Call& c);
  void fleet_page(Call& c);
  void sync_now(Call& c, const std::string& kiosk);
  void changes_page(Call& c);
  // The offers whose valid_until is past or within the next 14 days, for the lists.
  nlohmann::json ending_soon(const Call& c);
  // The drafts with `doc` in place of (or added as) item `id` of `kind`, checked by the
  // kiosk's parser; `index` is the item's place there.
  ContentParseResult check_with(const std::string& kind, const std::string& id, const nlohmann::json& doc, size_t& index);
  // The drafts with section `name` replaced by `doc`, checked the same way: its problems in words.
  std::vector<std::string> check_section(const std::string& name, const nlohmann::json& doc);

  EditorOptions o_;
  EditorStore& store_;
  StaffAuth& auth_;
  ContentPublisher& publisher_;
  BackendStore& kiosks_;
  // The file each user's dry run showed, until they import it (or an hour has passed).
  struct PendingImport {
    std::string digest, bytes;
    int64_t at = 0;
  };
  std::mutex pending_mutex_;
  std::map<std::string, PendingImport> pending_imports_;
  // The live version's items as stored text, by "kind/id": what "what changed" compares with.
  struct LiveItem {
    std::string digest, text;
  };
  struct LiveItems {
    long version = -1;
    std::map<std::string, LiveItem> items;
    std::map<std::string, std::string> sections;
  };
  std::mutex live_mutex_;
  std::shared_ptr<const LiveItems> live_items_;
  std::function<int64_t()> clock_;
  std::string bootstrap_;
};

}  // namespace kiosk::backend
