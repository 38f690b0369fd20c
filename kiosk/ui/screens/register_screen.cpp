#include "kiosk/ui/screens/register_screen.hpp"

#include "kiosk/core/offer_format.hpp"
#include "kiosk/ui/icons.hpp"
#include "kiosk/ui/qr_code.hpp"

namespace kiosk::ui {
namespace {

// The problem for this field, in plain words, right under it.
void field_error(const ScreenContext& ctx, const std::vector<FieldError>& errors, std::string_view field, std::string_view label) {
  for (const auto& e : errors) {
    if (e.field != field) continue;
    // A sign as well as the colour: high contrast shows errors in yellow, and not everyone sees red.
    std::string text = std::string(icon::kWarning) + "  " + std::string(ctx.t(e.key));
    if (const Offer* o = ctx.content.find_offer(ctx.route.item)) text = fill(text, std::to_string(o->minimum_age));
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.ui.palette.primary);
    ImGui::PushFont(ctx.ui.fonts.bold);
    paragraph(ctx.ui, text);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    // Said as soon as it shows, naming its field (EN 301 549 5.1.3.15).
    WidgetRecord* w = ctx.ui.automation.last();
    w->role = Role::Alert;
    w->label = label.empty() ? std::string(ctx.t(e.key)) : std::string(label) + ": " + std::string(ctx.t(e.key));
    if (const Offer* o = ctx.content.find_offer(ctx.route.item)) w->label = fill(w->label, std::to_string(o->minimum_age));
  }
}

void labelled_field(const ScreenContext& ctx, const std::vector<FieldError>& errors, const char* id, std::string_view label,
                    const VisitorText& text, std::string_view hint = {}) {
  ImGui::PushFont(ctx.ui.fonts.bold);
  paragraph(ctx.ui, label);
  ImGui::PopFont();
  if (text_field(ctx.ui, id, text.view(), hint, ctx.focus == id, {}, true)) ctx.emit(Intent::focus(id));
  ctx.ui.automation.last()->label.assign(label);  // "Eingabefeld, Vorname": the label above is its name
  field_error(ctx, errors, id, label);
  ImGui::Dummy(ImVec2(0, 0.2f * ctx.em()));
}

}  // namespace

void RegisterScreen::draw(const ScreenContext& ctx) {
  const Offer* offer = ctx.content.find_offer(ctx.route.item);
  if (offer == nullptr || !ctx.registration_available) {
    ctx.emit(Intent::of(Intent::Kind::Back));
    return;
  }
  const RegistrationForm& f = ctx.session.form;
  const std::vector<FieldError> errors = ctx.session.form_checked ? validate_registration(f, *offer) : std::vector<FieldError>{};
  heading(ctx.ui, ctx.t("register.title"));
  muted(ctx.ui, ctx.l(offer->title));
  paragraph(ctx.ui, ctx.t("register.intro"));
  ImGui::Dummy(ImVec2(0, 0.3f * ctx.em()));

  labelled_field(ctx, errors, "form.first_name", ctx.t("form.first_name"), f.first_name);
  labelled_field(ctx, errors, "form.last_name", ctx.t("form.last_name"), f.last_name);
  muted(ctx.ui, ctx.t("form.reach_hint"));
  labelled_field(ctx, errors, "form.email", ctx.t("form.email"), f.email, ctx.t("form.email_example"));
  labelled_field(ctx, errors, "form.phone", ctx.t("form.phone"), f.phone, "0231 …");

  ImGui::PushFont(ctx.ui.fonts.bold);
  paragraph(ctx.ui, ctx.t("form.time"));
  ImGui::PopFont();
  bool first = true;
  for (ContactTime t : {ContactTime::Any, ContactTime::Morning, ContactTime::Afternoon, ContactTime::Evening}) {
    const std::string id = "form.time." + std::string(contact_time_id(t));
    const std::string label(ctx.t(id));
    if (!first) flow_next(chip_width(ctx.ui, label, f.contact_time == t));
    first = false;
    if (chip(ctx.ui, id, label, f.contact_time == t)) {
      Intent i = Intent::of(Intent::Kind::SetContactTime);
      i.value = contact_time_id(t);
      ctx.emit(i);
    }
  }
  ImGui::Dummy(ImVec2(0, 0.2f * ctx.em()));
  labelled_field(ctx, errors, "form.message", std::string(ctx.t("form.message")) + " " + std::string(ctx.t("form.optional")),
                 f.message);

  if (offer->minimum_age > 0) {
    if (checkbox(ctx.ui, "form.age", fill(ctx.t("form.age"), std::to_string(offer->minimum_age)), f.age_confirmed))
      ctx.emit(Intent::of(Intent::Kind::ToggleAgeConfirmed));
    field_error(ctx, errors, "form.age", {});
  }
  if (checkbox(ctx.ui, "form.consent", ctx.t("form.consent"), f.consent)) ctx.emit(Intent::of(Intent::Kind::ToggleConsent));
  field_error(ctx, errors, "form.consent", {});
  muted(ctx.ui, ctx.t("form.privacy_short"));
  if (button(ctx.ui, "form.privacy", ctx.t("form.privacy_open"), ImVec2(0, 0), ButtonStyle::Secondary, true, Chevron::Right))
    ctx.emit(Intent::open(ScreenId::Privacy));
  ImGui::Dummy(ImVec2(0, 0.4f * ctx.em()));

  if (ctx.session.form_save_failed) {
    ImGui::PushStyleColor(ImGuiCol_Text, ctx.ui.palette.primary);
    ImGui::PushFont(ctx.ui.fonts.bold);
    paragraph(ctx.ui, ctx.t("form.save_failed"));
    ImGui::PopFont();
    ImGui::PopStyleColor();
  }
  if (!errors.empty()) muted(ctx.ui, ctx.t("form.check_above"));
  inline_action(ctx, *this);
}

std::optional<ScreenAction> RegisterScreen::action(const ScreenContext& ctx) const {
  if (ctx.content.find_offer(ctx.route.item) == nullptr) return std::nullopt;
  return ScreenAction{"form.submit", std::string(ctx.t(ctx.session.form_sending ? "form.saving" : "form.submit")),
                      Intent::of(Intent::Kind::Submit), !ctx.session.form_sending};
}

}  // namespace kiosk::ui
