// fonts.h — the font atlas, built from the glyphs actually shown.
//
// Two sizes only (body and title, from the theme), Noto Sans CJK SC found
// through fontconfig (regular for body, bold for titles) or a configured file.
// The glyph set is ASCII + every character of the string table + text handed
// in with addText() (station name, member names, menus after a sync) + any
// text the UI draws (ui.cpp notes it). New characters mark the atlas dirty;
// the shell rebuilds it between frames and re-uploads the texture.
//
// Cost (this machine, FreeType, ~340 glyphs at 44 + 64 px): ~32 ms, 1024x1024.
// The full common-Chinese range would be 4096x8192 and 0.6 s: never do that.
// The font files are mmapped and shared by both sizes (FreeType reads only
// the tables and glyphs it needs), not read into memory twice.
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>

struct ImFont;
struct ImFontAtlas;

namespace shell {

struct FontFace {
    std::string path;
    int index = 0;  // face in a .ttc collection (fontconfig's FC_INDEX)
};

struct CjkFaces {
    FontFace regular, bold;  // bold falls back to regular
    bool coversCjk = false;  // false: the match cannot draw Chinese (fonts-noto-cjk missing)
};
// Noto Sans CJK SC (regular and bold) through fontconfig, in one config load
// (~4 ms); falls back to whatever fontconfig matches for zh-cn. Empty paths if
// fontconfig finds nothing.
CjkFaces findCjkFaces();
// A configured font file. For a .ttc collection without ":INDEX" the face is
// chosen through fontconfig: the one for Simplified Chinese (SC / zh-cn), else 0.
// Accepts "PATH" or "PATH:INDEX".
FontFace faceForFile(const std::string& spec);

class Fonts {
public:
    struct Stats {
        int width = 0, height = 0;  // atlas texture
        double buildMs = 0;         // last build
        int glyphs = 0;             // distinct characters in the set
        int builds = 0;
    };

    Fonts();
    ~Fonts();
    Fonts(const Fonts&) = delete;
    Fonts& operator=(const Fonts&) = delete;

    // Maps the font files. Throws std::runtime_error if one cannot be opened.
    void setFaces(const FontFace& body, const FontFace& title);
    // Adds the characters of `utf8` to the glyph set. Returns true (and marks
    // the atlas dirty) if any was new. Cheap enough to call on every drawn string.
    bool addText(std::string_view utf8);
    bool dirty() const { return dirty_; }

    // (Re)builds the atlas for these em sizes (the size of a Chinese character,
    // as the theme and DESIGN.md count "44 px"): CPU only, the caller owns the GL
    // texture. No ImGui context is needed, so it may run on a worker thread
    // before the context exists. Throws std::runtime_error if FreeType fails.
    void build(float bodyPx, float titlePx);
    bool needsBuild(float bodyPx, float titlePx) const {
        return dirty_ || bodyPx != bodyPx_ || titlePx != titlePx_;
    }

    ImFontAtlas* atlas() const { return atlas_; }
    // ImGui fonts: FontSize is the line height (about 1.45 em for Noto CJK).
    ImFont* body() const { return body_; }
    ImFont* title() const { return title_; }
    const Stats& stats() const { return stats_; }
    const FontFace& bodyFace() const { return bodyFace_; }

private:
    struct Mapping {
        void* data = nullptr;
        std::size_t size = 0;
    };
    static Mapping mapFile(const std::string& path);
    static void unmap(Mapping& m);

    ImFontAtlas* atlas_ = nullptr;
    ImFont* body_ = nullptr;
    ImFont* title_ = nullptr;
    FontFace bodyFace_, titleFace_;
    Mapping bodyMap_, titleMap_;
    float bodyRatio_ = 1, titleRatio_ = 1;  // ImGui size per em (the face's full height in em)
    std::bitset<0x10000> glyphs_;  // BMP only: ImWchar is 16-bit in Debian's build
    bool dirty_ = true;
    float bodyPx_ = 0, titlePx_ = 0;
    Stats stats_;
};

}  // namespace shell
