// html.h — the console's pages as server-rendered HTML: escaping, the page
// frame (top bar, navigation, messages), and small builders for tables,
// forms and tags. Every text that comes from data goes through esc().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace district::console {

std::string esc(std::string_view s);  // & < > " ' escaped

// What the frame needs to know about the viewer.
struct Viewer {
    std::string name;
    std::string role;  // admin / viewer; empty: not logged in (login page)
    std::string csrf;
};

struct Page {
    std::string title;   // <h1> and <title>
    std::string nav;     // key of the active navigation item (stations, config, ...)
    std::string body;    // HTML
    std::string notice;  // a message shown above the body (already HTML)
};

std::string renderPage(const Viewer& v, const Page& p);

// Messages above a page's content: ok (green, ✔), error (red, ✖), info.
std::string notice(const std::string& kind, const std::string& htmlText);

// A table; cells are HTML (escape data first). `cls` on the <table>.
std::string table(const std::vector<std::string>& headers,
                  const std::vector<std::vector<std::string>>& rows, const std::string& cls = "");

// A tag shown as words with a colour and a symbol: never colour alone.
//   kind: bad (✖), warn (!), ok (✔), info (·)
std::string tag(const std::string& kind, const std::string& text);

// A one-button POST form: hidden fields (name, value) and the session's CSRF
// token. `confirm` (optional) asks the browser first (console.js).
std::string postButton(const Viewer& v, const std::string& action, const std::string& label,
                       const std::vector<std::pair<std::string, std::string>>& fields,
                       const std::string& cls = "", const std::string& confirm = "");
std::string csrfField(const Viewer& v);
std::string hidden(const std::string& name, const std::string& value);

// Numbers and times for people.
std::string thousands(std::int64_t n);                    // 12,345
std::string hoursText(std::int64_t minutes);              // 1.5 小时
std::string yuanText(std::int64_t cents);                 // ¥15.00
std::string shortTime(const std::string& iso);            // 2026-11-24 09:30
std::string bytesText(std::int64_t bytes);                // 12.3 GB
std::string urlEncode(std::string_view s);

}  // namespace district::console
