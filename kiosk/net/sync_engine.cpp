#include "kiosk/net/sync_engine.hpp"

#include <chrono>

#include "kiosk/core/content_parser.hpp"
#include "kiosk/net/bundle_verifier.hpp"
#include "kiosk/net/digest.hpp"
#include "kiosk/store/atomic_file.hpp"
#include "kiosk/store/bundle_cache.hpp"

namespace kiosk {
namespace {

constexpr size_t kSignatureMaxBytes = 4096;

SyncOutcome outcome(SyncOutcome::Kind kind, std::string reason) {
  SyncOutcome o;
  o.kind = kind;
  o.reason = std::move(reason);
  return o;
}

SyncOutcome http_failure(const HttpResponse& r, const std::string& what) {
  if (r.failure == HttpResponse::Failure::TooLarge) return outcome(SyncOutcome::Kind::Rejected, r.error);
  if (!r.ok()) return outcome(SyncOutcome::Kind::Failed, r.error);
  SyncOutcome o = outcome(SyncOutcome::Kind::Failed, what + ": the server answered " + std::to_string(r.status));
  if (r.status == 429 || r.status >= 500) o.retry_after_s = r.retry_after_s;
  return o;
}

}  // namespace

std::string SyncOutcome::summary() const {
  switch (kind) {
    case Kind::NewVersion: return "new version " + std::to_string(version);
    case Kind::Unchanged: return "unchanged (version " + std::to_string(version) + ")";
    case Kind::Rejected: return "rejected: " + reason;
    case Kind::Failed: return "failed: " + reason;
  }
  return reason;
}

SyncEngine::SyncEngine(SyncSettings settings, const std::atomic<bool>* cancel)
    : settings_(std::move(settings)), http_(settings_.limits, cancel) {}

long SyncEngine::cached_version(int64_t now) {
  if (cached_version_ < 0) {
    std::string reason;
    const auto raw = BundleCache(settings_.cache_dir).load(reason);
    const auto v = raw ? verify_bundle(*raw, settings_.keys, 0, now, reason, settings_.fallback.get(), settings_.channel) : std::nullopt;
    cached_version_ = v ? v->manifest.version : 0;
  }
  return cached_version_;
}

bool SyncEngine::cache_holds(long version, int64_t now) { return version > 0 && cached_version(now) == version; }

// A whole cycle (manifest, signature, every file) has one deadline, whatever each request's own
// timeouts allow: a server that trickles many files cannot hold the worker for hours.
std::string SyncEngine::time_is_up() {
  const auto left = std::chrono::duration_cast<std::chrono::seconds>(deadline_ - std::chrono::steady_clock::now()).count();
  if (left <= 0) return "the sync took longer than " + std::to_string(settings_.cycle_limit_s) + " s; it stops here and tries again later";
  http_.limit_time_left(static_cast<long>(left));
  return {};
}

SyncOutcome SyncEngine::run_once(int64_t now) {
  answered_ = false;
  deadline_ = std::chrono::steady_clock::now() + std::chrono::seconds(settings_.cycle_limit_s);
  if (const auto late = time_is_up(); !late.empty()) return outcome(SyncOutcome::Kind::Failed, late);
  SyncOutcome o = run_cycle(now);
  o.server_answered = answered_;
  return o;
}

SyncOutcome SyncEngine::run_cycle(int64_t now) {
  TrustState trust = load_trust_state(settings_.state_dir);
  if (settings_.keys.empty()) return outcome(SyncOutcome::Kind::Rejected, "no public key is configured, so no bundle can be trusted");
  // A verified cache is a floor for what is trusted, whatever trust.json says (an older file
  // restored, a kill in an older program's order of writes).
  if (const long cached = cached_version(now); cached > trust.version) {
    trust.version = cached;
    trust.switching_from = -1;
    std::string error;
    save_trust_state(settings_.state_dir, trust, error);
  }
  // Ask "changed since?" only when the cache really holds what we trust; else fetch it all.
  const std::string etag = cache_holds(trust.version, now) ? trust.etag : std::string();

  const HttpResponse manifest = http_.get(join_url(settings_.base_url, "manifest.json"), kManifestMaxBytes, etag);
  answered_ = manifest.ok();
  if (manifest.ok() && manifest.status == 304) {
    // "Not modified" answers only the tag we sent for a cache that verifies; without one it
    // says nothing about what we hold.
    if (etag.empty()) return outcome(SyncOutcome::Kind::Failed, "manifest.json: the server answered 304 to a request that named no version");
    SyncOutcome o = outcome(SyncOutcome::Kind::Unchanged, "");
    o.version = trust.version;
    o.not_modified = true;
    return o;
  }
  size_t downloaded = manifest.body.size();
  if (!manifest.ok() || manifest.status != 200) return http_failure(manifest, "manifest.json");
  if (const auto late = time_is_up(); !late.empty()) return outcome(SyncOutcome::Kind::Failed, late);
  const HttpResponse signature = http_.get(join_url(settings_.base_url, "manifest.json.minisig"), kSignatureMaxBytes);
  if (!signature.ok() || signature.status != 200) return http_failure(signature, "manifest.json.minisig");
  downloaded += signature.body.size();

  ManifestCheck check = check_manifest(manifest.body, signature.body, settings_.keys, settings_.channel);
  if (!check.ok()) return outcome(SyncOutcome::Kind::Rejected, check.reason);
  const BundleManifest& m = check.manifest;
  if (m.version == trust.version && cache_holds(trust.version, now)) {
    trust.etag = manifest.etag;  // same bundle, new tag: remember it for the next conditional request
    std::string error;
    save_trust_state(settings_.state_dir, trust, error);
    SyncOutcome o = outcome(SyncOutcome::Kind::Unchanged, "");
    o.version = trust.version;
    o.downloaded_bytes = downloaded;
    return o;
  }
  if (m.version < trust.version)
    return outcome(SyncOutcome::Kind::Rejected, "version " + std::to_string(m.version) + " is older than the trusted version " +
                                                    std::to_string(trust.version) + " (rollback)");
  if (now >= m.expires_at)
    return outcome(SyncOutcome::Kind::Rejected, "version " + std::to_string(m.version) + " expired at " + m.expires);

  // Each file streams to a temporary file beside its place in the cache, hashed on the way:
  // memory holds one chunk at a time, and only the content document is read back to parse.
  std::vector<std::unique_ptr<StagedFile>> staged;
  std::string content_bytes;
  std::vector<BundleFile> files{m.content};
  files.insert(files.end(), m.media.begin(), m.media.end());
  for (const BundleFile& f : files) {
    const auto target = settings_.cache_dir / f.path;
    const bool is_content = f.path == m.content.path;
    if (const auto late = time_is_up(); !late.empty()) return outcome(SyncOutcome::Kind::Failed, late);
    auto file = std::make_unique<StagedFile>(target);
    if (!file->ok()) return outcome(SyncOutcome::Kind::Failed, "cache: " + file->error());
    Sha256Stream hash;
    size_t received = 0;
    bool disk_failed = false;
    // The cap is the declared size: a server that sends more is cut off while sending.
    const HttpResponse r = http_.get_to(join_url(settings_.base_url, f.path), f.size, [&](std::string_view chunk) {
      hash.update(chunk);
      received += chunk.size();
      return !(disk_failed = !file->write(chunk));
    });
    if (disk_failed) return outcome(SyncOutcome::Kind::Failed, "cache: " + file->error());
    if (r.failure == HttpResponse::Failure::TooLarge)
      return outcome(SyncOutcome::Kind::Rejected, f.path + " is larger than the " + std::to_string(f.size) + " bytes the manifest declares");
    if (!r.ok() || r.status != 200) return http_failure(r, f.path);
    if (std::string reason; !check_digest(received, hash.hex(), f, reason)) return outcome(SyncOutcome::Kind::Rejected, reason);
    downloaded += received;
    if (is_content && !(content_bytes = read_whole_file(file->temp_path(), f.size, kJsonPadding).value_or("")).size())
      return outcome(SyncOutcome::Kind::Failed, "cache: cannot read " + file->temp_path().string());
    staged.push_back(std::move(file));
  }
  ContentParseResult parsed = parse_content_document(m.content.path, content_bytes, settings_.fallback.get());
  if (!parsed.ok())
    return outcome(SyncOutcome::Kind::Rejected, "the content document is not valid: " + parsed.problems.front().to_string());
  if (std::string reason; !images_listed(*parsed.snapshot, m, reason)) return outcome(SyncOutcome::Kind::Rejected, reason);

  // Trust first, then the cache, then trust again: the cache never gets ahead of the trust.
  std::string error;
  trust.switching_from = cached_version(now);
  trust.version = m.version;
  trust.etag.clear();
  if (!save_trust_state(settings_.state_dir, trust, error)) return outcome(SyncOutcome::Kind::Failed, "state: " + error);
  BundleCache cache(settings_.cache_dir);
  for (auto& file : staged)
    if (!file->commit(error)) return outcome(SyncOutcome::Kind::Failed, "cache: " + error);
  if (!cache.switch_to(manifest.body, signature.body, error)) return outcome(SyncOutcome::Kind::Failed, "cache: " + error);
  cached_version_ = m.version;
  trust.switching_from = -1;
  trust.etag = manifest.etag;
  if (!save_trust_state(settings_.state_dir, trust, error)) return outcome(SyncOutcome::Kind::Failed, "state: " + error);
  cache.remove_unlisted();
  SyncOutcome o = outcome(SyncOutcome::Kind::NewVersion, "");
  o.version = m.version;
  o.expires = m.expires;
  o.created = m.created;
  o.snapshot = std::move(parsed.snapshot);
  o.downloaded_bytes = downloaded;
  return o;
}

}  // namespace kiosk
