// A stand-in for the kiosk in the chaos test: registers visitors the way the kiosk does
// (OutboxRegistrations: seal, commit) while the BackendWorker uploads, and prints
// "saved <id>" after each commit — the moment the kiosk would show its thank-you screen.
// The test kills it at random moments.
#include <cstdio>
#include <string>

#include "kiosk/app/backend_worker.hpp"
#include "kiosk/app/outbox_registrations.hpp"
#include "kiosk/net/sealed_box.hpp"

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s STATE_DIR BACKEND_URL TOKEN PUBLIC_KEY COUNT\n", argv[0]);
    return 2;
  }
  using namespace kiosk;
  const std::filesystem::path outbox = outbox_file(argv[1]);
  std::array<uint8_t, 32> key{};
  if (!box_key_from_base64(argv[4], key)) return 2;
  std::string error;
  BackendWorker::Settings b;
  b.upload = {argv[2], "berswordt-1", argv[3], {}};
  b.upload.limits.allow_http_loopback = true;
  b.outbox_file = outbox;
  b.heartbeat_interval_s = 3600;
  BackendWorker worker(b, [] { return std::string("{}"); }, nullptr);
  OutboxRegistrations sink(OutboxStore::open(outbox, error), key, [&worker] { worker.registration_committed(); });
  Offer offer;
  offer.id = "tafel-hoerde";
  const int count = std::stoi(argv[5]);
  for (int i = 0; i < count; ++i) {
    RegistrationForm form;
    form.first_name.append("Chaos");
    form.last_name.append(std::to_string(i));
    form.phone.append("0231 123456");
    form.consent = true;
    if (!sink.submit(form, offer, "2026-11-26", error)) return 1;
    std::printf("saved %s\n", sink.last_id().c_str());  // the thank-you screen would show now
    std::fflush(stdout);
  }
  worker.stop();
  return 0;
}
