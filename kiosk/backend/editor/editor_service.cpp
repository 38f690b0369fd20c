#include "kiosk/backend/editor/editor_service.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "kiosk/backend/editor/offer_csv.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/net/random_id.hpp"
#include "kiosk/store/content_directory.hpp"
#include "kiosk/store/atomic_file.hpp"

namespace kiosk::backend {

namespace {

// The drafts start as a content folder's content (the bundled one), once.
void seed_if_empty(EditorStore& store, const std::filesystem::path& seed) {
  if (store.has_content() || seed.empty()) return;
  const ContentParseResult checked = load_content_directory(seed);
  if (!checked.ok())
    throw std::runtime_error(seed.string() + " is not valid content (" + checked.problems.front().to_string() +
                             "); run kioskctl validate on it");
  nlohmann::json doc = content_document_of(seed);
  // The folder's pictures move into the database under the names the content uses.
  for (const char* kind : {"units", "offers"})
    for (const auto& item : doc.value(kind, nlohmann::json::array()))
      if (item.contains("image") && item["image"].is_string())
        if (const auto bytes = read_whole_file(seed / item["image"].get<std::string>(), 8u << 20))
          store.add_media(item["image"].get<std::string>(), *bytes);
  store.import_document(doc, "import", format_rfc3339(epoch_now()));
  log::info("editor: drafts imported from " + seed.string());
}

}  // namespace

EditorService::EditorService(EditorServiceOptions options, BackendStore& kiosks) : o_(std::move(options)) {
  store_ = std::make_unique<EditorStore>(o_.db);
  seed_if_empty(*store_, o_.seed_content);
  auth_ = std::make_unique<StaffAuth>(*store_, o_.auth);
  publisher_ = std::make_unique<ContentPublisher>(*store_, o_.publishing);
  site_ = std::make_unique<EditorSite>(o_.site, *store_, *auth_, *publisher_, kiosks, [] { return epoch_now(); });
  resigner_ = std::thread([this] { resign_loop(); });
}

EditorService::~EditorService() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  resigner_.join();
}

void EditorService::resign_loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      // Sessions past their limits are refused anyway; this only keeps the table small.
      const int64_t now = epoch_now();
      store_->drop_sessions_idle_since(now - o_.auth.idle_s, now - o_.auth.absolute_s);
      const PublishResult r = publisher_->resign_if_due(now);
      if (!r.ok) log::error("editor: re-signing failed: " + r.message);
    } catch (const std::exception& e) {
      log::error(std::string("editor: re-signing failed: ") + e.what());
    }
    lock.lock();
    wake_.wait_for(lock, std::chrono::seconds(o_.resign_check_s), [this] { return stopping_; });
  }
}

namespace {

std::string read_secret_line(const std::string& prompt) {
  std::string line;
  if (::isatty(STDIN_FILENO)) {
    std::cerr << prompt << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  } else {
    std::getline(std::cin, line);
  }
  return line;
}

}  // namespace

int publish_command(const EditorServiceOptions& o) {
  try {
    EditorStore store(o.db);
    seed_if_empty(store, o.seed_content);
    ContentPublisher publisher(store, o.publishing);
    const PublishResult r = publisher.publish(false, "kiosk-backend publish");
    for (const auto& p : r.problems) std::cerr << p.to_string() << "\n";
    (r.ok ? std::cout : std::cerr) << r.message << "\n";
    return r.ok ? 0 : 1;
  } catch (const std::exception& e) {
    return std::cerr << "kiosk-backend publish: " << e.what() << "\n", 1;
  }
}

int import_offers_command(const EditorServiceOptions& o, const std::string& file, bool apply) {
  try {
    const auto bytes = read_whole_file(file, 64u << 20);
    if (!bytes) return std::cerr << "kiosk-backend import offers: cannot read " << file << "\n", 2;
    EditorStore store(o.db);
    seed_if_empty(store, o.seed_content);
    const std::string now = format_rfc3339(epoch_now());
    nlohmann::json drafts = store.draft_document();  // read once: the plan takes a copy, the save the original
    const ImportPlan plan = plan_offer_import(*bytes, drafts, organisation_names(store), now);
    for (const auto& n : plan.notices) std::cerr << n.en << "\n";
    if (!plan.readable) return std::cerr << file << ": " << plan.refusal.en << "\n", 1;
    for (const auto& p : plan.problems)
      std::cerr << file << ": row " << p.row << (p.column.empty() ? "" : ", column " + p.column) << ": " << p.message << "\n";
    std::cout << plan.created << " new, " << plan.changed << " changed, " << plan.unchanged << " unchanged, " << plan.refused
              << " refused\n";
    if (!apply) return plan.refused > 0 ? 1 : 0;
    const ImportSave save = import_save(plan, std::move(drafts), "kiosk-backend import", now);
    for (const auto& p : save.problems) std::cerr << file << ": " << p.to_string() << "\n";
    if (!save.problems.empty()) return std::cerr << "nothing was saved\n", 1;
    store.save_items(save.items, save.whats);
    std::cout << save.items.size() << " offers saved as drafts; publish them in the editor\n";
    return plan.refused > 0 ? 1 : 0;
  } catch (const std::exception& e) {
    return std::cerr << "kiosk-backend import offers: " << e.what() << "\n", 1;
  }
}

int export_offers_command(const EditorServiceOptions& o, const std::string& file) {
  try {
    EditorStore store(o.db);
    seed_if_empty(store, o.seed_content);
    const std::string csv = export_offers_csv(store.draft_document().value("offers", nlohmann::json::array()));
    if (file == "-") return std::cout << csv << std::flush, 0;
    std::string error;
    if (!write_file_atomically(file, csv, error)) return std::cerr << "kiosk-backend export offers: " << error << "\n", 1;
    return 0;
  } catch (const std::exception& e) {
    return std::cerr << "kiosk-backend export offers: " << e.what() << "\n", 1;
  }
}

int add_user_command(const std::string& db, const std::string& name, const std::string& role_text, bool one_time) {
  const auto role = role_from(role_text);
  if (!role) return std::cerr << "kiosk-backend user add: --role must be editor or publisher, not \"" << role_text << "\"\n", 2;
  try {
    EditorStore store(db);
    StaffAuth auth(store);
    std::string password;
    if (one_time) {
      password = random_token(15);  // 20 characters, 120 bits
    } else {
      password = read_secret_line("Password for " + name + ": ");
      if (read_secret_line("Again: ") != password) return std::cerr << "kiosk-backend user add: the passwords differ; nothing was changed\n", 1;
    }
    const std::string why = auth.create_account(name, *role, password, one_time, format_rfc3339(epoch_now()));
    if (!why.empty()) return std::cerr << "kiosk-backend user add: " << why << "\n", 1;
    std::cout << "account " << name << " (" << role_name(*role) << ") added";
    if (one_time) std::cout << "; one-time password (shown once, to be changed at first sign-in): " << password;
    std::cout << "\n";
    return 0;
  } catch (const std::exception& e) {
    return std::cerr << "kiosk-backend user add: " << e.what() << "\n", 1;
  }
}

}  // namespace kiosk::backend
