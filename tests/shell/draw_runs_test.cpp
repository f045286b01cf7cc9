// The renderer's split of a draw command into solid and textured runs
// (shell/platform/draw_runs.h).
#include <gtest/gtest.h>

#include "shell/platform/draw_runs.h"

namespace {

ImDrawVert at(float u, float v) {
    ImDrawVert d{};
    d.uv = ImVec2(u, v);
    return d;
}

TEST(DrawRuns, SolidAndTexturedTrianglesGoInRunsInOrder) {
    const ImVec2 white(0.001f, 0.002f);
    // 0-3: a rectangle at the white texel; 4-7: a glyph; 8: one corner white.
    const ImDrawVert vtx[] = {at(white.x, white.y), at(white.x, white.y), at(white.x, white.y), at(white.x, white.y),
                              at(0.5f, 0.5f),       at(0.6f, 0.5f),       at(0.6f, 0.6f),       at(0.5f, 0.6f),
                              at(white.x, 0.5f)};
    // rect, rect, glyph, glyph, rect, a triangle with one textured corner, rect.
    const ImDrawIdx idx[] = {0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7, 0, 1, 2, 0, 1, 8, 1, 2, 3};
    std::vector<shell::DrawRun> runs{{99, 99, true}};  // replaced, not appended to
    shell::splitSolidRuns(vtx, idx, 21, white, runs);
    ASSERT_EQ(runs.size(), 5u);
    const shell::DrawRun want[] = {{0, 6, true}, {6, 6, false}, {12, 3, true}, {15, 3, false}, {18, 3, true}};
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(runs[i].first, want[i].first) << i;
        EXPECT_EQ(runs[i].count, want[i].count) << i;
        EXPECT_EQ(runs[i].solid, want[i].solid) << i;
    }
    shell::splitSolidRuns(vtx, idx, 0, white, runs);
    EXPECT_TRUE(runs.empty());
}

}  // namespace
