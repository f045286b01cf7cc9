#include "browser.h"

#include <csignal>
#include <regex>
#include <stdexcept>

namespace consoletest {

Browser::Browser(const std::string& url, const std::string& caPath) {
    // A server may close a connection it did not read a body from; like a
    // browser, the test reads the answer instead of dying of SIGPIPE.
    signal(SIGPIPE, SIG_IGN);
    const auto colon = url.rfind(':');
    const std::string host = url.substr(std::string("https://").size(), colon - std::string("https://").size());
    client_ = std::make_unique<httplib::SSLClient>(host, std::stoi(url.substr(colon + 1)));
    client_->set_ca_cert_path(caPath.c_str());
    client_->enable_server_certificate_verification(true);
    client_->set_connection_timeout(5);
    client_->set_read_timeout(30);
}

std::string inputValue(const std::string& html, const std::string& name) {
    const std::regex re("name=\"" + name + "\" value=\"([^\"]*)\"");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

httplib::Headers Browser::cookieHeader() const {
    std::string c;
    for (const auto& [k, v] : cookies_) c += (c.empty() ? "" : "; ") + k + "=" + v;
    httplib::Headers h;
    if (!c.empty()) h.emplace("Cookie", c);
    return h;
}

Reply Browser::finish(const httplib::Result& r) {
    if (!r) throw std::runtime_error("request failed: " + httplib::to_string(r.error()));
    Reply out;
    out.status = r->status;
    out.body = r->body;
    out.headers = r->headers;
    out.location = r->get_header_value("Location");
    const auto n = r->get_header_value_count("Set-Cookie");
    for (std::size_t i = 0; i < n; ++i) {
        const std::string sc = r->get_header_value("Set-Cookie", i);
        out.set_cookies.push_back(sc);
        const auto eq = sc.find('='), semi = sc.find(';');
        const std::string name = sc.substr(0, eq), value = sc.substr(eq + 1, semi - eq - 1);
        if (sc.find("Max-Age=0") != std::string::npos) cookies_.erase(name);
        else cookies_[name] = value;
    }
    if (const std::string t = inputValue(out.body, "csrf"); !t.empty()) csrf_ = t;
    return out;
}

Reply Browser::get(const std::string& path) { return finish(client_->Get(path.c_str(), cookieHeader())); }

Reply Browser::post(const std::string& path, const std::vector<std::pair<std::string, std::string>>& form) {
    httplib::Params params;
    for (const auto& [k, v] : form) params.emplace(k, v);
    return finish(client_->Post(path.c_str(), cookieHeader(), params));
}

Reply Browser::postMultipart(const std::string& path,
                             const std::vector<std::pair<std::string, std::string>>& form) {
    httplib::MultipartFormDataItems items;
    for (const auto& [k, v] : form) items.push_back({k, v, "", ""});
    return finish(client_->Post(path.c_str(), cookieHeader(), items));
}

Reply Browser::upload(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                      const std::string& fileField, const std::string& filename, const std::string& content) {
    httplib::MultipartFormDataItems items;
    for (const auto& [k, v] : fields) items.push_back({k, v, "", ""});
    items.push_back({fileField, content, filename, "text/csv"});
    return finish(client_->Post(path.c_str(), cookieHeader(), items));
}

Reply Browser::login(const std::string& name, const std::string& password) {
    const Reply page = get("/login");
    return post("/login", {{"login_token", inputValue(page.body, "login_token")},
                           {"name", name},
                           {"password", password},
                           {"next", "/stations"}});
}

std::string Browser::csrfOf(const std::string& path) {
    get(path);
    return csrf_;
}

std::string Browser::cookie(const std::string& name) const {
    auto it = cookies_.find(name);
    return it == cookies_.end() ? "" : it->second;
}

}  // namespace consoletest
