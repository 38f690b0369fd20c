#pragma once
#include <cstdint>
#include <vector>

#include "kiosk/ui/screen.hpp"
#include "kiosk/ui/virtual_list.hpp"

namespace kiosk::ui {

// All volunteer offers: a search field and filter chips that stay in place above a list that
// scrolls, the result count always in view, and a way out of an empty result.
class OffersScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Offers; }
  bool scrolls_itself() const override { return true; }
  void draw(const ScreenContext& ctx) override;

 private:
  void draw_portrait(const ScreenContext& ctx, bool chips);
  void draw_search(const ScreenContext& ctx);
  void draw_active_filters(const ScreenContext& ctx);
  void draw_filter_groups(const ScreenContext& ctx);
  void draw_chips(const ScreenContext& ctx, FilterGroup group);
  void draw_results(const ScreenContext& ctx);
  const std::vector<uint32_t>& results(const ScreenContext& ctx);

  // The selection is recomputed only when the visitor changes something, not every frame.
  std::vector<uint32_t> results_;
  const ContentSnapshot* results_for_ = nullptr;
  unsigned results_generation_ = 0;
  std::string results_today_;
  // Only the cards on screen are built; it is laid out anew when results, width or text size change.
  VirtualList list_;
  bool list_stale_ = true;  // the results changed since the list was laid out
  float list_width_ = 0.0f, list_em_ = 0.0f;
  Lang list_lang_ = Lang::De;
  float controls_h_ = 0.0f;  // portrait: the height of search and filters at the bottom, last frame
};

}  // namespace kiosk::ui
