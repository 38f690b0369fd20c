#pragma once
// Staff mode's "Vorschau": fetches the editor's preview bundle (BASE/preview/, signed with
// channel=preview) through the same SyncEngine and checks as live content, into a cache and
// trust state of its own, so a preview never touches what visitors are shown. Each request
// starts from an empty preview cache: staff see exactly what is there now.
#include <functional>
#include <memory>

#include "kiosk/app/worker_thread.hpp"
#include "kiosk/core/search_index.hpp"
#include "kiosk/net/sync_engine.hpp"
#include "kiosk/store/media_images.hpp"

namespace kiosk {

struct LoadedPreview {
  SyncOutcome outcome;  // NewVersion with a snapshot when it worked
  std::shared_ptr<const SearchIndex> index;
  std::shared_ptr<const MediaImages> media;
};

class PreviewLoader {
 public:
  using Deliver = std::function<void(LoadedPreview)>;
  // `live` are the live sync's settings; the preview's are derived from them.
  PreviewLoader(const SyncSettings& live, Deliver deliver);
  ~PreviewLoader();
  PreviewLoader(const PreviewLoader&) = delete;
  PreviewLoader& operator=(const PreviewLoader&) = delete;

  void load() { worker_.request(); }

 private:
  void run();
  LoadedPreview fetch();
  SyncSettings settings_;
  Deliver deliver_;
  WorkerThread worker_;  // last: its thread stops before the members it uses go
};

}  // namespace kiosk
