#pragma once
// The UI string keys the screens use. Content must define each of them in German (validation
// checks it), so a published bundle can never leave a button without a label.
#include <string_view>

namespace kiosk {

inline constexpr std::string_view kRequiredUiKeys[] = {
    // frame
    "app.title", "app.subtitle", "app.sample_data", "nav.home", "nav.back", "lang.name",
    // home
    "home.welcome", "home.intro", "home.offers", "home.offers_hint", "home.units", "home.units_hint",
    "home.featured",
    // units
    "units.title", "units.intro", "unit.facts", "unit.contact", "unit.topics", "unit.part_of", "unit.offers",
    "unit.includes", "fact.as_of", "contact.ask_counter",
    // offers
    "offers.title", "offers.count", "offers.none",
    // offer detail
    "offer.details", "offer.where", "offer.when", "offer.commitment", "offer.hours_per_month",
    "offer.hours_value", "offer.minimum_age", "offer.age_value", "offer.no_minimum_age",
    "offer.police_certificate", "offer.languages", "offer.accessibility", "offer.suitable_for",
    "offer.benefits", "offer.contact", "offer.organisation", "offer.period", "offer.ongoing",
    "offer.from_date", "offer.until_date", "offer.remote", "offer.updated", "offer.categories",
    "contact.hours", "contact.phone", "contact.email", "contact.web", "contact.address",
    // attract loop, search, filters, QR, idle question, keyboard
    "attract.touch", "attract.kind_offer", "attract.kind_unit",
    "offers.search_hint", "offers.clear", "offers.empty", "offers.empty_clear",
    "filter.category", "filter.district", "filter.commitment", "filter.time", "filter.suitable", "filter.when", "content.not_translated", "form.email_example",
    "time.up-to-4", "time.5-to-10", "time.over-10", "qr.title", "qr.caption",
    "idle.question", "idle.explain", "idle.continue",
    "form.saving", "form.leave_question", "form.leave_explain", "form.discard", "form.keep_editing", "osk.space", "osk.enter", "osk.next", "osk.send", "a11y.large_text", "a11y.contrast", "a11y.reach", "a11y.reach_note", "time.unit.day", "time.unit.hour", "time.unit.minute", "time.unit.second", "staff.config_unused",
    // register interest, privacy notice, thank you
    "offer.register", "offer.register_counter", "register.title", "register.intro", "form.first_name", "form.last_name",
    "form.reach_hint", "form.email", "form.phone", "form.time", "form.time.any", "form.time.morning", "form.time.afternoon",
    "form.time.evening", "form.message", "form.optional", "form.age", "form.consent", "form.privacy_short",
    "form.privacy_open", "form.submit", "form.check_above", "form.save_failed", "form.error.first_name",
    "form.error.last_name", "form.error.reach", "form.error.email", "form.error.phone", "form.error.age",
    "form.error.consent", "privacy.title", "privacy.full", "privacy.version_label", "privacy.back", "thanks.title",
    "thanks.text", "thanks.done",
    // staff mode (the counter's screens)
    "staff.title", "staff.pin_prompt", "staff.pin_checking", "staff.pin_wrong", "staff.pin_locked",
    "staff.pin_missing", "staff.cancel", "staff.content", "staff.version", "staff.bundled", "staff.age",
    "staff.expires", "staff.state", "staff.stale", "staff.current", "staff.sync", "staff.backend",
    "staff.no_backend", "staff.reachable", "staff.unreachable", "staff.unknown", "staff.last_sync",
    "staff.never", "staff.ago", "staff.last_error", "staff.none", "staff.registrations",
    "staff.registrations_off", "staff.pending", "staff.oldest", "staff.quarantined", "staff.program",
    "staff.uptime", "staff.config", "staff.config_ok", "staff.sync_now", "staff.sync_requested",
    "staff.assisted_on", "staff.assisted_off", "staff.leave", "assisted.banner",
    "staff.preview", "staff.preview_loading", "staff.preview_failed", "preview.banner",
    // speech (the screen reader's words: kiosk/core/accessible_tree.hpp)
    "a11y.speech_on", "a11y.speech_off", "a11y.speech", "a11y.help", "a11y.volume", "a11y.chars", "a11y.empty", "a11y.role.button", "a11y.role.switch", "a11y.role.link", "a11y.role.filter", "a11y.role.checkbox", "a11y.role.field", "a11y.role.heading", "a11y.role.image", "a11y.selected", "a11y.not_selected", "a11y.checked", "a11y.not_checked", "a11y.unavailable", "a11y.list_position", "osk.backspace_name", "osk.shift_name", "osk.hide_name",
    // enumerations
    "commitment.one-off", "commitment.fixed-term", "commitment.regular", "commitment.flexible",
    "police.none", "police.standard", "police.extended",
    "slot.weekday-morning", "slot.weekday-afternoon", "slot.weekday-evening", "slot.weekend", "slot.any",
};

}  // namespace kiosk
