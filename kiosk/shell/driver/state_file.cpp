#include "shell/driver/state_file.h"

#include <cmath>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

namespace shell {

std::string stateJson(const KioskState& s) {
    using nlohmann::json;
    auto ms = [](double v) { return std::round(v * 10) / 10; };
    auto spread = [&](const KioskState::Spread& d) {
        return json{{"count", d.count}, {"p50", ms(d.p50)}, {"p95", ms(d.p95)}, {"p99", ms(d.p99)}, {"max", ms(d.max)}};
    };
    json j = {
        {"screen", s.screen},
        {"member_id", s.memberId ? json(*s.memberId) : json(nullptr)},
        {"text_size", s.textSize},
        {"lang", s.lang},
        {"idle_overlay", s.idleOverlay},
        {"idle_expiries", s.idleExpiries},
        {"card_swipes", s.cardSwipes},
        {"sounds", s.sounds},
        {"last_result", s.lastResult ? json{{"kind", s.lastResult->kind},
                                            {"title", s.lastResult->title},
                                            {"detail", s.lastResult->detail},
                                            {"visible", s.lastResult->visible}}
                                     : json(nullptr)},
        {"reads", s.reads},
        {"read_voices", s.readVoices},
        {"speech_available", s.speechAvailable},
        {"frames", s.frames},
        {"atlas", {{"width", s.atlas.width},
                   {"height", s.atlas.height},
                   {"glyphs", s.atlas.glyphs},
                   {"builds", s.atlas.builds},
                   {"evicted", s.atlas.evicted}}},
        {"layout_violations", s.layoutViolations},
        {"memory_kb", [&] {
             json m = json::object();
             for (const auto& [label, kb] : s.memoryKb) m[label] = kb;
             return m;
         }()},
        {"frame_ms_max", ms(s.frameMsMax)},
        {"frame_ms", spread(s.frameMs)},
        {"swap_ms", spread(s.swapMs)},
        {"atlas_rebuild_ms_max", ms(s.atlasRebuildMsMax)},
    };
    return j.dump(2) + "\n";
}

bool writeStateFile(const std::string& path, const KioskState& s) {
    std::ofstream out(path);
    out << stateJson(s);
    if (!out) {
        std::fprintf(stderr, "kiosk: cannot write the state file %s\n", path.c_str());
        return false;
    }
    return true;
}

}  // namespace shell
