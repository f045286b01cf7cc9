// curl_lib.h — libcurl, loaded when the first request is made, not at start.
//
// Linked, libcurl and the 26 libraries it needs (TLS, Kerberos, LDAP, SSH,
// RTMP ...) were mapped and relocated before main(): ~13 ms of every kiosk
// start on the path to the first frame, for a library the sync thread first
// uses after it. dlopen("libcurl.so.4") on first use moves that off the path.
// The functions are libcurl's own, called through these pointers; curl.h
// still gives the types and constants.
#pragma once

#include <curl/curl.h>

namespace syncc {

struct CurlLib {
    decltype(&::curl_global_init) global_init;
    decltype(&::curl_easy_init) easy_init;
    decltype(&::curl_easy_cleanup) easy_cleanup;
    decltype(&::curl_easy_reset) easy_reset;
    decltype(&::curl_easy_setopt) easy_setopt;
    decltype(&::curl_easy_perform) easy_perform;
    decltype(&::curl_easy_getinfo) easy_getinfo;
    decltype(&::curl_easy_strerror) easy_strerror;
    decltype(&::curl_easy_header) easy_header;
    decltype(&::curl_slist_append) slist_append;
    decltype(&::curl_slist_free_all) slist_free_all;
    decltype(&::curl_url) url;
    decltype(&::curl_url_set) url_set;
    decltype(&::curl_url_get) url_get;
    decltype(&::curl_url_cleanup) url_cleanup;
    decltype(&::curl_free) free;
    decltype(&::curl_getdate) getdate;
};

// Loads libcurl (once, thread-safe) and runs curl_global_init. Throws
// std::runtime_error naming what is missing (package libcurl4).
const CurlLib& curl();

}  // namespace syncc
