#include "kiosk/app/startup_loader.hpp"

#include "kiosk/core/log.hpp"
#include "kiosk/store/media_images.hpp"

namespace kiosk {

StartupLoader::StartupLoader(KioskApp& app, StartupInputs inputs, std::optional<Route> start_route)
    : app_(app), inputs_(std::move(inputs)), start_route_(std::move(start_route)) {}

StartupLoader::~StartupLoader() {
  if (thread_.joinable()) thread_.join();
}

void StartupLoader::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([&app = app_, inputs = inputs_, start_route = start_route_] {
    try {
      StartupContent loaded = load_startup_content(inputs);
      if (!loaded.snapshot || loaded.source == "bundled content") return;  // nothing better than what shows
      auto index = std::make_shared<const SearchIndex>(*loaded.snapshot);
      auto media = loaded.version > 0 ? decode_media(inputs.cache_dir, *loaded.snapshot) : nullptr;
      log::info("content: read the " + loaded.source);
      app.post([&app, loaded = std::move(loaded), index, media, start_route] {
        if (!app.offer_startup_content(loaded.snapshot, index, loaded.status())) return;
        if (media) app.apply_media(media);
        if (start_route && app.ui().visit().screen() != start_route->screen) app.ui().visit().open(*start_route);
      });
    } catch (const std::exception& e) {  // the bundled content stays; the sync worker tries again
      log::error(std::string("content: reading the start-up content failed: ") + e.what());
    }
  });
}

}  // namespace kiosk
