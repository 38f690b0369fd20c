#include "kiosk/backend/editor/editor_site.hpp"

#include <algorithm>

#include "kiosk/backend/editor/editor_texts.hpp"
#include "kiosk/backend/editor/page_renderer.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/net/random_id.hpp"
#include "kiosk/store/atomic_file.hpp"

namespace kiosk::backend {

using json = nlohmann::json;

namespace {

constexpr const char* kSessionCookie = "kb_session";
constexpr const char* kSignInCookie = "kb_signin";  // the sign-in form's token, before a session exists

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  const std::string all = req.get_header_value("Cookie");
  size_t at = 0;
  while (at < all.size()) {
    while (at < all.size() && all[at] == ' ') ++at;
    const size_t end = std::min(all.find(';', at), all.size());
    const std::string pair = all.substr(at, end - at);
    if (pair.size() > name.size() && pair.compare(0, name.size(), name) == 0 && pair[name.size()] == '=')
      return pair.substr(name.size() + 1);
    at = end + 1;
  }
  return {};
}

}  // namespace

EditorSite::EditorSite(EditorOptions options, EditorStore& store, StaffAuth& auth, ContentPublisher& publisher,
                       BackendStore& kiosks, std::function<int64_t()> clock)
    : o_(std::move(options)), store_(store), auth_(auth), publisher_(publisher), kiosks_(kiosks), clock_(std::move(clock)) {
  bootstrap_ = read_whole_file(o_.bootstrap_css, 4u << 20).value_or("");
  if (bootstrap_.empty()) log::warning("editor: no Bootstrap at " + o_.bootstrap_css + "; pages are served unstyled");
}

size_t EditorSite::body_limit(const std::string& path) const {
  if (path == "/admin/import/check") return o_.max_import_bytes;
  const bool upload = path.size() > 6 && path.compare(path.size() - 6, 6, "/image") == 0;
  return upload ? o_.max_upload_bytes : o_.max_form_bytes;
}

std::string EditorSite::client_of(const httplib::Request& req) const {
  const auto& p = o_.trusted_proxies;
  if (std::find(p.begin(), p.end(), req.remote_addr) != p.end() && req.has_header("X-Real-IP")) return req.get_header_value("X-Real-IP");
  return req.remote_addr;
}

bool EditorSite::secure(const httplib::Request& req) const {
  const auto& p = o_.trusted_proxies;
  return o_.secure_cookies ||
         (std::find(p.begin(), p.end(), req.remote_addr) != p.end() && req.get_header_value("X-Forwarded-Proto") == "https");
}

std::string EditorSite::now_text() const { return format_rfc3339(clock_()); }

bool EditorSite::begin(Call& c, bool need_session) {
  c.res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; form-action 'self'; "
                   "frame-ancestors 'none'; base-uri 'none'");
  c.res.set_header("X-Content-Type-Options", "nosniff");
  c.res.set_header("Referrer-Policy", "same-origin");
  c.res.set_header("X-Frame-Options", "DENY");
  c.res.set_header("Cache-Control", "no-store");
  c.lang = editor_language(c.req.get_header_value("Accept-Language"));
  c.session = auth_.resume(cookie_value(c.req, kSessionCookie), clock_());
  if (!need_session) return true;
  if (!c.session) {
    if (c.req.method == "GET") return redirect(c, "/admin/sign-in"), false;
    return error_page(c, 403, "403", editor_text(c.lang, "signed_out")), false;
  }
  const bool password_pages = c.req.path == "/admin/password" || c.req.path == "/admin/sign-out";
  if (c.session->account.must_change && !password_pages) {
    if (c.req.method == "GET") return redirect(c, "/admin/password"), false;
    return error_page(c, 403, "403", editor_text(c.lang, "password_must_change")), false;
  }
  return true;
}

void EditorSite::get(httplib::Server& s, const std::string& pattern, Handler h, bool signed_in) {
  s.Get(pattern, [this, h, signed_in](const httplib::Request& req, httplib::Response& res) {
    Call c{req, res, "de", std::nullopt, {}};
    if (begin(c, signed_in)) h(c);
  });
}

void EditorSite::post(httplib::Server& s, const std::string& pattern, Handler h, bool publisher_only) {
  s.Post(pattern, [this, h, publisher_only](const httplib::Request& req, httplib::Response& res) {
    Call c{req, res, "de", std::nullopt, {}};
    if (!begin(c, true)) return;
    if (req.body.size() > body_limit(req.path)) return error_page(c, 413, "413", editor_text(c.lang, "too_large"));
    if (req.is_multipart_form_data()) {
      for (const auto& [name, part] : req.files)
        if (part.filename.empty()) c.form.emplace(name, part.content);
    } else {
      c.form = parse_form(req.body);
    }
    if (!StaffAuth::csrf_ok(*c.session, form_value(c.form, "csrf"))) {
      log::warning("editor: " + req.method + " " + req.path + " without a valid CSRF token from " + client_of(req) + ": 403");
      return error_page(c, 403, "403", editor_text(c.lang, "csrf"));
    }
    if (publisher_only && c.session->account.role != Role::Publisher)
      return error_page(c, 403, "403", editor_text(c.lang, "only_publishers"));
    h(c);
  });
}

json EditorSite::context(const Call& c, const std::string& title) const {
  json ctx{{"lang", c.lang}, {"title", title}, {"t", editor_texts(c.lang)}};
  if (c.session) {
    ctx["user"] = {{"name", c.session->account.name},
                   {"role_label", editor_text(c.lang, c.session->account.role == Role::Publisher ? "role_publisher" : "role_editor")},
                   {"publisher", c.session->account.role == Role::Publisher}};
    ctx["csrf"] = c.session->csrf;
    ctx["publisher"] = c.session->account.role == Role::Publisher;
  }
  const std::string notice = c.req.get_param_value("notice");
  if (!notice.empty() && editor_texts(c.lang).contains("notice_" + notice)) ctx["notice"] = editor_text(c.lang, "notice_" + notice);
  return ctx;
}

void EditorSite::page(Call& c, const std::string& name, json ctx, int status) const {
  c.res.status = status;
  c.res.set_content(render_page(name, ctx), "text/html; charset=utf-8");
}

void EditorSite::error_page(Call& c, int status, const std::string& heading, const std::string& text) const {
  json ctx = context(c, heading);
  ctx["heading"] = heading;
  ctx["text"] = text;
  if (status == 413) c.res.set_header("Connection", "close");
  page(c, "error", ctx, status);
}

void EditorSite::redirect(Call& c, const std::string& to) const {
  c.res.status = 303;
  c.res.set_header("Location", to);
}

void EditorSite::install(httplib::Server& s) {
  s.Get("/admin/static/(bootstrap\\.min\\.css|editor\\.css|editor\\.js)", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string name = req.matches[1];
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "max-age=3600");
    if (name == "bootstrap.min.css") return res.set_content(bootstrap_, "text/css; charset=utf-8");
    const auto file = editor_static_file(name);
    res.set_content(file.value_or(""), name == "editor.js" ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
  });
  get(s, "/admin/sign-in", [this](Call& c) {
    if (c.session) return redirect(c, "/admin/");
    sign_in_page(c, "", "", 200);
  }, false);
  s.Post("/admin/sign-in", [this](const httplib::Request& req, httplib::Response& res) {
    Call c{req, res, "de", std::nullopt, {}};
    begin(c, false);
    if (req.body.size() > o_.max_form_bytes) return error_page(c, 413, "413", editor_text(c.lang, "too_large"));
    c.form = parse_form(req.body);
    sign_in(c);
  });
  post(s, "/admin/sign-out", [this](Call& c) { sign_out(c); });
  get(s, "/admin/password", [this](Call& c) { password_page(c, "", 200); });
  post(s, "/admin/password", [this](Call& c) { change_password(c); });
  get(s, "/admin/users", [this](Call& c) {
    if (c.session->account.role != Role::Publisher) return error_page(c, 403, "403", editor_text(c.lang, "only_publishers"));
    users_page(c, "", "", 200);
  });
  post(s, "/admin/users", [this](Call& c) { add_user(c); }, true);
  get(s, "/admin/?", [this](Call& c) { home(c); });
  get(s, "/admin/offers\\.csv", [this](Call& c) { export_offers(c); });
  get(s, "/admin/import", [this](Call& c) { import_page(c, nullptr, 200); });
  post(s, "/admin/import/check", [this](Call& c) { check_import(c); });
  post(s, "/admin/import/apply", [this](Call& c) { apply_import(c); });
  get(s, "/admin/fleet", [this](Call& c) { fleet_page(c); });
  post(s, "/admin/fleet/([A-Za-z0-9._-]{1,64})/sync-now", [this](Call& c) { sync_now(c, c.req.matches[1]); });
  get(s, "/admin/changes", [this](Call& c) { changes_page(c); });
  for (const std::string kind : {"offers", "units", "organisations"}) {
    const std::string item = "/admin/" + kind + "/([a-z0-9][a-z0-9-]{0,63})";
    get(s, "/admin/" + kind, [this, kind](Call& c) { list(c, kind); });
    get(s, item, [this, kind](Call& c) { edit(c, kind, c.req.matches[1]); });
    post(s, item, [this, kind](Call& c) { save(c, kind, c.req.matches[1]); });
    post(s, item + "/image", [this, kind](Call& c) { upload_image(c, kind, c.req.matches[1]); });
    post(s, item + "/duplicate", [this, kind](Call& c) { duplicate(c, kind, c.req.matches[1]); });
    post(s, item + "/archive", [this, kind](Call& c) { archive(c, kind, c.req.matches[1]); });
  }
  get(s, "/admin/media/(media/[A-Za-z0-9._-]+)", [this](Call& c) {
    const auto bytes = store_.media(c.req.matches[1]);
    if (!bytes) return error_page(c, 404, "404", editor_text(c.lang, "not_found"));
    const std::string name = c.req.matches[1];
    c.res.set_content(*bytes, name.size() > 4 && name.compare(name.size() - 4, 4, ".png") == 0 ? "image/png" : "image/jpeg");
  });
  get(s, "/admin/strings", [this](Call& c) { strings_page(c, {}, 200); });
  get(s, "/admin/settings", [this](Call& c) { settings_page(c, {}, 200); });
  post(s, "/admin/settings", [this](Call& c) { save_settings(c); });
  post(s, "/admin/strings", [this](Call& c) { save_string(c); });
  get(s, "/admin/publish", [this](Call& c) { publish_page(c, {}, 200); });
  post(s, "/admin/publish/preview", [this](Call& c) { publish(c, true); });
  post(s, "/admin/publish/live", [this](Call& c) { publish(c, false); }, true);
  post(s, "/admin/publish/restore/([0-9]{1,9})", [this](Call& c) { restore(c, std::stol(c.req.matches[1])); }, true);
  get(s, "/admin/history", [this](Call& c) { history_page(c); });
  // Anything else under /admin/: the sign-in page for strangers, "not found" for staff.
  get(s, "/admin/.*", [this](Call& c) { error_page(c, 404, "404", editor_text(c.lang, "not_found")); });
  post(s, "/admin/.*", [this](Call& c) { error_page(c, 404, "404", editor_text(c.lang, "not_found")); });
}

void EditorSite::sign_in_page(Call& c, const std::string& message, const std::string& name, int status) {
  // Login CSRF (OWASP): the form's token must come back with the cookie it was set in.
  const std::string token = random_token(24);
  c.res.set_header("Set-Cookie", std::string(kSignInCookie) + "=" + token + "; Path=/admin/; HttpOnly; SameSite=Strict" +
                                     (secure(c.req) ? "; Secure" : ""));
  json ctx = context(c, editor_text(c.lang, "sign_in"));
  ctx["csrf"] = token;
  if (!message.empty()) ctx["message"] = message;
  ctx["name"] = name;
  page(c, "sign_in", ctx, status);
}

void EditorSite::sign_in(Call& c) {
  const std::string expected = cookie_value(c.req, kSignInCookie), token = form_value(c.form, "csrf");
  if (expected.empty() || token != expected) return error_page(c, 403, "403", editor_text(c.lang, "csrf"));
  const std::string name = form_value(c.form, "name").substr(0, 64);
  const SignInResult r = auth_.sign_in(name, form_value(c.form, "password"), client_of(c.req), clock_());
  if (!r.ok) {
    if (r.wait_s > 0) log::warning("editor: sign-in from " + client_of(c.req) + " braked for " + std::to_string(r.wait_s) + " s");
    if (r.wait_s > 0) c.res.set_header("Retry-After", std::to_string(r.wait_s));
    return sign_in_page(c, r.message, name, r.wait_s > 0 ? 429 : 401);
  }
  log::info("editor: " + name + " signed in from " + client_of(c.req));
  c.res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + r.session_id + "; Path=/admin/; HttpOnly; SameSite=Strict" +
                                     (secure(c.req) ? "; Secure" : ""));
  c.res.set_header("Set-Cookie", std::string(kSignInCookie) + "=; Path=/admin/; Max-Age=0; HttpOnly; SameSite=Strict");
  redirect(c, r.must_change ? "/admin/password" : "/admin/");
}

void EditorSite::sign_out(Call& c) {
  auth_.sign_out(cookie_value(c.req, kSessionCookie));
  c.res.set_header("Set-Cookie", std::string(kSessionCookie) + "=; Path=/admin/; Max-Age=0; HttpOnly; SameSite=Strict");
  redirect(c, "/admin/sign-in");
}

void EditorSite::password_page(Call& c, const std::string& error, int status) {
  json ctx = context(c, editor_text(c.lang, "password_title"));
  ctx["must_change"] = c.session->account.must_change;
  if (!error.empty()) ctx["error"] = error;
  page(c, "password", ctx, status);
}

void EditorSite::change_password(Call& c) {
  const std::string why = auth_.change_password(c.session->account.name, form_value(c.form, "new_password"));
  if (!why.empty()) return password_page(c, why, 422);
  const std::string id = auth_.new_session(c.session->account.name, clock_());
  c.res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + id + "; Path=/admin/; HttpOnly; SameSite=Strict" +
                                     (secure(c.req) ? "; Secure" : ""));
  redirect(c, "/admin/?notice=password");
}

void EditorSite::users_page(Call& c, const std::string& error, const std::string& name, int status) {
  json ctx = context(c, editor_text(c.lang, "users"));
  json list = json::array();
  for (const auto& a : store_.accounts())
    list.push_back({{"name", a.name},
                    {"role_label", editor_text(c.lang, a.role == Role::Publisher ? "role_publisher" : "role_editor")},
                    {"created", shown_time(a.created)}});
  ctx["accounts"] = list;
  if (!error.empty()) ctx["error"] = error;
  ctx["name"] = name;
  page(c, "users", ctx, status);
}

void EditorSite::add_user(Call& c) {
  const std::string name = form_value(c.form, "name").substr(0, 64);
  const auto role = role_from(form_value(c.form, "role"));
  if (!role) return users_page(c, editor_text(c.lang, "bad_role"), name, 422);
  const std::string why = auth_.create_account(name, *role, form_value(c.form, "password"), true, now_text());
  if (!why.empty()) return users_page(c, why, name, 422);
  log::info("editor: " + c.session->account.name + " added the account " + name + " (" + role_name(*role) + ")");
  redirect(c, "/admin/users?notice=account");
}

void EditorSite::home(Call& c) {
  json ctx = context(c, editor_text(c.lang, "welcome"));
  int offers = 0, units = 0;
  store_.find({"offers", "", "", "", ItemQuery::Status::Active, 0, 0}, &offers);
  store_.find({"units", "", "", "", ItemQuery::Status::Active, 0, 0}, &units);
  ctx["offer_count"] = std::to_string(offers);
  ctx["unit_count"] = std::to_string(units);
  const auto live = store_.latest("live");
  ctx["live_line"] = live ? editor_text(c.lang, "live_version") + " " + std::to_string(live->version) + " · " + shown_time(live->at)
                          : editor_text(c.lang, "nothing_live");
  page(c, "home", ctx);
}

}  // namespace kiosk::backend
