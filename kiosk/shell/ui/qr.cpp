#include "shell/ui/qr.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include <qrencode.h>

#include "shell/ui/ui.h"

namespace shell {

namespace {

QrMatrix encode(std::string_view text) {
    QrMatrix out;
    if (text.empty()) return out;
    std::string s(text);  // QRcode_encodeString needs a terminated string
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) return out;
    out.size = code->width;
    out.dark.resize(std::size_t(out.size) * std::size_t(out.size));
    for (std::size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = (code->data[i] & 1u) ? 1 : 0;
    return out;
}

}  // namespace

const QrMatrix& qrMatrix(std::string_view text) {
    // A kiosk shows a handful of codes in a session; keep the cache small.
    static std::map<std::string, QrMatrix, std::less<>> cache;
    if (auto it = cache.find(text); it != cache.end()) return it->second;
    if (cache.size() >= 64) cache.clear();
    return cache.emplace(std::string(text), encode(text)).first->second;
}

float qrPreferredSide(const Metrics& m) { return std::round(m.touchMin * 5.0f); }

Rect qrCode(Ui& ui, std::string_view text, const Rect& box) {
    const QrMatrix& q = qrMatrix(text);
    if (q.size == 0) return {};
    const int total = q.size + 2 * kQrQuietModules;
    const float side = std::min(box.w, box.h);
    const float module = std::floor(side / float(total));
    if (module < 1) return {};
    const float drawn = module * float(total);
    const float x0 = std::round(box.cx() - drawn / 2), y0 = std::round(box.cy() - drawn / 2);
    ImDrawList* dl = ui.drawList();
    const ImU32 white = toU32(Rgb::hex(0xFFFFFF)), black = toU32(Rgb::hex(0x000000));
    dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + drawn, y0 + drawn), white);
    const float ox = x0 + module * kQrQuietModules, oy = y0 + module * kQrQuietModules;
    for (int y = 0; y < q.size; ++y) {
        // Runs of dark modules in a row as one rectangle: fewer vertices.
        int x = 0;
        while (x < q.size) {
            if (!q.at(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < q.size && q.at(end, y)) ++end;
            dl->AddRectFilled(ImVec2(ox + module * float(x), oy + module * float(y)),
                              ImVec2(ox + module * float(end), oy + module * float(y + 1)), black);
            x = end;
        }
    }
    return {x0, y0, drawn, drawn};
}

}  // namespace shell
