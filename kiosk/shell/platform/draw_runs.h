// draw_runs.h — a draw command's triangles in runs: solid ones (every corner
// at the page's white texel: rectangles, rounded cards, lines) and textured
// ones (glyphs). On a software GL a solid fill drawn without its texture costs
// a quarter of the same fill sampled from the white texel (bench_floor
// --frames: a full-screen quad 2.6 ms against 9.5 ms), and the screens are
// mostly fills. The picture is the same: the white texel samples as 1.
#pragma once

#include <vector>

#include <imgui.h>

namespace shell {

struct DrawRun {
    unsigned first = 0;  // the index of its first index, from the command's start
    unsigned count = 0;  // indices: three a triangle
    bool solid = false;
};

// Sets `out` to the runs of idx[0, count) (whole triangles) in order, each
// as long as it can be. Vertices are looked up in vtx.
void splitSolidRuns(const ImDrawVert* vtx, const ImDrawIdx* idx, unsigned count, ImVec2 white,
                    std::vector<DrawRun>& out);

}  // namespace shell
