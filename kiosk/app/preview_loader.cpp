#include "kiosk/app/preview_loader.hpp"

#include "kiosk/core/clock.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/net/bundle_writer.hpp"
#include "kiosk/net/http_client.hpp"

namespace kiosk {

PreviewLoader::PreviewLoader(const SyncSettings& live, Deliver deliver) : settings_(live), deliver_(std::move(deliver)) {
  settings_.base_url = join_url(live.base_url, "preview/");
  settings_.cache_dir = live.cache_dir / "preview";
  settings_.state_dir = live.state_dir / "preview";
  settings_.channel = kPreviewChannel;
  settings_.cycle_limit_s = 120;  // staff are waiting
  worker_.start([this] { run(); });
}

PreviewLoader::~PreviewLoader() { worker_.stop(); }

LoadedPreview PreviewLoader::fetch() {
  LoadedPreview p;
  std::error_code ec;
  std::filesystem::remove_all(settings_.cache_dir, ec);
  std::filesystem::remove_all(settings_.state_dir, ec);
  std::filesystem::create_directories(settings_.cache_dir, ec);
  std::filesystem::create_directories(settings_.state_dir, ec);
  SyncEngine engine(settings_, worker_.cancel_flag());
  p.outcome = engine.run_once(epoch_now());
  if (p.outcome.kind == SyncOutcome::Kind::NewVersion && p.outcome.snapshot) {
    p.index = std::make_shared<const SearchIndex>(*p.outcome.snapshot);
    p.media = decode_media(settings_.cache_dir, *p.outcome.snapshot);
  } else if (p.outcome.ok()) {
    p.outcome.kind = SyncOutcome::Kind::Failed;  // an empty cache cannot be "unchanged"
    p.outcome.reason = "no preview came";
  }
  return p;
}

void PreviewLoader::run() {
  for (;;) {
    const bool asked = worker_.wait(3600.0);
    if (worker_.stopping()) return;
    if (!asked) continue;
    LoadedPreview p;
    // What a server sends never ends the kiosk: a failure is reported to staff.
    try {
      p = fetch();
    } catch (const std::exception& e) {
      p.outcome.kind = SyncOutcome::Kind::Failed;
      p.outcome.reason = std::string("internal error: ") + e.what();
    } catch (...) {
      p.outcome.kind = SyncOutcome::Kind::Failed;
      p.outcome.reason = "internal error";
    }
    if (worker_.cancelled()) return;
    log::info("preview: " + p.outcome.summary());
    deliver_(std::move(p));
  }
}

}  // namespace kiosk
