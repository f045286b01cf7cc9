#include "console/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "console/html.h"

namespace district::console {
namespace {

// A round top of the scale: 1, 2 or 5 times a power of ten, at least `v`.
std::int64_t niceMax(std::int64_t v) {
    if (v <= 0) return 1;
    std::int64_t p = 1;
    while (p * 10 <= v) p *= 10;
    for (std::int64_t m : {1, 2, 5, 10})
        if (m * p >= v) return m * p;
    return 10 * p;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string open(const std::string& title, int w, int h, const std::string& summary) {
    return "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
           std::to_string(w) + " " + std::to_string(h) + "\" width=\"100%\" role=\"img\" aria-label=\"" +
           esc(title + "：" + summary) + "\"><title>" + esc(title) + "</title>";
}

std::string summaryOf(const std::vector<Bar>& bars, const std::string& unit) {
    std::int64_t total = 0;
    for (const auto& b : bars) total += b.value;
    return "共 " + thousands(total) + " " + unit;
}

}  // namespace

std::string columnChart(const std::string& title, const std::vector<Bar>& bars,
                        const std::string& unit) {
    const int left = 80, right = 20, top = 34, bottom = 76;
    const int n = std::max<int>(1, static_cast<int>(bars.size()));
    const int slot = std::clamp(1300 / n, 40, 110);
    const int w = left + right + slot * n, h = 420;
    const int plotH = h - top - bottom;
    std::int64_t maxV = 0;
    for (const auto& b : bars) maxV = std::max(maxV, b.value);
    const std::int64_t scale = niceMax(maxV);
    const std::string summary = summaryOf(bars, unit);
    std::string s = open(title, w, h, summary);
    // Grid lines at 0, 1/2 and the top of the scale.
    for (int k = 0; k <= 2; ++k) {
        const double y = top + plotH - plotH * k / 2.0;
        s += "<line x1=\"" + std::to_string(left) + "\" x2=\"" + std::to_string(w - right) +
             "\" y1=\"" + num(y) + "\" y2=\"" + num(y) + "\" class=\"grid\"/>";
        s += "<text x=\"" + std::to_string(left - 8) + "\" y=\"" + num(y + 6) +
             "\" text-anchor=\"end\" class=\"axis\">" + thousands(scale * k / 2) + "</text>";
    }
    for (int i = 0; i < static_cast<int>(bars.size()); ++i) {
        const auto& b = bars[static_cast<std::size_t>(i)];
        const double bh = plotH * static_cast<double>(b.value) / static_cast<double>(scale);
        const double x = left + slot * i + slot * 0.15, bw = slot * 0.7;
        const double y = top + plotH - bh;
        s += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(bw) + "\" height=\"" +
             num(bh) + "\" class=\"bar\"><title>" + esc(b.label) + "：" + thousands(b.value) + " " +
             esc(unit) + "</title></rect>";
        s += "<text x=\"" + num(x + bw / 2) + "\" y=\"" + num(y - 6) +
             "\" text-anchor=\"middle\" class=\"value\">" + thousands(b.value) + "</text>";
        s += "<text x=\"" + num(x + bw / 2) + "\" y=\"" + std::to_string(h - bottom + 26) +
             "\" text-anchor=\"middle\" class=\"label\">" + esc(b.label) + "</text>";
        if (!b.group.empty() && (i == 0 || bars[static_cast<std::size_t>(i - 1)].group != b.group))
            s += "<text x=\"" + num(left + slot * i + 2) + "\" y=\"" + std::to_string(h - bottom + 56) +
                 "\" class=\"group\">" + esc(b.group) + "</text>";
    }
    s += "</svg><figcaption>" + esc(title) + "（" + esc(summary) + "）</figcaption></figure>\n";
    return s;
}

std::string rowChart(const std::string& title, const std::vector<Bar>& bars,
                     const std::string& unit) {
    const int labelW = 260, right = 100, top = 10, row = 44;
    const int w = 1400, h = top * 2 + row * std::max<int>(1, static_cast<int>(bars.size()));
    const int plotW = w - labelW - right;
    std::int64_t maxV = 0;
    for (const auto& b : bars) maxV = std::max(maxV, b.value);
    const std::int64_t scale = niceMax(maxV);
    const std::string summary = summaryOf(bars, unit);
    std::string s = open(title, w, h, summary);
    for (int i = 0; i < static_cast<int>(bars.size()); ++i) {
        const auto& b = bars[static_cast<std::size_t>(i)];
        const double y = top + row * i;
        const double bw = plotW * static_cast<double>(b.value) / static_cast<double>(scale);
        s += "<text x=\"" + std::to_string(labelW - 12) + "\" y=\"" + num(y + row * 0.68) +
             "\" text-anchor=\"end\" class=\"label\">" + esc(b.label) + "</text>";
        s += "<rect x=\"" + std::to_string(labelW) + "\" y=\"" + num(y + row * 0.15) + "\" width=\"" +
             num(bw) + "\" height=\"" + num(row * 0.7) + "\" class=\"bar\"><title>" + esc(b.label) +
             "：" + thousands(b.value) + " " + esc(unit) + "</title></rect>";
        s += "<text x=\"" + num(labelW + bw + 8) + "\" y=\"" + num(y + row * 0.68) +
             "\" class=\"value\">" + thousands(b.value) + "</text>";
    }
    s += "</svg><figcaption>" + esc(title) + "（" + esc(summary) + "）</figcaption></figure>\n";
    return s;
}

}  // namespace district::console
