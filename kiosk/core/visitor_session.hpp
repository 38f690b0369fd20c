#pragma once
// Everything one visitor has chosen or typed. The kiosk keeps exactly one; wipe() ends it so
// the next visitor finds nothing of the previous one: typed text zeroed, filters, language and
// display settings back to their defaults.
#include <optional>
#include <utility>
#include <vector>

#include "kiosk/core/lang.hpp"
#include "kiosk/core/localized_text.hpp"
#include "kiosk/core/offer_filter.hpp"
#include "kiosk/core/registration_form.hpp"
#include "kiosk/core/visitor_text.hpp"

namespace kiosk {

struct VisitorSession {
  Lang lang = Lang::De;
  OfferFilter filter;
  VisitorText search{80};
  RegistrationForm form;       // the "register interest" form, one offer at a time
  bool form_checked = false;   // a submit was tried: show the problems next to the fields
  bool form_save_failed = false;  // the outbox refused (disk full …): send the visitor to the counter
  bool form_sending = false;      // submitted, waiting for the outbox to say it is on disk
  std::optional<FilterGroup> open_group;  // the filter group whose chips are shown
  bool large_text = false;
  bool high_contrast = false;
  // Reach mode: the screen's content and every control in its lower half, for visitors in a
  // wheelchair or of short stature (the Visit restores the installer's default at each visit).
  bool reach_mode = false;
  // Texts missing in the visitor's language are shown in the chain's second language instead of
  // its first (a Ukrainian visitor who reads German better than English).
  bool other_fallback = false;
  // The languages to show content in when a text lacks the visitor's, in order.
  std::vector<Lang> content_chain(const FallbackChains& chains) const {
    std::vector<Lang> chain = chains.of(lang);
    if (other_fallback && chain.size() >= 2) std::swap(chain[0], chain[1]);
    return chain;
  }

  // Bumped on every change of filter or search, so lists know when to recompute.
  unsigned generation = 0;

  void wipe() {
    search.wipe();
    form.wipe();
    form_checked = false;
    form_save_failed = false;
    form_sending = false;
    filter.clear();
    open_group.reset();
    lang = Lang::De;
    large_text = false;
    high_contrast = false;
    reach_mode = false;
    other_fallback = false;
    ++generation;
  }
};

}  // namespace kiosk
