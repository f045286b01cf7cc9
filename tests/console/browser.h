// browser.h — what a browser does with the console, for the HTTP tests: real
// TLS verified against the district CA, cookies kept and sent like a browser
// (Secure, HttpOnly cookies included), forms posted with the page's CSRF token.
#pragma once

#include <httplib.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace consoletest {

struct Reply {
    int status = 0;
    std::string body;
    std::string location;                 // of a redirect
    std::vector<std::string> set_cookies; // Set-Cookie headers as sent
    httplib::Headers headers;
};

class Browser {
public:
    // url: https://127.0.0.1:PORT of the console; caPath: the district CA.
    Browser(const std::string& url, const std::string& caPath);

    Reply get(const std::string& path);
    Reply post(const std::string& path, const std::vector<std::pair<std::string, std::string>>& form);
    // multipart/form-data, as a form with enctype="multipart/form-data" sends it.
    Reply postMultipart(const std::string& path, const std::vector<std::pair<std::string, std::string>>& form);
    // multipart/form-data: fields, plus one file field.
    Reply upload(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                 const std::string& fileField, const std::string& filename, const std::string& content);

    // GET /login, then POST the name and password with the login token.
    Reply login(const std::string& name, const std::string& password);
    // The CSRF token of the last page that had one.
    const std::string& csrf() const { return csrf_; }
    // A fresh page's token (GET path first).
    std::string csrfOf(const std::string& path);

    std::string cookie(const std::string& name) const;
    void setCookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
    void forget(const std::string& name) { cookies_.erase(name); }

private:
    Reply finish(const httplib::Result& r);
    httplib::Headers cookieHeader() const;

    std::unique_ptr<httplib::SSLClient> client_;
    std::map<std::string, std::string> cookies_;
    std::string csrf_;
};

// The value of <input ... name="NAME" value="..."> in a page.
std::string inputValue(const std::string& html, const std::string& name);

}  // namespace consoletest
