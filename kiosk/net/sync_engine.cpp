#include "kiosk/net/sync_engine.hpp"

#include "kiosk/core/content_parser.hpp"
#include "kiosk/net/bundle_verifier.hpp"
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
    const auto v = raw ? verify_bundle(*raw, settings_.keys, 0, now, reason, settings_.fallback.get()) : std::nullopt;
    cached_version_ = v ? v->manifest.version : 0;
  }
  return cached_version_;
}

bool SyncEngine::cache_holds(long version, int64_t now) { return version > 0 && cached_version(now) == version; }

SyncOutcome SyncEngine::run_once(int64_t now) {
  answered_ = false;
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
  const HttpResponse signature = http_.get(join_url(settings_.base_url, "manifest.json.minisig"), kSignatureMaxBytes);
  if (!signature.ok() || signature.status != 200) return http_failure(signature, "manifest.json.minisig");
  downloaded += signature.body.size();

  ManifestCheck check = check_manifest(manifest.body, signature.body, settings_.keys);
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

  RawBundle bundle{manifest.body, signature.body, {}};
  std::vector<BundleFile> files{m.content};
  files.insert(files.end(), m.media.begin(), m.media.end());
  for (const BundleFile& f : files) {
    // The cap is the declared size: a server that sends more is cut off while sending.
    const HttpResponse r = http_.get(join_url(settings_.base_url, f.path), f.size);
    if (r.failure == HttpResponse::Failure::TooLarge)
      return outcome(SyncOutcome::Kind::Rejected, f.path + " is larger than the " + std::to_string(f.size) + " bytes the manifest declares");
    if (!r.ok() || r.status != 200) return http_failure(r, f.path);
    std::string reason;
    if (!check_file(r.body, f, reason)) return outcome(SyncOutcome::Kind::Rejected, reason);
    downloaded += r.body.size();
    bundle.files[f.path] = std::move(r.body);
  }
  ContentParseResult parsed = parse_content_document(m.content.path, bundle.files[m.content.path], settings_.fallback.get());
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
  if (!cache.store(bundle, error)) return outcome(SyncOutcome::Kind::Failed, "cache: " + error);
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
