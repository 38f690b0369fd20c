#include "kiosk/ui/screens/offer_detail_screen.hpp"

#include "kiosk/core/offer_format.hpp"

namespace kiosk::ui {
namespace {

void about(const ScreenContext& ctx, const Offer& o) {
  lead(ctx, "offer.image", o.image, o.image_alt, o.title, o.summary, o.description);
  if (!o.benefits.empty()) {
    subheading(ctx.ui, ctx.t("offer.benefits"));
    paragraph(ctx.ui, ctx.l(o.benefits));
  }
}

std::string where(const ScreenContext& ctx, const Offer& o) {
  std::string s = district_label(ctx.content, o, ctx.lang());
  if (!o.address.empty()) s += "\n" + o.address;
  if (o.remote) s += "\n" + std::string(ctx.t("offer.remote"));
  return s;
}

std::string_view qr_target(const Offer& o) { return o.url.empty() ? o.contact.url : o.url; }

void facts(const ScreenContext& ctx, const Offer& o) {
  const ContentSnapshot& c = ctx.content;
  const Lang lang = ctx.lang();
  const float w = fact_label_width(ctx);
  // In landscape the code heads the facts column, where it is seen without scrolling.
  if (ctx.landscape) qr_block(ctx, "offer.qr", qr_target(o));
  subheading(ctx.ui, ctx.t("offer.details"));
  fact_row(ctx.ui, ctx.t("offer.where"), where(ctx, o), w);
  fact_row(ctx.ui, ctx.t("offer.commitment"), commitment_label(c, o.commitment, lang), w);
  fact_row(ctx.ui, ctx.t("offer.hours_per_month"), hours_label(c, o, lang), w);
  fact_row(ctx.ui, ctx.t("offer.when"), time_slots_label(c, o, lang), w);
  fact_row(ctx.ui, ctx.t("offer.period"), period_label(c, o, lang), w);
  fact_row(ctx.ui, ctx.t("offer.minimum_age"), minimum_age_label(c, o, lang), w);
  fact_row(ctx.ui, ctx.t("offer.police_certificate"), police_certificate_label(c, o.police_certificate, lang), w);
  if (!o.languages.empty()) fact_row(ctx.ui, ctx.t("offer.languages"), languages_label(c, o, lang), w);
  if (!o.suitable_for.empty()) fact_row(ctx.ui, ctx.t("offer.suitable_for"), audiences_label(c, o, lang), w);
  if (!o.accessibility.empty()) fact_row(ctx.ui, ctx.t("offer.accessibility"), ctx.l(o.accessibility), w);
  std::string cats;
  for (const auto& id : o.categories)
    if (const Category* cat = c.find_category(id)) cats += (cats.empty() ? "" : "\n") + category_label(ctx, *cat);
  fact_row(ctx.ui, ctx.t("offer.categories"), cats, w);

  subheading(ctx.ui, ctx.t("offer.contact"));
  contact_block(ctx, o.contact, w);
  if (!ctx.landscape) qr_block(ctx, "offer.qr", qr_target(o));
  ImGui::Dummy(ImVec2(0, 0.3f * ctx.em()));
  muted(ctx.ui, fill(ctx.t("offer.updated"), format_date(o.updated_at.substr(0, 10), lang)));
}

}  // namespace

std::optional<ScreenAction> OfferDetailScreen::action(const ScreenContext& ctx) const {
  const Offer* o = ctx.content.find_offer(ctx.route.item);
  if (o == nullptr || !ctx.listed(*o) || !ctx.registration_available) return std::nullopt;
  return ScreenAction{"offer.register", std::string(ctx.t("offer.register")), Intent::open(ScreenId::Register, o->id), true,
                      Chevron::Right};
}

void OfferDetailScreen::draw(const ScreenContext& ctx) {
  const Offer* o = ctx.content.find_offer(ctx.route.item);
  if (o == nullptr || !ctx.listed(*o)) {  // gone with a content update, or past its valid_until
    ctx.emit(Intent::open(ScreenId::Offers));
    return;
  }
  heading(ctx.ui, ctx.l(o->title));
  ctx.mark_language(o->title);
  fallback_note(ctx, o->description);
  muted(ctx.ui, o->organisation);
  ImGui::Dummy(ImVec2(0, 0.3f * ctx.em()));
  if (ctx.registration_available) inline_action(ctx, *this);
  else muted(ctx.ui, ctx.t("offer.register_counter"));
  ImGui::Dummy(ImVec2(0, 0.3f * ctx.em()));
  columns_in_landscape(ctx, "##offer", 1.2f, [&] { about(ctx, *o); }, [&] { facts(ctx, *o); });
}

}  // namespace kiosk::ui
