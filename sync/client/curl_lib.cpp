#include "curl_lib.h"

#include <dlfcn.h>

#include <mutex>
#include <stdexcept>
#include <string>

namespace syncc {
namespace {

template <typename F>
void bind(void* lib, F& fn, const char* name) {
    fn = reinterpret_cast<F>(::dlsym(lib, name));
    if (!fn) throw std::runtime_error(std::string("libcurl.so.4 has no ") + name + " (libcurl 7.84 or later is needed)");
}

CurlLib load() {
    // RTLD_LOCAL: its symbols stay out of the kiosk's namespace.
    void* lib = ::dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char* why = ::dlerror();
        throw std::runtime_error(std::string("cannot load libcurl (install the libcurl4 package): ") + (why ? why : "?"));
    }
    CurlLib c{};
    bind(lib, c.global_init, "curl_global_init");
    bind(lib, c.easy_init, "curl_easy_init");
    bind(lib, c.easy_cleanup, "curl_easy_cleanup");
    bind(lib, c.easy_reset, "curl_easy_reset");
    bind(lib, c.easy_setopt, "curl_easy_setopt");
    bind(lib, c.easy_perform, "curl_easy_perform");
    bind(lib, c.easy_getinfo, "curl_easy_getinfo");
    bind(lib, c.easy_strerror, "curl_easy_strerror");
    bind(lib, c.easy_header, "curl_easy_header");
    bind(lib, c.slist_append, "curl_slist_append");
    bind(lib, c.slist_free_all, "curl_slist_free_all");
    bind(lib, c.url, "curl_url");
    bind(lib, c.url_set, "curl_url_set");
    bind(lib, c.url_get, "curl_url_get");
    bind(lib, c.url_cleanup, "curl_url_cleanup");
    bind(lib, c.free, "curl_free");
    bind(lib, c.getdate, "curl_getdate");
    // Not safe to race with other threads' first use: it runs here, once,
    // before any handle exists. The library stays loaded for the process.
    if (c.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("libcurl failed to start");
    return c;
}

}  // namespace

const CurlLib& curl() {
    // A failed load throws out of the initializer and is tried again next time.
    static const CurlLib lib = load();
    return lib;
}

}  // namespace syncc
