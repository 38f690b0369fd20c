// Spreadsheets in and out (issue 16): upload → dry run (what would happen, every problem by
// row and column) → import as drafts; and the export in the same columns. The file the dry run
// showed is kept on the server for its user, so "import" imports exactly that file, checked
// again against the drafts as they are by then.
#include "kiosk/backend/editor/editor_site.hpp"
#include "kiosk/backend/editor/editor_texts.hpp"
#include "kiosk/backend/editor/offer_csv.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/core/offer_format.hpp"

namespace kiosk::backend {

using json = nlohmann::json;

namespace {

constexpr int64_t kPendingImportS = 3600;  // a dry run's file waits this long for its "import"
constexpr size_t kShownRows = 500;          // rows listed on the page; the counts cover all

std::string labels(const std::vector<std::string>& paths, const std::string& lang) {
  std::string out;
  for (const auto& p : paths) out += (out.empty() ? "" : ", ") + field_label("offers", p, lang);
  return out;
}

}  // namespace

void EditorSite::import_page(Call& c, const ImportPlan* plan, int status) {
  json ctx = context(c, editor_text(c.lang, "import"));
  const std::string done = c.req.get_param_value("done");
  if (!done.empty() && done.size() < 7 && done.find_first_not_of("0123456789") == std::string::npos)
    ctx["notice"] = fill(editor_text(c.lang, "import_done"), done);
  if (plan) {
    json p{{"readable", plan->readable}, {"digest", plan->digest}};
    if (!plan->readable) p["refusal"] = plan->refusal.in(c.lang);
    json notices = json::array();
    for (const auto& n : plan->notices) notices.push_back(n.in(c.lang));
    p["notices"] = notices;
    std::string summary = editor_text(c.lang, "import_summary");  // "{n} new, {n} changed, …": filled in order
    for (const int n : {plan->created, plan->changed, plan->unchanged, plan->refused}) summary = fill(summary, std::to_string(n));
    p["summary"] = summary;
    json problems = json::array();
    for (const auto& pr : plan->problems)
      problems.push_back({{"row", pr.row > 0 ? std::to_string(pr.row) : "–"}, {"column", pr.column}, {"message", pr.message}});
    p["problems"] = problems;
    p["has_problems"] = !plan->problems.empty();
    json rows = json::array();
    for (const auto& r : plan->rows) {
      if (rows.size() == kShownRows) break;
      if (r.outcome == ImportRow::Outcome::Unchanged) continue;
      const char* key = r.outcome == ImportRow::Outcome::New ? "import_new" : r.outcome == ImportRow::Outcome::Changed ? "import_changed" : "import_refused";
      rows.push_back({{"row", r.row}, {"id", r.id}, {"title", item_title(r.doc, c.lang)}, {"outcome", editor_text(c.lang, key)},
                      {"refused", r.outcome == ImportRow::Outcome::Refused},
                      {"fields", r.outcome == ImportRow::Outcome::Changed ? labels(r.fields, c.lang) : std::string()}});
    }
    p["rows"] = rows;
    p["can_import"] = plan->readable && plan->created + plan->changed > 0;
    p["import_label"] = fill(editor_text(c.lang, "import_apply"), std::to_string(plan->created + plan->changed));
    ctx["plan"] = p;
  }
  page(c, "import", ctx, status);
}

void EditorSite::check_import(Call& c) {
  const auto file = c.req.files.find("file");
  if (file == c.req.files.end() || file->second.content.empty()) {
    ImportPlan none;
    none.refusal = {editor_text("de", "import_no_file"), editor_text("en", "import_no_file")};
    return import_page(c, &none, 422);
  }
  const ImportPlan plan = plan_offer_import(file->second.content, store_.draft_document(), organisation_names(store_), now_text());
  if (plan.readable) {
    std::lock_guard<std::mutex> lock(pending_mutex_);
    pending_imports_[c.session->account.name] = {plan.digest, file->second.content, clock_()};
  }
  import_page(c, &plan, plan.readable ? 200 : 422);
}

void EditorSite::apply_import(Call& c) {
  std::string bytes;
  {
    std::lock_guard<std::mutex> lock(pending_mutex_);
    const auto it = pending_imports_.find(c.session->account.name);
    if (it != pending_imports_.end() && it->second.digest == form_value(c.form, "digest") && clock_() - it->second.at < kPendingImportS)
      bytes = it->second.bytes;
  }
  if (bytes.empty()) return error_page(c, 409, editor_text(c.lang, "import"), editor_text(c.lang, "import_gone"));
  // Checked again: the drafts may have changed since the dry run.
  const std::string now = now_text();
  json drafts = store_.draft_document();  // read once: the plan takes a copy, the save the original
  const ImportPlan plan = plan_offer_import(bytes, drafts, organisation_names(store_), now);
  const ImportSave save = import_save(plan, std::move(drafts), c.session->account.name, now);
  if (!save.problems.empty()) {  // rows that pass alone but not together: nothing is saved
    ImportPlan refused = plan;
    for (const auto& p : save.problems) refused.problems.push_back({0, "", p.to_string()});
    return import_page(c, &refused, 422);
  }
  if (!save.items.empty()) store_.save_items(save.items, save.whats);
  {
    std::lock_guard<std::mutex> lock(pending_mutex_);
    pending_imports_.erase(c.session->account.name);
  }
  log::info("editor: " + c.session->account.name + " imported " + std::to_string(save.items.size()) + " offers from a spreadsheet");
  redirect(c, "/admin/import?done=" + std::to_string(save.items.size()));
}

void EditorSite::export_offers(Call& c) {
  const json drafts = store_.draft_document();
  c.res.set_header("Content-Disposition", "attachment; filename=\"angebote-" + local_date(clock_()) + ".csv\"");
  c.res.set_content(export_offers_csv(drafts.value("offers", json::array())), "text/csv; charset=utf-8");
}

}  // namespace kiosk::backend
