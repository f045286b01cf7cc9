#include "shell/ui/icons.h"

#include <algorithm>
#include <cmath>

namespace shell {
namespace {

constexpr float kPi = 3.14159265f;

struct Pen {
    ImDrawList* dl;
    ImVec2 c;
    float s;
    ImU32 col;
    float w;  // stroke width
    ImVec2 p(float x, float y) const { return {c.x + x * s, c.y + y * s}; }
    void line(float x1, float y1, float x2, float y2) const { dl->AddLine(p(x1, y1), p(x2, y2), col, w); }
    void poly(std::initializer_list<ImVec2> unit, bool closed = false) const {
        ImVec2 pts[8];
        int n = 0;
        for (ImVec2 u : unit) pts[n++] = p(u.x, u.y);
        dl->AddPolyline(pts, n, col, closed ? ImDrawFlags_Closed : ImDrawFlags_None, w);
        // Round the joints: thick polylines in ImGui have square ends.
        for (int i = 0; i < n; ++i) dl->AddCircleFilled(pts[i], w * 0.5f, col, 12);
    }
    void circle(float x, float y, float r) const { dl->AddCircle(p(x, y), r * s, col, 48, w); }
    void disc(float x, float y, float r) const { dl->AddCircleFilled(p(x, y), r * s, col, 32); }
    void rect(float x1, float y1, float x2, float y2, float round) const {
        dl->AddRect(p(x1, y1), p(x2, y2), col, round * s, ImDrawFlags_None, w);
    }
    void fillRect(float x1, float y1, float x2, float y2, float round = 0,
                  ImDrawFlags flags = ImDrawFlags_None) const {
        dl->AddRectFilled(p(x1, y1), p(x2, y2), col, round * s, flags);
    }
};

void check(const Pen& pen, float k, float dx = 0, float dy = 0) {
    pen.poly({{dx - 0.36f * k, dy + 0.02f * k}, {dx - 0.10f * k, dy + 0.28f * k}, {dx + 0.38f * k, dy - 0.26f * k}});
}

}  // namespace

void drawIcon(ImDrawList* dl, Icon icon, ImVec2 c, float size, ImU32 col) {
    Pen pen{dl, c, size, col, std::max(2.0f, size * 0.085f)};
    switch (icon) {
        case Icon::None: break;
        case Icon::Back:
            pen.line(0.38f, 0, -0.34f, 0);
            pen.poly({{-0.02f, -0.32f}, {-0.36f, 0}, {-0.02f, 0.32f}});
            break;
        case Icon::Home:
            pen.poly({{-0.44f, 0.02f}, {0, -0.38f}, {0.44f, 0.02f}});
            pen.poly({{-0.30f, -0.10f}, {-0.30f, 0.40f}, {0.30f, 0.40f}, {0.30f, -0.10f}});
            pen.fillRect(-0.08f, 0.14f, 0.08f, 0.40f);
            break;
        case Icon::Check: check(pen, 1.0f); break;
        case Icon::CheckIn:
        case Icon::Synced:
            pen.circle(0, 0, 0.44f);
            check(pen, 0.62f, 0, 0.02f);
            break;
        case Icon::Offline:
            pen.circle(0, 0, 0.44f);
            pen.line(-0.18f, -0.18f, 0.18f, 0.18f);
            pen.line(0.18f, -0.18f, -0.18f, 0.18f);
            break;
        case Icon::Meal: {
            // Bowl: a filled half disc under a rim, on a foot; steam above.
            dl->PathArcTo(pen.p(0, 0.02f), 0.42f * size, 0, kPi, 40);
            dl->PathFillConvex(col);
            pen.fillRect(-0.48f, -0.02f, 0.48f, 0.06f, 0.03f);
            pen.fillRect(-0.16f, 0.40f, 0.16f, 0.47f, 0.02f);
            for (float x : {-0.20f, 0.0f, 0.20f})
                dl->AddBezierCubic(pen.p(x, -0.14f), pen.p(x - 0.08f, -0.24f), pen.p(x + 0.08f, -0.32f),
                                   pen.p(x, -0.44f), col, pen.w * 0.8f, 16);
            break;
        }
        case Icon::Activity:
            pen.rect(-0.42f, -0.32f, 0.42f, 0.42f, 0.08f);
            pen.fillRect(-0.42f, -0.32f, 0.42f, -0.12f, 0.08f, ImDrawFlags_RoundCornersTop);
            pen.line(-0.22f, -0.46f, -0.22f, -0.26f);
            pen.line(0.22f, -0.46f, 0.22f, -0.26f);
            for (int r = 0; r < 2; ++r)
                for (int k = 0; k < 3; ++k) {
                    float x = -0.24f + 0.24f * float(k), y = 0.04f + 0.2f * float(r);
                    pen.fillRect(x - 0.06f, y - 0.05f, x + 0.06f, y + 0.05f, 0.02f);
                }
            break;
        case Icon::TimeBank:
            pen.circle(0, 0, 0.44f);
            pen.poly({{0, -0.28f}, {0, 0}, {0.22f, 0.12f}});
            for (int i = 0; i < 12; i += 3) {
                float a = float(i) / 12.0f * 2 * kPi;
                pen.disc(0.34f * std::sin(a), -0.34f * std::cos(a), 0.035f);
            }
            break;
        case Icon::Help:
            pen.circle(0, 0, 0.44f);
            dl->PathArcTo(pen.p(0, -0.10f), 0.15f * size, kPi * 1.05f, kPi * 2.35f, 24);
            dl->PathLineTo(pen.p(0, 0.10f));
            dl->PathStroke(col, ImDrawFlags_None, pen.w);
            pen.disc(0, 0.24f, 0.055f);
            break;
        case Icon::Card:
            pen.rect(-0.46f, -0.30f, 0.46f, 0.30f, 0.07f);
            pen.fillRect(-0.46f, -0.16f, 0.46f, -0.04f);
            pen.fillRect(-0.34f, 0.06f, -0.10f, 0.20f, 0.02f);
            break;
        case Icon::Speaker:
            pen.fillRect(-0.42f, -0.14f, -0.22f, 0.14f, 0.02f);
            dl->AddTriangleFilled(pen.p(-0.26f, 0), pen.p(0.02f, -0.38f), pen.p(0.02f, 0.38f), col);
            for (float r : {0.20f, 0.36f}) {
                dl->PathArcTo(pen.p(0.06f, 0), r * size, -kPi * 0.28f, kPi * 0.28f, 16);
                dl->PathStroke(col, ImDrawFlags_None, pen.w * 0.8f);
            }
            break;
        case Icon::Phone:
            pen.rect(-0.24f, -0.44f, 0.24f, 0.44f, 0.08f);
            pen.line(-0.08f, -0.32f, 0.08f, -0.32f);
            pen.disc(0, 0.32f, 0.05f);
            break;
        case Icon::Scan:
            for (float sx : {-1.0f, 1.0f})
                for (float sy : {-1.0f, 1.0f})
                    pen.poly({{sx * 0.44f, sy * 0.22f}, {sx * 0.44f, sy * 0.44f}, {sx * 0.22f, sy * 0.44f}});
            pen.fillRect(-0.24f, -0.24f, -0.04f, -0.04f);
            pen.fillRect(0.04f, -0.24f, 0.24f, -0.04f);
            pen.fillRect(-0.24f, 0.04f, -0.04f, 0.24f);
            pen.fillRect(0.10f, 0.10f, 0.20f, 0.20f);
            break;
        case Icon::Person:
            pen.disc(0, -0.18f, 0.17f);
            dl->PathArcTo(pen.p(0, 0.44f), 0.34f * size, kPi, 2 * kPi, 32);
            dl->PathFillConvex(col);
            break;
        case Icon::Cross: {
            const Pen thick{dl, c, size, col, std::max(3.0f, size * 0.12f)};
            thick.poly({{-0.30f, -0.30f}, {0.30f, 0.30f}});
            thick.poly({{0.30f, -0.30f}, {-0.30f, 0.30f}});
            break;
        }
        case Icon::Info:
            pen.disc(0, -0.30f, 0.09f);
            pen.fillRect(-0.07f, -0.12f, 0.07f, 0.40f, 0.05f);
            break;
        case Icon::TextSize:
            // A small A and a large A.
            pen.poly({{-0.46f, 0.36f}, {-0.28f, -0.06f}, {-0.10f, 0.36f}});
            pen.line(-0.39f, 0.20f, -0.17f, 0.20f);
            pen.poly({{-0.02f, 0.40f}, {0.22f, -0.40f}, {0.46f, 0.40f}});
            pen.line(0.07f, 0.14f, 0.37f, 0.14f);
            break;
        case Icon::Minus: pen.fillRect(-0.40f, -0.07f, 0.40f, 0.07f, 0.05f); break;
        case Icon::Plus:
            pen.fillRect(-0.40f, -0.07f, 0.40f, 0.07f, 0.05f);
            pen.fillRect(-0.07f, -0.40f, 0.07f, 0.40f, 0.05f);
            break;
        case Icon::Announce:
            dl->AddQuadFilled(pen.p(-0.20f, -0.14f), pen.p(0.34f, -0.40f), pen.p(0.34f, 0.40f), pen.p(-0.20f, 0.14f), col);
            pen.fillRect(-0.44f, -0.14f, -0.18f, 0.14f, 0.03f);
            pen.line(-0.30f, 0.14f, -0.22f, 0.42f);
            break;
        case Icon::More: pen.poly({{-0.14f, -0.34f}, {0.20f, 0}, {-0.14f, 0.34f}}); break;
    }
}

}  // namespace shell
