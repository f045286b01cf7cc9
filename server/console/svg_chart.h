// svg_chart.h — bar charts drawn on the server as inline SVG: no script, no
// library in the browser, printable. Every bar carries its number as text, so
// nothing is read from colour or length alone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace district::console {

struct Bar {
    std::string label;  // a day ("24") or a station's name
    std::int64_t value = 0;
    std::string group;  // a second line under the label when it changes (the month: "11月")
};

// Vertical bars, one per label (days), with the value above each bar.
std::string columnChart(const std::string& title, const std::vector<Bar>& bars,
                        const std::string& unit);
// Horizontal bars, one row per label (stations), the value after each bar.
std::string rowChart(const std::string& title, const std::vector<Bar>& bars,
                     const std::string& unit);

}  // namespace district::console
