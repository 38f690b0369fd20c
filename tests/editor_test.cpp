// The web editor's parts without a browser: sign-in brakes and sessions on an injected clock,
// the form's round trip and the placing of the validator's problems, pictures, the publisher
// (previews signed as such, re-signing before expiry) and the kiosk refusing a preview as live.
#include <doctest/doctest.h>

#include <stb/stb_image_write.h>

#include "kiosk/backend/editor/content_form.hpp"
#include "kiosk/backend/editor/content_publisher.hpp"
#include "kiosk/backend/editor/editor_store.hpp"
#include "kiosk/backend/editor/passwords.hpp"
#include "kiosk/backend/editor/picture_check.hpp"
#include "kiosk/backend/editor/staff_auth.hpp"
#include "kiosk/core/bundle_manifest.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/content_parser.hpp"
#include "kiosk/net/bundle_verifier.hpp"
#include "kiosk/store/atomic_file.hpp"
#include "kiosk/store/content_directory.hpp"
#include "support.hpp"

using namespace kiosk;
using namespace kiosk::backend;
using json = nlohmann::json;

namespace {

struct EditorWorld {
  test::TempDir tmp;
  EditorStore store{(tmp.path() / "backend.sqlite").string()};
  EditorWorld() { store.import_document(content_document_of(test::bundled_content()), "import", "2026-11-30T10:00:00Z"); }
};

}  // namespace

TEST_CASE("editor sign-in: the same message for a wrong password and an unknown name") {
  EditorWorld w;
  StaffAuth auth(w.store);
  REQUIRE(auth.create_account("anna", Role::Publisher, "Gelbe Tulpen im Westfalenpark", false, "now").empty());
  const auto wrong = auth.sign_in("anna", "falsch falsch falsch", "10.0.0.1", 1000);
  const auto unknown = auth.sign_in("nobody", "falsch falsch falsch", "10.0.0.1", 1000);
  CHECK_FALSE(wrong.ok);
  CHECK(wrong.message == unknown.message);
  const auto right = auth.sign_in("anna", "Gelbe Tulpen im Westfalenpark", "10.0.0.1", 1000);
  REQUIRE(right.ok);
  CHECK(right.session_id.size() >= 43);  // 256 bits
  CHECK(auth.resume(right.session_id, 1001).has_value());
}

TEST_CASE("editor sign-in: slowed after three failures, locked after five, per account and per client") {
  EditorWorld w;
  StaffAuth auth(w.store);  // the default policy: 2 s more per failure from the third on
  REQUIRE(auth.create_account("ben", Role::Editor, "korrekt pferd batterie", false, "now").empty());
  int64_t t = 5000;
  for (int i = 0; i < 3; ++i) CHECK_FALSE(auth.sign_in("ben", "wrong password " + std::to_string(i), "10.0.0.2", t).ok);
  // The fourth try at once is not even looked at, even with the right password.
  auto r = auth.sign_in("ben", "korrekt pferd batterie", "10.0.0.2", t);
  CHECK_FALSE(r.ok);
  CHECK(r.wait_s == 2);
  CHECK(r.message.find("warten") != std::string::npos);
  t += 2;
  CHECK_FALSE(auth.sign_in("ben", "wrong password 4", "10.0.0.2", t).ok);
  t += 4;
  r = auth.sign_in("ben", "wrong password 5", "10.0.0.2", t);
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("gesperrt für 15 Minuten") != std::string::npos);
  // Locked for every client, with the right password too, until the time is up.
  CHECK_FALSE(auth.sign_in("ben", "korrekt pferd batterie", "10.0.0.9", t + 60).ok);
  CHECK(auth.sign_in("ben", "korrekt pferd batterie", "10.0.0.9", t + 15 * 60 + 1).ok);

  // One client trying many names is locked out whatever name it tries next.
  AuthPolicy quick;
  quick.slow_step_s = 0;
  StaffAuth per_client(w.store, quick);
  for (int i = 0; i < quick.client_free_failures; ++i) per_client.sign_in("user" + std::to_string(i), "guess guess guess", "10.6.6.6", 9000);
  r = per_client.sign_in("ben", "korrekt pferd batterie", "10.6.6.6", 9001);
  CHECK_FALSE(r.ok);
  CHECK(r.wait_s > 0);
  CHECK(per_client.sign_in("ben", "korrekt pferd batterie", "10.0.0.3", 9001).ok);
}

TEST_CASE("editor sessions end after inactivity and after a working day, and only hashes are stored") {
  EditorWorld w;
  StaffAuth auth(w.store);
  REQUIRE(auth.create_account("carla", Role::Editor, "drei blaue stühle vor dem haus", false, "now").empty());
  const auto s = auth.sign_in("carla", "drei blaue stühle vor dem haus", "10.0.0.4", 0);
  REQUIRE(s.ok);
  CHECK_FALSE(w.store.session(s.session_id).has_value());  // the id itself is not a key
  int64_t t = 0;
  for (int i = 0; i < 20; ++i) REQUIRE(auth.resume(s.session_id, t += 25 * 60).has_value());  // active: 8 h 20 min
  CHECK_FALSE(auth.resume(s.session_id, t += 31 * 60).has_value());                           // 31 minutes idle
  const auto day = auth.sign_in("carla", "drei blaue stühle vor dem haus", "10.0.0.4", 100000);
  t = 100000;
  while (t < 100000 + 10 * 3600 - 600) REQUIRE(auth.resume(day.session_id, t += 600).has_value());
  CHECK_FALSE(auth.resume(day.session_id, t + 1200).has_value());
  const auto last = auth.sign_in("carla", "drei blaue stühle vor dem haus", "10.0.0.4", 200000);
  auto session = auth.resume(last.session_id, 200001);
  REQUIRE(session);
  CHECK(StaffAuth::csrf_ok(*session, session->csrf));
  CHECK_FALSE(StaffAuth::csrf_ok(*session, ""));
  CHECK_FALSE(StaffAuth::csrf_ok(*session, session->csrf.substr(1) + "x"));
  auth.sign_out(last.session_id);
  CHECK_FALSE(auth.resume(last.session_id, 200002).has_value());
}

TEST_CASE("passwords: Argon2id, a length rule, no account name in them") {
  CHECK(hash_password("Gelbe Tulpen im Westfalenpark").rfind("$argon2id$", 0) == 0);
  CHECK(verify_password(hash_password("Gelbe Tulpen im Westfalenpark"), "Gelbe Tulpen im Westfalenpark"));
  CHECK_FALSE(verify_password(hash_password("Gelbe Tulpen im Westfalenpark"), "Gelbe Tulpen im Westfalenpar"));
  CHECK(password_problem("elf Zeichen", "anna").find("12") != std::string::npos);
  CHECK(password_problem("Annas langes Passwort", "anna").find("Kontonamen") != std::string::npos);
  CHECK(password_problem("ääääääääääää", "x").empty());  // characters, not bytes
}

TEST_CASE("editor form: a round trip keeps every field, and the validator's problems land on their field") {
  EditorWorld w;
  const auto offer = w.store.item("offers", "lesepaten-aplerbeck");
  REQUIRE(offer);
  // The form as a browser would send it back for the stored offer, unchanged.
  FormValues form;
  for (const FieldSpec& f : offer_fields()) {
    const json* v = field_value(offer->doc, f.path);
    if (!v) continue;
    if (v->is_object())
      for (const auto& [lang, text] : v->items()) form.emplace(f.path + "." + lang, text.get<std::string>());
    else if (v->is_array() && f.kind == FieldKind::Languages) {
      std::string all;
      for (const auto& x : *v) all += x.get<std::string>() + ", ";
      form.emplace(f.path, all);
    } else if (v->is_array())
      for (const auto& x : *v) form.emplace(f.path, x.get<std::string>());
    else if (v->is_boolean()) {
      if (v->get<bool>()) form.emplace(f.path, "1");
    } else if (v->is_number())
      form.emplace(f.path, std::to_string(v->get<long>()));
    else
      form.emplace(f.path, v->get<std::string>());
  }
  const json after = apply_form("offers", offer->doc, form);
  CHECK(changed_fields("offers", offer->doc, after).empty());
  CHECK(after == offer->doc);

  // A word in a number field and an unknown district: each problem at its field.
  FormValues bad = form;
  bad.erase("hours_per_month");
  bad.emplace("hours_per_month", "viele");
  bad.erase("district");
  bad.emplace("district", "hoerde-sued");
  bad.erase("title.de");
  json doc = w.store.draft_document();
  doc["schema"] = kContentSchema;
  size_t index = 0;
  for (size_t i = 0; i < doc["offers"].size(); ++i)
    if (doc["offers"][i]["id"] == "lesepaten-aplerbeck") index = i;
  doc["offers"][index] = apply_form("offers", offer->doc, bad);
  const auto parsed = parse_content_document("content", doc.dump());
  REQUIRE_FALSE(parsed.ok());
  const auto placed = problems_of_item("offers", index, parsed.problems);
  auto at = [&](const std::string& field, const std::string& lang) {
    for (const auto& p : placed)
      if (p.field == field && p.language == lang) return p.message;
    return std::string();
  };
  CHECK(at("hours_per_month", "").find("viele") != std::string::npos);
  CHECK(at("district", "").find("hoerde-sued") != std::string::npos);
  CHECK_FALSE(at("title", "de").empty());
  CHECK(changed_fields("offers", offer->doc, doc["offers"][index]) == std::vector<std::string>{"title", "district", "hours_per_month"});
}

TEST_CASE("pictures: only PNG and JPEG by their bytes, sizes checked, camera data gone") {
  // A JPEG with an EXIF block (APP1) carrying a GPS-like marker text.
  std::string jpeg;
  std::vector<unsigned char> pixels(400 * 300 * 3, 128);
  stbi_write_jpg_to_func([](void* c, void* d, int n) { static_cast<std::string*>(c)->append(static_cast<char*>(d), n); }, &jpeg, 400, 300,
                         3, pixels.data(), 90);
  const std::string exif = std::string("\xff\xe1\x00\x18" "Exif\0\0GPS 51.51N 7.46E", 24);
  jpeg.insert(2, exif);
  const auto checked = check_picture(jpeg);
  REQUIRE(checked.problem.empty());
  CHECK(checked.extension == ".jpg");
  CHECK(checked.width == 400);
  CHECK(jpeg.find("GPS 51.51N") != std::string::npos);
  CHECK(checked.bytes.find("GPS 51.51N") == std::string::npos);
  CHECK(checked.bytes.find("Exif") == std::string::npos);

  CHECK(check_picture("GIF89a....").problem == "picture_type");
  CHECK(check_picture("").problem == "picture_missing");
  CHECK(check_picture(std::string(5u << 20, 'x')).problem == "picture_large");
  std::string tiny;
  stbi_write_png_to_func([](void* c, void* d, int n) { static_cast<std::string*>(c)->append(static_cast<char*>(d), n); }, &tiny, 50, 50, 3,
                         pixels.data(), 150);
  CHECK(check_picture(tiny).problem == "picture_dimensions");
  // A header that claims 100,000 pixels a side is refused before anything is decoded.
  std::string huge = tiny;
  huge[16] = 0, huge[17] = 1, huge[18] = static_cast<char>(0x86), huge[19] = static_cast<char>(0xa0);
  CHECK(check_picture(huge).problem == "picture_dimensions");
}

TEST_CASE("publishing from the editor: a preview is signed as such, no kiosk takes it for live content") {
  EditorWorld w;
  PublisherSettings s;
  s.root = w.tmp.path() / "www";
  s.key_file = w.tmp.path() / "online.key";
  ContentPublisher publisher(w.store, s);
  CHECK((std::filesystem::status(s.key_file).permissions() & std::filesystem::perms::group_all) == std::filesystem::perms::none);
  const auto preview = publisher.publish(true, "anna");
  REQUIRE(preview.ok);
  CHECK(preview.version == 1);
  const auto live = publisher.publish(false, "anna", "first");
  REQUIRE(live.ok);
  CHECK(live.version == 2);

  std::vector<std::string> problems;
  const auto keys = minisign_parse_public_keys({publisher.public_key_base64()}, problems);
  REQUIRE(keys.size() == 1);
  const auto manifest = test::read_file(s.root / "preview" / "manifest.json");
  const auto signature = test::read_file(s.root / "preview" / "manifest.json.minisig");
  // Where kiosks fetch live content, a preview is refused; as a preview it is accepted.
  const auto as_live = check_manifest(manifest, signature, keys);
  CHECK_FALSE(as_live.ok());
  CHECK(as_live.reason.find("channel=preview") != std::string::npos);
  CHECK(check_manifest(manifest, signature, keys, "preview").ok());
  // And the other way round: live content is no preview.
  CHECK_FALSE(check_manifest(test::read_file(s.root / "manifest.json"), test::read_file(s.root / "manifest.json.minisig"), keys, "preview").ok());
  CHECK(check_manifest(test::read_file(s.root / "manifest.json"), test::read_file(s.root / "manifest.json.minisig"), keys).ok());

  // Restore publishes the old document under a new number.
  const auto restored = publisher.restore(2, "anna");
  REQUIRE(restored.ok);
  CHECK(restored.version == 3);
  CHECK(w.store.versions().front().note == "restored version 2");
}

TEST_CASE("re-signing: live content gets a fresh expiry before it runs out, under a new version") {
  EditorWorld w;
  PublisherSettings s;
  s.root = w.tmp.path() / "www";
  s.key_file = w.tmp.path() / "online.key";
  ContentPublisher publisher(w.store, s);
  CHECK(publisher.resign_if_due(epoch_now()).version == 0);  // nothing published: nothing to do
  REQUIRE(publisher.publish(false, "anna").ok);
  const auto now = epoch_now();
  const auto fresh = publisher.resign_if_due(now + 3600);
  CHECK(fresh.ok);
  CHECK(fresh.version == 0);  // 7 days left: not due
  const auto due = publisher.resign_if_due(now + 86400 + 60);  // less than 6 days left
  REQUIRE(due.ok);
  CHECK(due.version == 2);
  BundleManifest m;
  std::string error;
  REQUIRE(parse_manifest(test::read_file(s.root / "manifest.json"), m, error));
  CHECK(m.version == 2);
  CHECK(m.expires_at >= now + 7 * 86400 - 5);
  CHECK(w.store.versions().front().user == "server");
}

TEST_CASE("the online key: refused when others can read it") {
  EditorWorld w;
  PublisherSettings s;
  s.root = w.tmp.path() / "www";
  s.key_file = w.tmp.path() / "online.key";
  { ContentPublisher made(w.store, s); }
  std::filesystem::permissions(s.key_file, std::filesystem::perms::group_read | std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  CHECK_THROWS_WITH_AS(ContentPublisher(w.store, s), doctest::Contains("chmod 600"), std::runtime_error);
}
