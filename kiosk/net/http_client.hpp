#pragma once
// One HTTP request at a time over libcurl, with the rules PRODUCT.md §5 sets: HTTPS with
// certificate checks (plain http only to a loopback address, and only when configured for
// tests), no redirects, connect and low-speed timeouts, and a size cap enforced while the body
// arrives, in the write callback — a server's Content-Length (or its absence, with chunked or
// compressed bodies) is never trusted. A cancel flag stops a transfer within a fraction of a second.
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// "https://host/bundle" + "manifest.json" → "https://host/bundle/manifest.json", one slash between.
std::string join_url(const std::string& base, const std::string& path);

struct HttpResponse;
// One response header line as a server sent it ("ETag: …", "Retry-After: …"): the fields the
// client uses are taken only in the form they allow; anything else is ignored.
void read_response_header(std::string_view line, HttpResponse& response);

struct HttpLimits {
  long connect_timeout_s = 10;
  long low_speed_bytes_per_s = 64;  // slower than this …
  long low_speed_time_s = 20;       // … for this long aborts the transfer
  long total_timeout_s = 300;
  bool allow_http_loopback = false;
};

struct HttpResponse {
  enum class Failure { None, Refused, Network, TooLarge, Stalled, Cancelled };
  Failure failure = Failure::None;
  long status = 0;
  std::string body;
  std::string etag;
  std::optional<long> retry_after_s;
  std::string error;  // in words, when failure != None
  bool ok() const { return failure == Failure::None; }
};

class HttpClient {
 public:
  HttpClient(HttpLimits limits, const std::atomic<bool>* cancel = nullptr);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse get(const std::string& url, size_t max_bytes, const std::string& if_none_match = {});
  // The body goes to `sink` piece by piece instead of into memory; `sink` returning false stops it.
  using BodySink = std::function<bool(std::string_view)>;
  HttpResponse get_to(const std::string& url, size_t max_bytes, const BodySink& sink);
  // No request from now on may take longer than this (a whole sync cycle's deadline).
  void limit_time_left(long seconds) { time_left_s_ = seconds; }
  HttpResponse get_with(const std::string& url, const std::vector<std::string>& headers, size_t max_bytes);
  HttpResponse post(const std::string& url, const std::string& body, const std::vector<std::string>& headers,
                    size_t max_bytes);

  // Is this URL one we may talk to at all (https, or loopback http when allowed)?
  bool allowed(const std::string& url, std::string& why) const;

 private:
  HttpResponse perform(const std::string& url, const std::string* post_body, const std::vector<std::string>& headers,
                       size_t max_bytes, const BodySink* sink = nullptr);
  HttpLimits limits_;
  long time_left_s_ = 1L << 30;
  const std::atomic<bool>* cancel_;
  void* curl_;
};

}  // namespace kiosk
