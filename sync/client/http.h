// http.h — the project's one HTTP client: a small libcurl wrapper (cpr style).
//
// One HttpClient owns one CURL easy handle (move-only) and reuses it, so the
// requests of a sync cycle share the TLS connection. Errors are values in
// HttpResponse, never exceptions: the worker thread must not unwind through
// libcurl callbacks.
//
// TLS is verified against the district CA only (CURLOPT_CAINFO_BLOB, no system
// store), with peer and host name checks on: a wrong certificate fails closed.
// There is deliberately no switch to turn verification off.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace syncc {

struct HttpOptions {
    std::string caPem;                       // the district CA (PEM)
    std::string bearerToken;                 // sent as Authorization: Bearer
    std::chrono::milliseconds connectTimeout{10'000};
    long lowSpeedLimitBytes = 64;
    std::chrono::seconds lowSpeedTime{30};
    std::chrono::milliseconds requestTimeout{120'000};
    const std::atomic<bool>* cancel = nullptr;  // set: the transfer in flight aborts
};

struct HttpResponse {
    long status = 0;           // 0 when no HTTP answer arrived
    std::string body;
    std::string contentType;
    std::optional<std::string> retryAfter;  // raw Retry-After header value
    std::string error;         // transport error in plain words; empty when an answer arrived
    double elapsed = 0;        // seconds
    std::int64_t bytesDown = 0;  // body bytes as received (before decompression)
    std::int64_t bytesUp = 0;

    bool ok() const { return error.empty() && status >= 200 && status < 300; }
};

class HttpClient {
public:
    explicit HttpClient(HttpOptions opts);
    ~HttpClient();
    HttpClient(HttpClient&& other) noexcept;
    HttpClient& operator=(HttpClient&& other) noexcept;
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    HttpResponse get(const std::string& url);
    HttpResponse postJson(const std::string& url, const std::string& body);

private:
    HttpResponse perform(const std::string& url, const std::string* postBody);

    void* curl_ = nullptr;                  // CURL*, kept opaque so curl.h stays out of users
    std::unique_ptr<char[]> errorBuffer_;   // CURLOPT_ERRORBUFFER; heap so moves keep it valid
    HttpOptions opts_;
};

}  // namespace syncc
