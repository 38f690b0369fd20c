// The editor's lists and forms for units and offers, pictures, duplicates and the archive.
#include <algorithm>

#include "kiosk/backend/editor/editor_site.hpp"
#include "kiosk/backend/editor/editor_texts.hpp"
#include "kiosk/core/content.hpp"
#include "kiosk/core/content_parser.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/offer_format.hpp"

namespace kiosk::backend {

using json = nlohmann::json;

namespace {

constexpr int kPageSize = 50;


std::string field_id(const std::string& path) {
  std::string id = "f-" + path;
  std::replace(id.begin(), id.end(), '.', '-');
  return id;
}

// Where a fixed choice's words live in the content's screen texts.
std::string choice_text_key(const std::string& path) {
  if (path == "commitment") return "commitment.";
  if (path == "time_slots") return "slot.";
  if (path == "police_certificate") return "police.";
  return {};
}

}  // namespace

ContentParseResult EditorSite::check_with(const std::string& kind, const std::string& id, const json& doc, size_t& index) {
  json drafts = store_.draft_document();
  drafts["schema"] = kContentSchema;
  json& list = drafts[kind];
  index = list.size();
  for (size_t i = 0; i < list.size(); ++i)
    if (list[i].value("id", "") == id) index = i;
  if (index == list.size())
    list.push_back(doc);
  else
    list[index] = doc;
  return parse_content_document("content", drafts.dump());
}

std::vector<std::string> EditorSite::check_section(const std::string& name, const json& doc) {
  json drafts = store_.draft_document();
  drafts["schema"] = kContentSchema;
  drafts[name] = doc;
  std::vector<std::string> why;
  for (const auto& p : parse_content_document("content", drafts.dump()).problems) why.push_back(p.to_string());
  return why;
}

void EditorSite::list(Call& c, const std::string& kind) {
  const auto& q = c.req;
  ItemQuery query;
  query.kind = kind;
  query.text = q.get_param_value("q").substr(0, 200);
  const std::string status = q.get_param_value("status"), district = q.get_param_value("district"),
                    category = q.get_param_value("category");
  query.status = status == "archived" ? ItemQuery::Status::Archived : status == "all" ? ItemQuery::Status::All : ItemQuery::Status::Active;
  if (!district.empty()) query.facet = "district:" + district;
  if (!category.empty()) query.facet2 = "category:" + category;
  int page_no = 0;
  try {
    page_no = std::clamp(std::stoi(q.get_param_value("page").empty() ? "0" : q.get_param_value("page")), 0, 100000);
  } catch (...) {
  }
  query.offset = page_no * kPageSize;
  query.limit = kPageSize;
  int total = 0;
  const auto items = store_.find(query, &total);

  json ctx = context(c, editor_text(c.lang, kind));
  ctx["kind"] = kind;
  ctx["heading"] = editor_text(c.lang, kind);
  ctx["q"] = query.text;
  ctx["count_text"] = fill(editor_text(c.lang, "count"), std::to_string(total));
  const json districts = store_.section("districts"), categories = store_.section("categories");
  auto names = [&](const json& section) {
    std::map<std::string, std::string> m;
    if (section.is_array())
      for (const auto& e : section) m[e.value("id", "")] = text_in(e.value("name", json()), c.lang);
    return m;
  };
  const auto district_names = names(districts);
  auto filter = [&](const std::string& name, const std::string& label, const std::vector<std::pair<std::string, std::string>>& options,
                    const std::string& chosen) {
    json opts = json::array();
    for (const auto& [value, text] : options) opts.push_back({{"value", value}, {"label", text}, {"selected", value == chosen}});
    return json{{"name", name}, {"label", label}, {"options", opts}, {"any", editor_text(c.lang, name == "status" ? "status_active" : "all")}};
  };
  json filters = json::array();
  if (kind == "organisations") {
    std::vector<std::pair<std::string, std::string>> d(district_names.begin(), district_names.end());
    filters.push_back(filter("district", editor_text(c.lang, "district"), d, district));
  }
  if (kind == "offers") {
    std::vector<std::pair<std::string, std::string>> d(district_names.begin(), district_names.end());
    const auto cn = names(categories);
    std::vector<std::pair<std::string, std::string>> cat(cn.begin(), cn.end());
    filters.push_back(filter("district", editor_text(c.lang, "district"), d, district));
    filters.push_back(filter("category", editor_text(c.lang, "category"), cat, category));
  }
  filters.push_back(filter("status", editor_text(c.lang, "status"),
                           {{"archived", editor_text(c.lang, "status_archived")}, {"all", editor_text(c.lang, "status_all")}}, status));
  ctx["filters"] = filters;
  json rows = json::array();
  for (const Item& it : items) {
    const auto missing = missing_translations(kind, it.doc);
    std::string gaps;
    for (const auto& [lang, fields] : missing) gaps += (gaps.empty() ? "" : " ") + std::string(lang == "en" ? "EN" : lang == "tr" ? "TR" : lang == "uk" ? "UK" : "DE");
    std::string where;
    if (kind == "offers" || kind == "organisations") {
      const auto d = district_names.find(it.doc.value("district", ""));
      where = (d != district_names.end() ? d->second : it.doc.value("district", "")) + " · " +
              it.doc.value(kind == "offers" ? "organisation" : "website", "");
    }
    rows.push_back({{"id", it.id}, {"kind", kind}, {"title", item_title(it.doc, c.lang)},
                    {"archived", it.archived}, {"where", where}, {"missing", gaps}, {"updated_at", shown_time(it.updated_at)},
                    {"updated_by", it.updated_by}, {"translatable", kind != "organisations"}});
  }
  ctx["rows"] = rows;
  ctx["translatable"] = kind != "organisations";
  if (kind == "offers" && page_no == 0 && query.text.empty()) {
    ctx["ending"] = ending_soon(c);
    ctx["has_ending"] = !ctx["ending"].empty();
  }
  if (kind == "offers") ctx["offers_tools"] = true;
  auto link = [&](int p) {
    return "/admin/" + kind + "?q=" + url_encode(query.text) + "&district=" + url_encode(district) + "&category=" + url_encode(category) +
           "&status=" + url_encode(status) + "&page=" + std::to_string(p);
  };
  if (page_no > 0) ctx["previous"] = link(page_no - 1);
  if ((page_no + 1) * kPageSize < total) ctx["next"] = link(page_no + 1);
  page(c, "items", ctx);
}

void EditorSite::edit_page(Call& c, const std::string& kind, const std::string& id, const json& doc,
                           const std::vector<FieldProblem>& problems, const std::vector<std::string>& other_problems, int status,
                           const std::string& image_error) {
  const bool existing = !id.empty() && store_.item(kind, id).has_value();
  const auto stored = existing ? store_.item(kind, id) : std::nullopt;
  json ctx = context(c, existing ? item_title(doc, c.lang) : editor_text(c.lang, kind == "offers" ? "new_offer" : kind == "units" ? "new_unit" : "new_organisation"));
  ctx["kind"] = kind;
  ctx["heading"] = ctx["title"];
  ctx["action"] = "/admin/" + kind + "/" + (existing ? id : std::string("new"));
  ctx["existing"] = existing;
  ctx["item_id"] = id;
  if (stored) {
    ctx["archived"] = stored->archived;
    std::string line = editor_text(c.lang, "status_line");
    line.replace(line.find("{at}"), 4, shown_time(stored->updated_at));
    line.replace(line.find("{by}"), 4, stored->updated_by);
    ctx["status_line"] = line;
    ctx["archive_value"] = stored->archived ? "0" : "1";
    ctx["archive_label"] = editor_text(c.lang, stored->archived ? "unarchive" : "archive");
    json history = json::array();
    for (const auto& h : store_.history(kind, id, 20)) history.push_back({{"at", shown_time(h.at)}, {"user", h.user}, {"what", h.what}});
    ctx["history"] = history;
  }
  std::map<std::string, std::string> errors;  // "path" or "path.lang" → message
  json summary = json::array();
  for (const auto& p : problems) {
    const std::string key = p.language.empty() ? p.field : p.field + "." + p.language;
    errors.emplace(key, p.message);
    std::string label = p.field, anchor = key;
    for (const auto& f : fields_of(kind))
      if (f.path == p.field) {
        label = c.lang == "en" ? f.label_en : f.label_de;
        // A text as a whole (missing, say) is shown at its German input.
        if (p.language.empty() && (f.kind == FieldKind::Text || f.kind == FieldKind::LongText || f.kind == FieldKind::TextList))
          anchor = key + ".de";
        if (f.kind == FieldKind::Facts) anchor = "facts";
      }
    if (!p.language.empty()) label += " (" + p.language + ")";
    summary.push_back({{"anchor", p.field.empty() ? "" : anchor == "facts" ? "facts" : field_id(anchor)}, {"label", label}, {"message", p.message}});
  }
  for (const auto& m : other_problems) summary.push_back({{"message", m}});
  ctx["problems"] = summary;
  ctx["has_problems"] = !summary.empty();
  if (!image_error.empty()) ctx["image_error"] = image_error;

  // Options: a taxonomy section, the units, or fixed words named by the content's screen texts.
  const json strings = store_.section("strings");
  auto options_for = [&](const FieldSpec& f, const json* value) {
    std::vector<std::pair<std::string, std::string>> opts;
    if (f.choices == "units" || f.choices == "organisations") {
      for (const Item& u : store_.find({f.choices, "", "", "", ItemQuery::Status::Active, 0, 100000}))
        if (u.id != id) opts.emplace_back(u.id, text_in(u.doc.value("name", json()), c.lang));
      if (f.choices == "organisations")
        std::sort(opts.begin(), opts.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    } else if (f.choices.find('|') == std::string::npos) {
      const json section = store_.section(f.choices);
      if (section.is_array())
        for (const auto& e : section) opts.emplace_back(e.value("id", ""), text_in(e.value("name", json()), c.lang));
    } else {
      size_t at = 0;
      while (at <= f.choices.size()) {
        const size_t bar = std::min(f.choices.find('|', at), f.choices.size());
        const std::string v = f.choices.substr(at, bar - at);
        const std::string key = choice_text_key(f.path) + v;
        std::string label = v;
        if (strings.is_object() && strings.contains(c.lang) && strings[c.lang].contains(key)) label = strings[c.lang][key];
        else if (strings.is_object() && strings.contains("de") && strings["de"].contains(key)) label = strings["de"][key];
        opts.emplace_back(v, label);
        at = bar + 1;
      }
    }
    json out = json::array();
    for (const auto& [v, label] : opts) {
      bool on = false;
      if (value && value->is_string()) on = *value == v;
      if (value && value->is_array())
        for (const auto& x : *value) on = on || x == v;
      out.push_back({{"value", v}, {"label", label}, {"checked", on}});
    }
    return out;
  };

  const auto missing = missing_translations(kind, doc);
  json languages = json::array();
  json details = json::array();
  for (const char* lang : kEditorLanguages) {
    const std::string code = lang;
    json fields = json::array();
    for (const FieldSpec& f : fields_of(kind)) {
      if (f.kind != FieldKind::Text && f.kind != FieldKind::LongText && f.kind != FieldKind::TextList) continue;
      const json* value = field_value(doc, f.path);
      std::string text;
      if (f.kind == FieldKind::TextList && value && value->is_array()) {
        for (const auto& t : *value) text += (t.is_object() && t.contains(code) ? t[code].get<std::string>() : std::string()) + "\n";
      } else if (value && value->is_object() && value->contains(code) && (*value)[code].is_string()) {
        text = (*value)[code].get<std::string>();
      }
      const std::string key = f.path + "." + code, fid = field_id(key);
      const auto err = errors.count(key) ? errors.find(key) : (code == "de" ? errors.find(f.path) : errors.end());
      const bool is_missing = missing.count(code) && std::count(missing.at(code).begin(), missing.at(code).end(), f.path);
      const std::string hint = code == "de" ? (c.lang == "en" ? f.hint_en : f.hint_de) : std::string();
      std::string described = hint.empty() ? "" : fid + "-hint";
      if (err != errors.end()) described += (described.empty() ? "" : " ") + fid + "-error";
      json field{{"id", fid}, {"name", key}, {"label", c.lang == "en" ? f.label_en : f.label_de}, {"value", text}, {"lang", code},
                 {"multi_line", f.kind != FieldKind::Text}, {"rows", f.kind == FieldKind::LongText ? 6 : 4},
                 {"required", f.required && code == "de"}, {"missing", is_missing}, {"hint", hint}, {"describedby", described}};
      if (err != errors.end()) field["error"] = err->second;
      fields.push_back(field);
    }
    const size_t gaps = missing.count(code) ? missing.at(code).size() : 0;
    languages.push_back({{"code", code}, {"label", code == "de" ? "Deutsch" : code == "en" ? "English" : code == "tr" ? "Türkçe" : "Українська"},
                         {"missing_count", static_cast<int>(gaps)},
                         {"missing_label", fill(editor_text(c.lang, "n_missing"), std::to_string(gaps))},
                         {"fields", fields}});
  }
  for (const FieldSpec& f : fields_of(kind)) {
    if (f.kind == FieldKind::Text || f.kind == FieldKind::LongText || f.kind == FieldKind::TextList) continue;
    const json* value = field_value(doc, f.path);
    const std::string fid = field_id(f.path);
    const auto err = errors.find(f.path);
    const std::string hint = c.lang == "en" ? f.hint_en : f.hint_de;
    if (f.kind == FieldKind::Image) {
      ctx["image_field"] = existing;
      if (value && value->is_string()) ctx["image_url"] = "/admin/media/" + value->get<std::string>();
      continue;
    }
    if (f.kind == FieldKind::Facts) {
      json rows = json::array();
      const size_t n = value && value->is_array() ? value->size() : 0;
      for (size_t i = 0; i <= n; ++i) {
        const json fact = i < n ? (*value)[i] : json::object();
        json cells = json::array();
        for (const char* part : {"label", "value"})
          for (const char* lang : kEditorLanguages) {
            const std::string name = "facts." + std::to_string(i) + "." + part + "." + lang;
            cells.push_back({{"id", field_id(name)}, {"name", name},
                             {"label", editor_text(c.lang, std::string("fact_") + part) + " " + lang},
                             {"value", fact.contains(part) && fact[part].contains(lang) ? fact[part][lang].get<std::string>() : ""}});
          }
        const std::string name = "facts." + std::to_string(i) + ".as_of";
        cells.push_back({{"id", field_id(name)}, {"name", name}, {"label", editor_text(c.lang, "fact_as_of")}, {"value", fact.value("as_of", "")}});
        rows.push_back({{"index", static_cast<int>(i)}, {"cells", cells}});
      }
      ctx["facts"] = {{"label", c.lang == "en" ? f.label_en : f.label_de}, {"hint", hint}, {"rows", rows}};
      if (err != errors.end()) ctx["facts"]["error"] = err->second;
      continue;
    }
    std::string described = hint.empty() ? "" : fid + "-hint";
    if (err != errors.end()) described += (described.empty() ? "" : " ") + fid + "-error";
    json field{{"id", fid}, {"name", f.path}, {"label", c.lang == "en" ? f.label_en : f.label_de}, {"required", f.required},
               {"hint", hint}, {"describedby", described}};
    if (err != errors.end()) field["error"] = err->second;
    switch (f.kind) {
      case FieldKind::Bool: field["is_bool"] = true; field["checked"] = value && value->is_boolean() && value->get<bool>(); break;
      case FieldKind::Choice: field["is_choice"] = true; field["options"] = options_for(f, value); break;
      case FieldKind::Choices: field["is_choices"] = true; field["options"] = options_for(f, value); break;
      default: {
        field["is_input"] = true;
        field["input_type"] = f.kind == FieldKind::Date ? "date" : f.kind == FieldKind::Int ? "number" : "text";
        std::string v;
        if (value && value->is_string()) v = value->get<std::string>();
        if (value && value->is_number()) v = std::to_string(value->get<long>());
        if (value && value->is_array())
          for (const auto& x : *value) v += (v.empty() ? "" : ", ") + (x.is_string() ? x.get<std::string>() : x.dump());
        field["value"] = v;
        field["readonly"] = f.kind == FieldKind::Id && existing;
      }
    }
    details.push_back(field);
  }
  ctx["languages"] = languages;
  ctx["fields"] = details;
  page(c, "item_edit", ctx, status);
}

void EditorSite::edit(Call& c, const std::string& kind, const std::string& id) {
  if (id == "new") return edit_page(c, kind, "", json::object(), {}, {}, 200);
  const auto it = store_.item(kind, id);
  if (!it) return error_page(c, 404, "404", editor_text(c.lang, "not_found"));
  edit_page(c, kind, id, it->doc, {}, {}, 200);
}

}  // namespace kiosk::backend
