#include "kiosk/net/http_client.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <algorithm>

#include <cstring>
#include <mutex>

namespace kiosk {

std::string join_url(const std::string& base, const std::string& path) {
  return base.empty() || base.back() == '/' ? base + path : base + "/" + path;
}

void read_response_header(std::string_view raw, HttpResponse& r) {
  const std::string line(raw);
  const auto colon = line.find(':');
  if (colon == std::string::npos) return;
  std::string name = line.substr(0, colon);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string value = line.substr(colon + 1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) value.pop_back();
  value.erase(0, std::min(value.find_first_not_of(' '), value.size()));
  // A server's bytes reach files and JSON only when they are what the field allows: an ETag
  // of visible ASCII, else none (the next request is simply unconditional).
  if (name == "etag") r.etag = std::all_of(value.begin(), value.end(), [](char c) { return c > 0x20 && c < 0x7f; }) ? value : std::string();
  if (name == "retry-after") {
    // Clamped to [0, 1 h]: "Retry-After: 2000000000" must not stop syncing for decades.
    long seconds = 60;  // an HTTP date or garbage: "a while"
    try {
      seconds = std::stol(value);
    } catch (...) {
    }
    r.retry_after_s = std::clamp(seconds, 0L, 3600L);
  }
}
namespace {

struct Transfer {
  HttpResponse* response;
  size_t max_bytes;
  const std::atomic<bool>* cancel;
  const HttpClient::BodySink* sink = nullptr;  // else the body collects in response->body
  bool too_large = false;
  size_t received = 0;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (t->received + n > t->max_bytes) {
    t->too_large = true;
    return 0;  // aborts the transfer: never take more than the cap
  }
  t->received += n;
  if (t->sink != nullptr) return (*t->sink)(std::string_view(data, n)) ? n : 0;
  t->response->body.append(data, n);
  return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  read_response_header(std::string_view(data, n), *t->response);
  return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  return t->cancel != nullptr && t->cancel->load() ? 1 : 0;
}

// The host curl will connect to, as curl's own URL parser reads it: a prefix test on the text
// let "http://127.0.0.1@elsewhere/" and "http://127.0.0.1.example.invalid/" through.
struct UrlParts {
  std::string scheme, host;
  bool userinfo = false;
};

bool parse_url(const std::string& url, UrlParts& out) {
  CURLU* u = curl_url();
  if (u == nullptr) return false;
  bool ok = curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK;
  auto part = [&](CURLUPart which, std::string& into) {
    char* text = nullptr;
    const CURLUcode rc = curl_url_get(u, which, &text, 0);
    if (rc == CURLUE_OK && text != nullptr) into = text;
    curl_free(text);
    return rc == CURLUE_OK;
  };
  std::string user, password;
  ok = ok && part(CURLUPART_SCHEME, out.scheme) && part(CURLUPART_HOST, out.host);
  out.userinfo = part(CURLUPART_USER, user) || part(CURLUPART_PASSWORD, password);
  curl_url_cleanup(u);
  return ok;
}

bool is_loopback_host(const std::string& host) {
  if (host == "localhost" || host == "[::1]") return true;
  in_addr a{};
  return ::inet_pton(AF_INET, host.c_str(), &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

std::once_flag g_curl_init;

}  // namespace

HttpClient::HttpClient(HttpLimits limits, const std::atomic<bool>* cancel) : limits_(limits), cancel_(cancel) {
  std::call_once(g_curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  curl_ = curl_easy_init();
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

bool HttpClient::allowed(const std::string& url, std::string& why) const {
  UrlParts p;
  if (!parse_url(url, p)) return why = "refused " + url + ": not a URL", false;
  if (p.userinfo) return why = "refused " + url + ": a user name or password in the address is not allowed", false;
  if (p.scheme == "https") return true;
  if (limits_.allow_http_loopback && p.scheme == "http" && is_loopback_host(p.host)) return true;
  why = "refused " + url + ": only https:// is allowed" +
        std::string(limits_.allow_http_loopback ? " (and http:// to this machine)" : "");
  return false;
}

HttpResponse HttpClient::get(const std::string& url, size_t max_bytes, const std::string& if_none_match) {
  std::vector<std::string> headers;
  if (!if_none_match.empty()) headers.push_back("If-None-Match: " + if_none_match);
  return perform(url, nullptr, headers, max_bytes);
}

HttpResponse HttpClient::get_to(const std::string& url, size_t max_bytes, const BodySink& sink) {
  return perform(url, nullptr, {}, max_bytes, &sink);
}

HttpResponse HttpClient::get_with(const std::string& url, const std::vector<std::string>& headers, size_t max_bytes) {
  return perform(url, nullptr, headers, max_bytes);
}

HttpResponse HttpClient::post(const std::string& url, const std::string& body, const std::vector<std::string>& headers,
                              size_t max_bytes) {
  return perform(url, &body, headers, max_bytes);
}

HttpResponse HttpClient::perform(const std::string& url, const std::string* post_body,
                                 const std::vector<std::string>& headers, size_t max_bytes, const BodySink* sink) {
  HttpResponse r;
  if (!allowed(url, r.error)) {
    r.failure = HttpResponse::Failure::Refused;
    return r;
  }
  CURL* c = static_cast<CURL*>(curl_);
  curl_easy_reset(c);
  Transfer t{&r, max_bytes, cancel_, sink};
  char curl_error[CURL_ERROR_SIZE] = {};
  curl_slist* list = nullptr;
  for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, limits_.allow_http_loopback ? "http,https" : "https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, limits_.connect_timeout_s);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, limits_.low_speed_bytes_per_s);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, limits_.low_speed_time_s);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, std::max(1L, std::min(limits_.total_timeout_s, time_left_s_)));
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // compressed is fine; the cap counts decoded bytes
  curl_easy_setopt(c, CURLOPT_USERAGENT, "berswordt-kiosk");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_error);
  if (post_body != nullptr) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, post_body->data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(post_body->size()));
  }
  const CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(list);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  if (rc == CURLE_OK) return r;
  r.body.clear();
  if (t.too_large) {
    r.failure = HttpResponse::Failure::TooLarge;
    r.error = url + " sent more than " + std::to_string(max_bytes) + " bytes; stopped reading";
  } else if (rc == CURLE_ABORTED_BY_CALLBACK) {
    r.failure = HttpResponse::Failure::Cancelled;
    r.error = "cancelled";
  } else if (rc == CURLE_OPERATION_TIMEDOUT) {
    r.failure = HttpResponse::Failure::Stalled;
    r.error = url + ": " + (curl_error[0] ? curl_error : curl_easy_strerror(rc));
  } else {
    r.failure = HttpResponse::Failure::Network;
    r.error = url + ": " + (curl_error[0] ? curl_error : curl_easy_strerror(rc));
  }
  return r;
}

}  // namespace kiosk
