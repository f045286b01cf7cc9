// qr.h — QR codes on screen (meal pickup vouchers, time-bank redemptions).
//
// Encoded with libqrencode (8-bit mode, error correction level M) and drawn as
// black squares on white with the standard 4-module quiet zone, straight into
// the ImGui draw list (no texture). A module is a whole number of pixels, so a
// scanner at the counter reads clean edges. The encoded matrix is cached per
// text (a voucher is drawn every frame while it shows).
//
//     shell::Rect r = ui.qr("MEAL:bk-123", {x, y, side, side});   // ui.h
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shell/ui/layout.h"
#include "shell/ui/theme.h"

namespace shell {

// The quiet zone around the code, in modules (ISO/IEC 18004).
inline constexpr int kQrQuietModules = 4;

struct QrMatrix {
    int size = 0;                       // modules per side, without the quiet zone; 0 = not encodable
    std::vector<std::uint8_t> dark;     // size * size, row-major, 1 = black module
    bool at(int x, int y) const { return dark[std::size_t(y) * std::size_t(size) + std::size_t(x)] != 0; }
};

// Encodes `text` (UTF-8, 8-bit mode, ECLEVEL_M). Cached: the same text is
// encoded once. size 0 when the text is empty or too long for a QR code.
const QrMatrix& qrMatrix(std::string_view text);

// The side a voucher QR code is drawn at: large enough for a counter scanner
// and for an elder holding a phone up to it, in theme units.
float qrPreferredSide(const Metrics& m);

}  // namespace shell
