#include "kiosk/ui/screens/unit_detail_screen.hpp"

#include "kiosk/core/offer_format.hpp"

namespace kiosk::ui {
namespace {

void about(const ScreenContext& ctx, const Unit& u) {
  lead(ctx, "unit.image", u.image, u.image_alt, u.name, u.summary, u.description);
  if (!u.topics.empty()) {
    subheading(ctx.ui, ctx.t("unit.topics"));
    for (const auto& topic : u.topics) paragraph(ctx.ui, "\xE2\x80\xA2 " + ctx.l(topic));  // bullet
  }
}

void facts_and_contact(const ScreenContext& ctx, const Unit& u) {
  const float label_w = fact_label_width(ctx);
  if (!u.facts.empty()) {
    subheading(ctx.ui, ctx.t("unit.facts"));
    for (const Fact& f : u.facts) {
      // A figure says when its source stated it, in the visitor's language ("Stand 2020").
      const std::string value = f.as_of.empty() ? ctx.l(f.value) : ctx.l(f.value) + " (" + kiosk::fill(ctx.t("fact.as_of"), f.as_of) + ")";
      fact_row(ctx.ui, ctx.l(f.label), value, label_w);
    }
  }
  subheading(ctx.ui, ctx.t("unit.contact"));
  contact_block(ctx, u.contact, label_w);
  qr_block(ctx, "unit.qr", u.url);
  if (const Unit* parent = u.parent.empty() ? nullptr : ctx.content.find_unit(u.parent)) {
    subheading(ctx.ui, ctx.t("unit.part_of"));
    if (card(ctx.ui, "unit." + parent->id, ctx.l(parent->name), {}))
      ctx.emit(Intent::open(ScreenId::UnitDetail, parent->id));
  }
  // The units below this one, listed rather than counted in a text that can disagree with the
  // home screen's count.
  bool any_child = false;
  for (const Unit& child : ctx.content.units) {
    if (child.parent != u.id) continue;
    if (!any_child) subheading(ctx.ui, ctx.t("unit.includes"));
    any_child = true;
    if (card(ctx.ui, "unit." + child.id, ctx.l(child.name), {})) ctx.emit(Intent::open(ScreenId::UnitDetail, child.id));
  }
}

}  // namespace

void UnitDetailScreen::draw(const ScreenContext& ctx) {
  const Unit* u = ctx.content.find_unit(ctx.route.item);
  if (u == nullptr) {  // gone with a content update: nothing sensible to show here
    ctx.emit(Intent::open(ScreenId::Units));
    return;
  }
  heading(ctx.ui, ctx.l(u->name));
  ctx.mark_language(u->name);
  fallback_note(ctx, u->description);
  columns_in_landscape(ctx, "##unit", 1.4f, [&] { about(ctx, *u); }, [&] { facts_and_contact(ctx, *u); });

  bool any = false;
  for (const Offer& o : ctx.content.offers) {
    if (o.unit != u->id || !ctx.listed(o)) continue;
    if (!any) subheading(ctx.ui, ctx.t("unit.offers"));
    any = true;
    offer_card(ctx, o);
  }
}

}  // namespace kiosk::ui
