// libFuzzer: a spreadsheet anyone with an editor's session can upload (or a partner's export
// an adviser passes on): every byte, through the encoding guess, libcsv, the column mapping,
// the form code and the kiosk's parser; then what it would import, exported and read again.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kiosk/backend/editor/offer_csv.hpp"
#include "kiosk/store/content_directory.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kiosk::backend;
  static const nlohmann::json drafts = kiosk::content_document_of(KIOSK_SOURCE_DIR "/content");
  static OrganisationNames organisations = [] {
    OrganisationNames o;
    o.add("gartenfreunde", "Gartenfreunde Hörde e. V.");
    return o;
  }();
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const ImportPlan plan = plan_offer_import(bytes, drafts, organisations, "2026-11-30T12:00:00Z");
  if (plan.readable) {
    nlohmann::json offers = nlohmann::json::array();
    for (const auto& row : plan.rows) offers.push_back(row.doc);
    const std::string again = export_offers_csv(offers);
    read_csv(again);
  }
  read_csv(bytes);
  return 0;
}
