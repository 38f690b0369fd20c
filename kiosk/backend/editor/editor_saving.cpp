// Saving from the editor: every save is checked by the kiosk's own parser on the whole draft
// content with this item in it, so what the editor lets you save is content a kiosk accepts.
#include "kiosk/backend/editor/editor_site.hpp"
#include "kiosk/backend/editor/editor_texts.hpp"
#include "kiosk/backend/editor/picture_check.hpp"
#include "kiosk/core/content_formats.hpp"
#include "kiosk/core/content_parser.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/offer_format.hpp"
#include "kiosk/net/digest.hpp"

namespace kiosk::backend {

using json = nlohmann::json;

namespace {

// A new item's id: the schema's rule, and not the word the form's own address uses.
bool valid_id(const std::string& id) { return id != "new" && is_id(id); }

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Problems outside the item (another item's, the content's as a whole), in words.
std::vector<std::string> other_problems(const std::string& kind, size_t index, const Problems& problems) {
  const std::string prefix = "$." + kind + "[" + std::to_string(index) + "]";
  std::vector<std::string> out;
  for (const auto& p : problems)
    if (p.path.compare(0, prefix.size(), prefix) != 0 ||
        (p.path.size() > prefix.size() && p.path[prefix.size()] != '.'))
      out.push_back(p.to_string());
  return out;
}

}  // namespace

void EditorSite::save(Call& c, const std::string& kind, const std::string& route_id) {
  const bool creating = route_id == "new";
  const auto before = creating ? std::nullopt : store_.item(kind, route_id);
  if (!creating && !before) return error_page(c, 404, "404", editor_text(c.lang, "not_found"));
  json doc = apply_form(kind, before ? before->doc : json::object(), c.form);
  const std::string id = doc.value("id", "");
  if (kind == "offers") doc["updated_at"] = now_text();
  std::vector<FieldProblem> own;
  if (creating && !valid_id(id)) own.push_back({"id", "", editor_text(c.lang, "bad_id")});
  if (creating && valid_id(id) && store_.item(kind, id)) own.push_back({"id", "", editor_text(c.lang, "id_taken")});
  if (!own.empty()) return edit_page(c, kind, "", doc, own, {}, 422);
  if (kind == "organisations") return save_organisation(c, before, doc);
  if (kind == "offers" && !doc.value("organisation_id", "").empty()) {
    // An offer that picks an organisation shows its name, as the record has it now.
    const auto org = store_.item("organisations", doc.value("organisation_id", ""));
    if (!org || org->archived)
      return edit_page(c, kind, creating ? "" : id, doc, {{"organisation_id", "", editor_text(c.lang, "unknown_organisation")}}, {}, 422);
    doc["organisation"] = org->doc.value("name", "");
  }

  size_t index = 0;
  const ContentParseResult checked = check_with(kind, id, doc, index);
  if (!checked.ok()) {
    return edit_page(c, kind, creating ? "" : id, doc, problems_of_item(kind, index, checked.problems),
                     other_problems(kind, index, checked.problems), 422);
  }
  const auto changed = changed_fields(kind, before ? before->doc : json::object(), doc);
  store_.save_item({kind, id, doc, before && before->archived, c.session->account.name, now_text()},
                   creating ? "created" : changed.empty() ? "saved without changes" : "changed " + joined(changed));
  redirect(c, "/admin/" + kind + "/" + id + "?notice=saved");
}

void EditorSite::save_organisation(Call& c, const std::optional<Item>& before, const json& doc) {
  // Organisations never reach a kiosk, so the kiosk's parser does not see them; these are
  // the rules their fields have in content/SCHEMA.md's words.
  const std::string id = doc.value("id", "");
  std::vector<FieldProblem> own;
  const auto text = [&](const char* field) { return doc.contains(field) && doc[field].is_string() ? doc[field].get<std::string>() : ""; };
  if (text("name").empty() || text("name").size() > 200) own.push_back({"name", "", "expected a name (1 to 200 characters), found " + (text("name").empty() ? std::string("nothing") : "a longer one")});
  if (!text("website").empty() && !is_https_url(text("website")))
    own.push_back({"website", "", "expected an https:// address, found \"" + text("website") + "\""});
  if (!text("district").empty()) {
    bool known = false;
    for (const auto& d : store_.section("districts")) known = known || d.value("id", "") == text("district");
    if (!known) own.push_back({"district", "", "expected a district id from districts, found \"" + text("district") + "\""});
  }
  if (!own.empty()) return edit_page(c, "organisations", before ? id : "", doc, own, {}, 422);
  const std::string now = now_text(), user = c.session->account.name;
  const auto changed = changed_fields("organisations", before ? before->doc : json::object(), doc);
  store_.save_item({"organisations", id, doc, before && before->archived, user, now},
                   !before ? "created" : changed.empty() ? "saved without changes" : "changed " + joined(changed));
  // A new name reaches every offer that picked the organisation, as drafts.
  if (before && before->doc.value("name", "") != text("name")) {
    std::vector<Item> offers;
    std::vector<std::string> whats;
    for (Item& o : store_.find({"offers", "", "organisation:" + id, "", ItemQuery::Status::All, 0, 100000})) {
      o.doc["organisation"] = text("name");
      o.doc["updated_at"] = now;
      offers.push_back({"offers", o.id, o.doc, o.archived, user, now});
      whats.push_back("changed organisation (renamed to " + text("name") + ")");
    }
    if (!offers.empty()) store_.save_items(offers, whats);
  }
  redirect(c, "/admin/organisations/" + id + "?notice=saved");
}

void EditorSite::upload_image(Call& c, const std::string& kind, const std::string& id) {
  const auto item = store_.item(kind, id);
  if (!item) return error_page(c, 404, "404", editor_text(c.lang, "not_found"));
  const auto file = c.req.files.find("image");
  PictureLimits limits;
  limits.max_bytes = o_.max_picture_bytes;
  limits.max_side = o_.max_picture_side;
  limits.min_width = o_.min_picture_width;
  const CheckedPicture picture = check_picture(file == c.req.files.end() ? std::string() : file->second.content, limits);
  if (!picture.problem.empty()) return edit_page(c, kind, id, item->doc, {}, {}, 422, editor_text(c.lang, picture.problem));
  const std::string name = "media/" + sha256_hex(picture.bytes) + picture.extension;
  store_.add_media(name, picture.bytes);
  json doc = item->doc;
  doc["image"] = name;
  if (kind == "offers") doc["updated_at"] = now_text();
  size_t index = 0;
  const ContentParseResult checked = check_with(kind, id, doc, index);
  if (!checked.ok()) return edit_page(c, kind, id, item->doc, {}, other_problems(kind, static_cast<size_t>(-1), checked.problems), 422);
  store_.save_item({kind, id, doc, item->archived, c.session->account.name, now_text()},
                   "changed image (" + std::to_string(picture.width) + " × " + std::to_string(picture.height) + ")");
  redirect(c, "/admin/" + kind + "/" + id + "?notice=image");
}

void EditorSite::duplicate(Call& c, const std::string& kind, const std::string& id) {
  const auto item = store_.item(kind, id);
  if (!item) return error_page(c, 404, "404", editor_text(c.lang, "not_found"));
  std::string copy = id.substr(0, 56) + "-kopie";
  for (int n = 2; store_.item(kind, copy); ++n) copy = id.substr(0, 52) + "-kopie-" + std::to_string(n);
  json doc = item->doc;
  doc["id"] = copy;
  if (kind == "offers") doc["updated_at"] = now_text();
  size_t index = 0;
  const ContentParseResult checked = check_with(kind, copy, doc, index);
  if (!checked.ok()) return edit_page(c, kind, id, item->doc, {}, other_problems(kind, static_cast<size_t>(-1), checked.problems), 422);
  store_.save_item({kind, copy, doc, false, c.session->account.name, now_text()}, "created as a copy of " + id);
  redirect(c, "/admin/" + kind + "/" + copy + "?notice=duplicated");
}

void EditorSite::archive(Call& c, const std::string& kind, const std::string& id) {
  const auto item = store_.item(kind, id);
  if (!item) return error_page(c, 404, "404", editor_text(c.lang, "not_found"));
  const bool archived = form_value(c.form, "archived") == "1";
  if (kind == "organisations") {
    int using_it = 0;
    store_.find({"offers", "", "organisation:" + id, "", ItemQuery::Status::Active, 0, 0}, &using_it);
    if (archived && using_it > 0)
      return edit_page(c, kind, id, item->doc, {}, {fill(editor_text(c.lang, "organisation_in_use"), std::to_string(using_it))}, 422);
    store_.set_archived(kind, id, archived, c.session->account.name, now_text());
    return redirect(c, "/admin/" + kind + "/" + id + (archived ? "?notice=archived" : "?notice=unarchived"));
  }
  json drafts = store_.draft_document();
  drafts["schema"] = kContentSchema;
  json& list = drafts[kind];
  if (archived) {
    for (size_t i = 0; i < list.size(); ++i)
      if (list[i].value("id", "") == id) list.erase(i);
  } else {
    list.push_back(item->doc);
  }
  // Archiving a unit that offers still name would leave content no kiosk accepts.
  const ContentParseResult checked = parse_content_document("content", drafts.dump());
  if (!checked.ok()) {
    std::vector<std::string> why{editor_text(c.lang, "cannot_archive")};
    for (const auto& p : checked.problems) why.push_back(p.to_string());
    return edit_page(c, kind, id, item->doc, {}, why, 422);
  }
  store_.set_archived(kind, id, archived, c.session->account.name, now_text());
  redirect(c, "/admin/" + kind + "/" + id + (archived ? "?notice=archived" : "?notice=unarchived"));
}

}  // namespace kiosk::backend
