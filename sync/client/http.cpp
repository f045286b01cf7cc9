#include "http.h"

#include "curl_lib.h"

#include <utility>

namespace syncc {
namespace {

CURL* handle(void* p) { return static_cast<CURL*>(p); }

size_t onBody(char* data, size_t size, size_t n, void* user) {
    static_cast<std::string*>(user)->append(data, size * n);
    return size * n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    // libcurl calls this at least once a second, also while connecting, which
    // bounds how long SyncWorker::stop() waits for a transfer in flight.
    const auto* cancel = static_cast<const std::atomic<bool>*>(user);
    return cancel && cancel->load() ? 1 : 0;
}

// Plain words first (what the operator can act on), curl's detail after.
std::string describe(CURLcode rc, const char* detail) {
    std::string what;
    switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST: what = "the district server's name cannot be resolved"; break;
        case CURLE_COULDNT_CONNECT: what = "cannot connect to the district server"; break;
        case CURLE_OPERATION_TIMEDOUT: what = "the district server did not answer in time"; break;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CONNECT_ERROR:
            what = "the district server's certificate was refused (it must be signed by the "
                   "district CA this kiosk was enrolled with, for the enrolled host name)";
            break;
        case CURLE_ABORTED_BY_CALLBACK: what = "sync was stopped"; break;
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING: what = "the connection to the district server broke"; break;
        default: what = "network error"; break;
    }
    std::string d = detail && *detail ? detail : curl().easy_strerror(rc);
    return what + " (" + d + ")";
}

}  // namespace

HttpClient::HttpClient(HttpOptions opts)
    : errorBuffer_(new char[CURL_ERROR_SIZE]()), opts_(std::move(opts)) {
    curl_ = curl().easy_init();
}

HttpClient::~HttpClient() {
    if (curl_) curl().easy_cleanup(handle(curl_));
}

HttpClient::HttpClient(HttpClient&& other) noexcept
    : curl_(std::exchange(other.curl_, nullptr)),
      errorBuffer_(std::move(other.errorBuffer_)),
      opts_(std::move(other.opts_)) {}

HttpClient& HttpClient::operator=(HttpClient&& other) noexcept {
    if (this != &other) {
        if (curl_) curl().easy_cleanup(handle(curl_));
        curl_ = std::exchange(other.curl_, nullptr);
        errorBuffer_ = std::move(other.errorBuffer_);
        opts_ = std::move(other.opts_);
    }
    return *this;
}

HttpResponse HttpClient::get(const std::string& url) { return perform(url, nullptr); }

HttpResponse HttpClient::postJson(const std::string& url, const std::string& body) {
    return perform(url, &body);
}

HttpResponse HttpClient::perform(const std::string& url, const std::string* postBody) {
    HttpResponse r;
    CURL* h = handle(curl_);
    if (!h) {
        r.error = "network error (libcurl could not create a handle)";
        return r;
    }
    // reset() keeps the connection cache and TLS session, so requests after the
    // first skip the handshake; everything else is set afresh below.
    curl().easy_reset(h);
    errorBuffer_[0] = '\0';

    curl_blob ca{const_cast<char*>(opts_.caPem.data()), opts_.caPem.size(), CURL_BLOB_COPY};
    curl_slist* headers = nullptr;
    const std::string auth = "Authorization: Bearer " + opts_.bearerToken;
    headers = curl().slist_append(headers, auth.c_str());
    headers = curl().slist_append(headers, "Accept: application/json");
    if (postBody) headers = curl().slist_append(headers, "Content-Type: application/json");

    curl().easy_setopt(h, CURLOPT_URL, url.c_str());
    curl().easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer_.get());
    curl().easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // threads: no SIGALRM for DNS timeouts
    curl().easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https");
    curl().easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    // Trust exactly the district CA: no system store, no CA path.
    curl().easy_setopt(h, CURLOPT_CAINFO_BLOB, &ca);
    curl().easy_setopt(h, CURLOPT_CAPATH, nullptr);
    curl().easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl().easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl().easy_setopt(h, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    curl().easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(opts_.connectTimeout.count()));
    curl().easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(opts_.requestTimeout.count()));
    curl().easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, opts_.lowSpeedLimitBytes);
    curl().easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(opts_.lowSpeedTime.count()));
    // gzip only: a 1 MB page shrinks to ~140 KB for ~10 ms of server time. Not
    // "" (all): cpp-httplib then prefers brotli at quality 11, which costs the
    // district server ~2 s per page.
    curl().easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl().easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl().easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
    curl().easy_setopt(h, CURLOPT_WRITEDATA, &r.body);
    curl().easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl().easy_setopt(h, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl().easy_setopt(h, CURLOPT_XFERINFODATA,
                     const_cast<void*>(static_cast<const void*>(opts_.cancel)));
    if (postBody) {
        curl().easy_setopt(h, CURLOPT_POST, 1L);
        curl().easy_setopt(h, CURLOPT_POSTFIELDS, postBody->data());
        curl().easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(postBody->size()));
    }

    CURLcode rc = curl().easy_perform(h);
    curl().slist_free_all(headers);

    double total = 0;
    curl().easy_getinfo(h, CURLINFO_TOTAL_TIME, &total);
    r.elapsed = total;
    curl_off_t down = 0, up = 0;
    curl().easy_getinfo(h, CURLINFO_SIZE_DOWNLOAD_T, &down);
    curl().easy_getinfo(h, CURLINFO_SIZE_UPLOAD_T, &up);
    r.bytesDown = down;
    r.bytesUp = up;
    if (rc != CURLE_OK) {
        r.error = describe(rc, errorBuffer_.get());
        r.body.clear();
        return r;
    }
    curl().easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r.status);
    const char* ct = nullptr;
    if (curl().easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct) r.contentType = ct;
    curl_header* ra = nullptr;
    if (curl().easy_header(h, "Retry-After", 0, CURLH_HEADER, -1, &ra) == CURLHE_OK && ra)
        r.retryAfter = ra->value;
    return r;
}

}  // namespace syncc
