// The parts of "register interest" that decide what is kept and how: the form's rules, the
// sealing of personal fields, and the durable outbox. (The form screen, the uploader and the
// reference backend build on these.)
#include <doctest/doctest.h>

#include "kiosk/core/registration_form.hpp"
#include "kiosk/net/random_id.hpp"
#include "kiosk/net/sealed_box.hpp"
#include "kiosk/store/outbox_store.hpp"
#include "support.hpp"

using namespace kiosk;

namespace {
bool has_error(const std::vector<FieldError>& errors, const std::string& field, const std::string& key) {
  for (const auto& e : errors)
    if (e.field == field && e.key == key) return true;
  return false;
}
}  // namespace

TEST_CASE("form rules: names, a way to reach the visitor, age where needed, consent never assumed") {
  Offer offer;
  offer.minimum_age = 18;
  RegistrationForm f;
  auto errors = validate_registration(f, offer);
  CHECK(has_error(errors, "form.first_name", "form.error.first_name"));
  CHECK(has_error(errors, "form.last_name", "form.error.last_name"));
  CHECK(has_error(errors, "form.email", "form.error.reach"));
  CHECK(has_error(errors, "form.age", "form.error.age"));
  CHECK(has_error(errors, "form.consent", "form.error.consent"));
  CHECK_FALSE(f.consent);  // the default is "not given"

  f.first_name.append("Anna");
  f.last_name.append("Schmidt");
  f.phone.append("0231 123456");
  f.age_confirmed = true;
  f.consent = true;
  CHECK(validate_registration(f, offer).empty());  // a phone number alone is enough
  f.email.append("anna(at)example");
  CHECK(has_error(validate_registration(f, offer), "form.email", "form.error.email"));
  f.email.wipe();
  f.email.append("anna.schmidt@example.org");
  CHECK(validate_registration(f, offer).empty());
  offer.minimum_age = 0;
  f.age_confirmed = false;
  CHECK(validate_registration(f, offer).empty());  // no age question where the offer has no minimum

  CHECK(plausible_email("a@b.de"));
  CHECK_FALSE(plausible_email("a@b."));
  CHECK_FALSE(plausible_email("@b.de"));
  CHECK_FALSE(plausible_email("a b@c.de"));
  CHECK(plausible_phone("+49 (231) 50-0 123"));
  CHECK_FALSE(plausible_phone("12345"));
  CHECK_FALSE(plausible_phone("0231 abc"));
}

TEST_CASE("personal fields are sealed: only the backend's secret key opens them") {
  const BoxKeyPair backend = box_generate();
  RegistrationForm f;
  f.first_name.append("Oksana");
  f.last_name.append("Kowalenko");
  f.email.append("oksana@example.org");
  const std::string json = personal_fields_json(f);
  CHECK(json.find("\"first_name\":\"Oksana\"") != std::string::npos);
  const std::string sealed = seal(json, backend.public_key);
  CHECK(sealed.find("Oksana") == std::string::npos);
  std::string opened;
  REQUIRE(unseal(sealed, backend, opened));
  CHECK(opened == json);
  CHECK_FALSE(unseal(sealed, box_generate(), opened));  // anyone else, the kiosk included, cannot
  f.wipe();
  CHECK(f.first_name.empty());
  for (size_t i = 0; i <= f.first_name.capacity(); ++i) CHECK(f.first_name.storage()[i] == 0);
  std::array<uint8_t, 32> key{};
  REQUIRE(box_key_from_base64(box_key_to_base64(backend.public_key), key));
  CHECK(key == backend.public_key);
  CHECK(new_uuid().size() == 36);
  CHECK(new_uuid() != new_uuid());
}

TEST_CASE("outbox: durable, in order, quarantine counted, nothing in clear text on disk") {
  test::TempDir tmp;
  const auto file = outbox_file(tmp.path() / "state");
  const BoxKeyPair backend = box_generate();
  std::string error;
  std::vector<std::string> ids;
  {
    auto store = OutboxStore::open(file, error);
    REQUIRE_MESSAGE(store, error);
    for (int i = 0; i < 3; ++i) {
      RegistrationForm f;
      f.first_name.append("Visitor" + std::to_string(i));
      f.email.append("visitor" + std::to_string(i) + "@example.org");
      OutboxEntry e{new_uuid(), "tafel-hoerde", "2026-11-26T10:0" + std::to_string(i) + ":00Z", "privacy-2026-11",
                    seal(personal_fields_json(f), backend.public_key), 0};
      REQUIRE(store->add(e, error));
      ids.push_back(e.id);
    }
    OutboxEntry dup{ids[0], "x", "2026-11-26T10:00:00Z", "v", "s", 0};
    CHECK_FALSE(store->add(dup, error));  // an id is never stored twice
  }
  // A new process (a restart) finds everything, oldest first.
  auto store = OutboxStore::open(file, error);
  REQUIRE(store);
  auto counts = store->counts();
  CHECK(counts.pending == 3);
  CHECK(counts.oldest_pending_created == "2026-11-26T10:00:00Z");
  REQUIRE(store->next_pending());
  CHECK(store->next_pending()->id == ids[0]);
  CHECK(store->acknowledge(ids[0]));
  CHECK(store->record_attempt(ids[1]));
  CHECK(store->next_pending()->attempts == 1);
  CHECK(store->quarantine(ids[1], "422: offer unknown"));
  CHECK(store->next_pending()->id == ids[2]);
  counts = store->counts();
  CHECK(counts.pending == 1);
  CHECK(counts.quarantined == 1);
  // No name or address in any file of the state directory, in any of the bytes.
  for (const auto& entry : std::filesystem::directory_iterator(file.parent_path())) {
    const std::string bytes = test::read_file(entry.path());
    CAPTURE(entry.path().string());
    CHECK(bytes.find("Visitor1") == std::string::npos);
    CHECK(bytes.find("visitor2@example.org") == std::string::npos);
  }
}
