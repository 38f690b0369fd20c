// The fleet in the browser, what changed since the live version, and offers that end soon
// (issue 16). The fleet's rows and their rules are kiosk/core/fleet_report's, the same that
// `kioskctl fleet` prints.
#include "kiosk/backend/editor/editor_site.hpp"
#include "kiosk/backend/editor/editor_texts.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/fleet_report.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/offer_format.hpp"
#include "kiosk/core/staff_status.hpp"
#include "kiosk/net/digest.hpp"

namespace kiosk::backend {

using json = nlohmann::json;

namespace {

constexpr int kEndingWithinDays = 14;

// An item's title, or its id when it has none.
std::string title_of(const json& doc, const std::string& lang) {
  const std::string title = item_title(doc, lang);
  return title.empty() ? doc.value("id", "") : title;
}

// "vor 12 min" / "12 min ago", "nie" / "never".
std::string ago(const std::string& lang, const std::string& when, int64_t now) {
  const int64_t t = parse_rfc3339(when);
  return t < 0 ? editor_text(lang, "never") : fill(editor_text(lang, "ago"), format_duration(now - t));
}

// A kiosk's own words, cut to what a table cell holds (at a character's start, not inside one).
std::string shortened(const std::string& text, size_t max_bytes = 300) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "\u2026";
}

}  // namespace

void EditorSite::fleet_page(Call& c) {
  const int64_t now = clock_();
  json ctx = context(c, editor_text(c.lang, "fleet"));
  json kiosks = json::array();
  int missing = 0;
  for (const FleetRow& k : fleet_rows(kiosks_.kiosks(), now)) {
    missing += k.missing;
    kiosks.push_back({{"id", k.id}, {"version", std::to_string(k.content_version)}, {"stale", k.stale},
                      {"last_sync", ago(c.lang, k.last_sync, now)}, {"pending", std::to_string(k.pending)},
                      {"oldest", k.pending > 0 ? format_duration(k.oldest_pending_s) : "–"},
                      {"last_seen", ago(c.lang, k.last_seen, now)}, {"seen_at", shown_time(k.last_seen)}, {"missing", k.missing},
                      {"last_error", shortened(k.last_error)}});
  }
  ctx["kiosks"] = kiosks;
  ctx["has_kiosks"] = !kiosks.empty();
  if (missing > 0) ctx["alert"] = fill(editor_text(c.lang, "fleet_missing"), std::to_string(missing));
  json waiting = json::array();
  for (const auto& w : kiosks_.registrations_by_offer()) {
    const auto offer = store_.item("offers", w.offer);
    waiting.push_back({{"offer", w.offer}, {"title", offer ? title_of(offer->doc, c.lang) : w.offer}, {"known", offer.has_value()},
                       {"count", std::to_string(w.count)}, {"oldest", shown_time(w.oldest)}});
  }
  ctx["waiting"] = waiting;
  ctx["has_waiting"] = !waiting.empty();
  page(c, "fleet", ctx);
}

void EditorSite::sync_now(Call& c, const std::string& kiosk) {
  if (!kiosks_.request_sync(kiosk)) return error_page(c, 404, "404", editor_text(c.lang, "fleet_unknown_kiosk"));
  log::info("editor: " + c.session->account.name + " asked kiosk " + kiosk + " to sync now");
  redirect(c, "/admin/fleet?notice=sync_now");
}

void EditorSite::changes_page(Call& c) {
  json ctx = context(c, editor_text(c.lang, "changes_title"));
  const auto live = store_.latest("live");
  if (!live) {
    ctx["nothing_live"] = true;
    return page(c, "changes", ctx);
  }
  std::shared_ptr<const LiveItems> cached;
  {
    std::lock_guard<std::mutex> lock(live_mutex_);
    cached = live_items_;
  }
  if (!cached || cached->version != live->version) {  // once per live version: then only digests are compared
    auto fresh = std::make_shared<LiveItems>();
    fresh->version = live->version;
    const json doc = store_.version_document(live->version).value_or(json::object());
    for (const auto& [name, value] : doc.items()) {
      if (name == "schema") continue;
      if ((name == "units" || name == "offers") && value.is_array()) {
        for (const auto& item : value)
          if (item.is_object()) {
            std::string text = item.dump();
            fresh->items[name + "/" + item.value("id", "")] = {sha256_hex(text), std::move(text)};
          }
        continue;
      }
      fresh->sections[name] = value.dump();
    }
    std::lock_guard<std::mutex> lock(live_mutex_);
    live_items_ = cached = fresh;
  }
  json added = json::array(), changed = json::array(), removed = json::array();
  for (const ItemDigest& d : store_.item_digests()) {
    const std::string& kind = d.kind;
    const std::string& id = d.id;
    const bool archived = d.archived;
    const auto was = cached->items.find(kind + "/" + id);
    if (archived ? was == cached->items.end() : (was != cached->items.end() && was->second.digest == d.digest)) continue;
    const auto item = store_.item(kind, id);
    if (!item) continue;
    const json& now_doc = item->doc;
    json row{{"kind", kind}, {"kind_label", editor_text(c.lang, kind)}, {"id", id}, {"title", title_of(now_doc, c.lang)},
             {"link", "/admin/" + kind + "/" + id}};
    if (archived) {
      removed.push_back(row);
      continue;
    }
    if (was == cached->items.end()) {
      added.push_back(row);
      continue;
    }
    std::string fields;
    for (const auto& f : changed_fields(kind, json::parse(was->second.text, nullptr, false), now_doc))
      fields += (fields.empty() ? "" : ", ") + field_label(kind, f, c.lang);
    if (fields.empty()) continue;  // only updated_at moved
    row["fields"] = fields;
    changed.push_back(row);
  }
  json sections = json::array();
  for (const auto& [name, text] : cached->sections) {
    const json now_section = store_.section(name);
    if (now_section.dump() != text) sections.push_back({{"name", editor_text(c.lang, "section_" + name)}});
  }
  ctx["live_line"] = fill(editor_text(c.lang, "changes_since"), std::to_string(live->version)) + " · " + shown_time(live->at);
  ctx["added"] = added;
  ctx["changed"] = changed;
  ctx["removed"] = removed;
  ctx["sections"] = sections;
  ctx["has_added"] = !added.empty();
  ctx["has_changed"] = !changed.empty();
  ctx["has_removed"] = !removed.empty();
  ctx["has_sections"] = !sections.empty();
  ctx["none"] = added.empty() && changed.empty() && removed.empty() && sections.empty();
  std::string counts = editor_text(c.lang, "changes_counts");
  for (const size_t n : {added.size(), changed.size(), removed.size()}) counts = fill(counts, std::to_string(n));
  ctx["counts"] = counts;
  page(c, "changes", ctx);
}

json EditorSite::ending_soon(const Call& c) {
  const int64_t now = clock_();
  const std::string today = local_date(now), limit = local_date(now + kEndingWithinDays * 86400);
  json rows = json::array();
  for (const Item& it : store_.ending("0000-01-01", limit)) {
    const std::string until = it.doc.value("valid_until", "");
    rows.push_back({{"id", it.id}, {"title", title_of(it.doc, c.lang)}, {"until", until},
                    {"past", until < today}, {"state", editor_text(c.lang, until < today ? "ended" : "ends")}});
  }
  return rows;
}

}  // namespace kiosk::backend
