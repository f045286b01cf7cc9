#include "shell/ui/qr.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include <qrencode.h>


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

}  // namespace shell
