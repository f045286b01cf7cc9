#include "shell/platform/draw_runs.h"

namespace shell {

void splitSolidRuns(const ImDrawVert* vtx, const ImDrawIdx* idx, unsigned count, ImVec2 white,
                    std::vector<DrawRun>& out) {
    out.clear();
    auto atWhite = [&](ImDrawIdx i) { return vtx[i].uv.x == white.x && vtx[i].uv.y == white.y; };
    for (unsigned t = 0; t + 3 <= count; t += 3) {
        const bool solid = atWhite(idx[t]) && atWhite(idx[t + 1]) && atWhite(idx[t + 2]);
        if (!out.empty() && out.back().solid == solid && out.back().first + out.back().count == t)
            out.back().count += 3;
        else
            out.push_back(DrawRun{t, 3, solid});
    }
}

}  // namespace shell
