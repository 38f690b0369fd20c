// Publishing, the history and the screen texts.
#include "kiosk/backend/editor/editor_site.hpp"
#include "kiosk/backend/editor/editor_texts.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/core/offer_format.hpp"
#include "kiosk/core/text_fold.hpp"

namespace kiosk::backend {

using json = nlohmann::json;

namespace {


// "$.offers[12].title" in the drafts → the offer's page, for a problem list that links.
std::string link_of(const json& drafts, const std::string& path) {
  for (const char* kind : {"offers", "units"}) {
    const std::string prefix = std::string("$.") + kind + "[";
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    try {
      const size_t i = std::stoul(path.substr(prefix.size()));
      if (drafts.contains(kind) && i < drafts[kind].size()) return std::string("/admin/") + kind + "/" + drafts[kind][i].value("id", "");
    } catch (...) {
    }
  }
  return {};
}

}  // namespace

void EditorSite::publish_page(Call& c, const std::vector<Problem>& problems, int status) {
  json ctx = context(c, editor_text(c.lang, "publish"));
  const auto live = store_.latest("live"), preview = store_.latest("preview");
  ctx["live_line"] = live ? editor_text(c.lang, "live_version") + " " + std::to_string(live->version) + " · " + shown_time(live->at) + " · " + live->user
                          : editor_text(c.lang, "nothing_live");
  ctx["preview_line"] = preview ? editor_text(c.lang, "preview_version") + " " + std::to_string(preview->version) + " · " + shown_time(preview->at) +
                                      " · " + preview->user
                                : editor_text(c.lang, "no_preview");
  const std::string changed = store_.last_change();
  if (!changed.empty()) ctx["draft_line"] = editor_text(c.lang, "drafts_changed") + " " + shown_time(changed);
  json versions = json::array();
  for (const auto& v : store_.versions(50))
    versions.push_back({{"version", v.version}, {"channel_label", editor_text(c.lang, v.channel == "preview" ? "channel_preview" : "channel_live")},
                        {"at", shown_time(v.at)}, {"user", v.user}, {"note", v.note},
                        {"restorable", c.session->account.role == Role::Publisher && v.channel == "live" && live && v.version != live->version},
                        {"csrf", c.session->csrf}});
  ctx["versions"] = versions;
  ctx["key_line"] = editor_text(c.lang, "key_line") + " " + publisher_.public_key_base64();
  if (!problems.empty()) {
    const json drafts = store_.draft_document();
    json list = json::array();
    for (const auto& p : problems) {
      const std::string link = link_of(drafts, p.path);
      list.push_back({{"link", link}, {"subject", p.subject.empty() ? p.path : p.subject}, {"message", p.path + ": expected " + p.expected + ", found " + p.found}});
    }
    ctx["problems"] = list;
    ctx["has_problems"] = true;
  }
  page(c, "publish", ctx, status);
}

void EditorSite::publish(Call& c, bool preview) {
  const PublishResult r = publisher_.publish(preview, c.session->account.name, form_value(c.form, "note").substr(0, 200));
  if (!r.ok) {
    if (!r.problems.empty()) return publish_page(c, r.problems, 422);
    return publish_page(c, {{"", "", r.message, "", ""}}, 500);
  }
  redirect(c, std::string("/admin/publish?notice=") + (preview ? "preview" : "published"));
}

void EditorSite::restore(Call& c, long version) {
  const PublishResult r = publisher_.restore(version, c.session->account.name);
  if (r.ok) return redirect(c, "/admin/publish?notice=restored");
  Problems problems = r.problems;
  if (problems.empty()) problems.push_back(Problem{"", "", r.message, "", ""});
  publish_page(c, problems, 422);
}

void EditorSite::history_page(Call& c) {
  json ctx = context(c, editor_text(c.lang, "history"));
  json entries = json::array();
  for (const auto& h : store_.history("", "", 200)) {
    json e{{"at", shown_time(h.at)}, {"user", h.user}, {"what", h.what}, {"subject", h.kind + (h.id.empty() ? "" : " " + h.id)}};
    if (h.kind == "offers" || h.kind == "units") e["link"] = "/admin/" + h.kind + "/" + h.id;
    entries.push_back(e);
  }
  ctx["entries"] = entries;
  page(c, "history", ctx);
}

void EditorSite::strings_page(Call& c, const std::vector<std::string>& problems, int status) {
  json ctx = context(c, editor_text(c.lang, "strings"));
  const json strings = store_.section("strings");
  const std::string q = c.req.has_param("q") ? c.req.get_param_value("q").substr(0, 200) : form_value(c.form, "key");
  ctx["q"] = q;
  const auto words = fold_words(q);
  json keys = json::array();
  int shown = 0, total = 0;
  if (strings.is_object() && strings.contains("de") && strings["de"].is_object()) {
    for (const auto& [key, de] : strings["de"].items()) {
      std::string haystack = fold_text(key);
      for (const char* lang : kEditorLanguages)
        if (strings.contains(lang) && strings[lang].contains(key) && strings[lang][key].is_string())
          haystack += " " + fold_text(strings[lang][key].get<std::string>());
      bool match = true;
      for (const auto& w : words) match = match && haystack.find(w) != std::string::npos;
      if (!match) continue;
      ++total;
      if (++shown > 60) continue;
      json langs = json::array();
      std::string anchor = key;
      for (char& ch : anchor)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '-';
      for (const char* lang : kEditorLanguages) {
        const bool has = strings.contains(lang) && strings[lang].contains(key) && strings[lang][key].is_string();
        langs.push_back({{"code", lang}, {"id", "s-" + anchor + "-" + lang}, {"label", std::string(lang)},
                         {"value", has ? strings[lang][key].get<std::string>() : ""}, {"missing", !has}});
      }
      keys.push_back({{"key", key}, {"anchor", anchor}, {"langs", langs}});
    }
  }
  ctx["keys"] = keys;
  ctx["count_text"] = fill(editor_text(c.lang, "count_strings"), std::to_string(total));
  json list = json::array();
  for (const auto& p : problems) list.push_back({{"message", p}});
  ctx["problems"] = list;
  ctx["has_problems"] = !problems.empty();
  page(c, "strings", ctx, status);
}

void EditorSite::save_string(Call& c) {
  const std::string key = form_value(c.form, "key");
  json strings = store_.section("strings");
  if (!strings.is_object() || !strings.contains("de") || !strings["de"].contains(key))
    return error_page(c, 404, "404", editor_text(c.lang, "not_found"));
  std::vector<std::string> changed;
  for (const char* lang : kEditorLanguages) {
    const std::string v = form_value(c.form, lang);
    const bool had = strings.contains(lang) && strings[lang].contains(key);
    if (v.empty()) {
      if (had) strings[lang].erase(key), changed.push_back(lang);
    } else if (!had || strings[lang][key] != v) {
      strings[lang][key] = v;
      changed.push_back(lang);
    }
  }
  if (const auto why = check_section("strings", strings); !why.empty()) return strings_page(c, why, 422);
  std::string what = "changed " + key;
  for (const auto& l : changed) what += " " + l;
  store_.save_section("strings", strings, c.session->account.name, now_text(), what);
  redirect(c, "/admin/strings?q=" + url_encode(key) + "&notice=saved");
}

void EditorSite::settings_page(Call& c, const std::vector<std::string>& problems, int status) {
  json ctx = context(c, editor_text(c.lang, "settings"));
  const json meta = store_.section("meta");
  json texts = json::array();
  for (const char* field : {"title", "notice"}) {
    json langs = json::array();
    const json text = meta.is_object() && meta.contains(field) ? meta[field] : json::object();
    for (const char* lang : kEditorLanguages) {
      const bool has = text.is_object() && text.contains(lang) && text[lang].is_string();
      langs.push_back({{"id", std::string("meta-") + field + "-" + lang}, {"name", std::string(field) + "." + lang}, {"code", lang},
                       {"language", lang}, {"value", has ? text[lang].get<std::string>() : ""}, {"missing", !has && text.contains("de")}});
    }
    texts.push_back({{"label", editor_text(c.lang, field == std::string("title") ? "content_title" : "content_notice")}, {"langs", langs}});
  }
  ctx["texts"] = texts;
  ctx["sample_data"] = meta.is_object() && meta.value("sample_data", false);
  json list = json::array();
  for (const auto& p : problems) list.push_back({{"message", p}});
  ctx["problems"] = list;
  ctx["has_problems"] = !problems.empty();
  page(c, "settings", ctx, status);
}

void EditorSite::save_settings(Call& c) {
  json meta = store_.section("meta");
  if (!meta.is_object()) meta = json::object();
  const json before = meta;
  for (const char* field : {"title", "notice"}) {
    json text = json::object();
    for (const char* lang : kEditorLanguages)
      if (const std::string v = form_value(c.form, std::string(field) + "." + lang); !v.empty()) text[lang] = v;
    if (text.empty())
      meta.erase(field);
    else
      meta[field] = text;
  }
  meta["sample_data"] = c.form.count("sample_data") > 0;
  if (const auto why = check_section("meta", meta); !why.empty()) return settings_page(c, why, 422);
  std::string what = "changed";
  for (const char* field : {"title", "notice", "sample_data"})
    if (before.value(field, json()) != meta.value(field, json())) what += std::string(" ") + field;
  store_.save_section("meta", meta, c.session->account.name, now_text(), what);
  redirect(c, "/admin/settings?notice=saved");
}

}  // namespace kiosk::backend
