// fonts.h — the font atlas as a glyph cache: glyphs are rasterized when they
// are first needed, kept while they are used, and the least recently used go
// first when the page is full.
//
// Two faces (Noto Sans CJK SC regular for body text, bold for titles, found
// through fontconfig, or a configured file) at two sizes from the theme. The
// glyphs of both live in one 8-bit page 2048 wide (kPageSide), packed in
// shelves of one height per size. The page starts kPageStartRows tall (the
// first screen needs about 100 glyphs) and doubles, up to 2048x2048, when a
// glyph finds no room, before anything is evicted, and to its most as soon as
// the kiosk is idle after start-up (reserveAll()): the texture's size and the
// glyphs' coordinates change, so a frame laid out across a growth is laid out
// again before it is shown (takeGrown()). A new text size keeps the rows. A string is made sure of
// (ensure()) before it is measured or drawn: the glyphs it lacks are
// rasterized with FreeType into free room (about 0.1-0.5 ms a CJK glyph) and
// only they go to the texture. Nothing is ever
// rebuilt on the frame that answers a card; a whole rebuild happens only when
// the text size changes.
//
// Room: at 特大 (62 and 90 px) the page holds about 700 body and 300 title
// glyphs; a day of real names (thousands of characters) cycles through it:
// what was not drawn in the last frames goes first (evicted()). The names the
// station expects are rasterized ahead, while the kiosk is idle (warm()).
//
// The page lives only in the GL texture (the platform's): Fonts hands out the
// rectangles that changed, each glyph with its padding (takeUploads()), and
// when the texture is made anew (the page grew) it rasterizes what the page
// holds again. A copy of the page in memory cost 4 MB.
// Fonts needs no ImGui context (the start-up worker opens the faces before
// the window exists).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shell/ui/layout.h"

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
    static constexpr int kPageSide = 2048;      // the page's width, and its most rows
    static constexpr int kPageStartRows = 512;  // its rows at first

    struct Stats {
        int width = 0, height = 0;  // the page: the atlas texture
        int glyphs = 0;             // in the page now (both sizes)
        int builds = 0;             // whole rebuilds (a text size)
        long added = 0;             // glyphs rasterized, ever
        long evicted = 0;           // glyphs dropped to make room, ever
        long missing = 0;           // glyphs that found no room (drawn blank)
        double buildMs = 0;         // the last whole rebuild (page cleared, sizes set)
    };

    Fonts();
    ~Fonts();
    Fonts(const Fonts&) = delete;
    Fonts& operator=(const Fonts&) = delete;

    // Maps the font files and opens them with FreeType. Throws
    // std::runtime_error if one cannot be opened or read.
    void setFaces(const FontFace& body, const FontFace& title);
    // The em sizes (the size of a Chinese character, as the theme and
    // DESIGN.md count "44 px"). A change clears the page: a whole rebuild.
    void setSizes(float bodyPx, float titlePx);
    bool hasSizes(float bodyPx, float titlePx) const { return bodyPx == bodyPx_ && titlePx == titlePx_; }

    // The frame being drawn (for "least recently used").
    void beginFrame(std::uint64_t frame) { frame_ = frame; }
    // Makes sure every glyph of `text` is in the page at `role`'s size.
    void ensure(FontRole role, std::string_view text);
    // Text from data about to be shown (names, menus): both sizes, now.
    void expect(std::string_view text) {
        ensure(FontRole::Body, text);
        ensure(FontRole::Title, text);
    }
    // Text the station expects to show (the string table; its regulars'
    // names), rasterized ahead (at start, while idle): only into free room (it
    // never evicts), at most `budget` glyphs. Returns how many it added.
    int warm(FontRole role, std::string_view text, int budget);
    // Time spent rasterizing since the last call (the frame's atlas work).
    double takeWorkMs() { return std::exchange(workMs_, 0.0); }

    // A rectangle of the page for the texture, its pixels row by row (w * h).
    struct Upload {
        int x = 0, y = 0, w = 0, h = 0;
        std::vector<std::uint8_t> pixels;
    };
    // What changed in the page since the last call, in order. After
    // takeGrown() these bring back everything the page holds: the new
    // texture's content is undefined until then.
    std::vector<Upload> takeUploads() { return std::exchange(uploads_, {}); }
    int pageRows() const { return pageRows_; }
    // The page at its most rows now (while idle, so that no frame that
    // answers an elder pays for a growth).
    void reserveAll();
    // The page grew since the last call (or its size was set): the texture
    // must be made pageRows() tall and every glyph laid out since drawn again.
    bool takeGrown() { return std::exchange(grown_, false); }

    ImFont* body() const { return body_; }
    ImFont* title() const { return title_; }
    // The atlas ImGui's fonts belong to: the page's texture id goes here.
    ImFontAtlas* container() const { return container_.get(); }
    // A texel of the page's white block, for ImGui's shapes: (u, v).
    std::pair<float, float> whiteUv() const { return {1.5f / float(kPageSide), 1.5f / float(pageRows_)}; }
    const Stats& stats() const { return stats_; }
    const FontFace& bodyFace() const { return bodyFace_; }

private:
    struct Face;
    struct Shelf;
    struct Slot;
    bool place(int role, char32_t cp, bool mayEvict);
    bool allocate(int role, int w, int h, int& x, int& y, bool mayEvict);
    void evictOne(int role);
    void publish(int role);
    void publishAdded(int role);
    void refresh(int role);
    void clearPage();
    void setRows(int rows);
    void uploadWhite();
    void uploadGlyph(const std::uint8_t* bitmap, int pitch, int w, int h, int x, int y);
    bool render(int role, char32_t cp);
    void rasterizeAgain();

    std::unique_ptr<Face> faces_[2];  // body, title
    FontFace bodyFace_, titleFace_;
    float bodyPx_ = 0, titlePx_ = 0;
    std::vector<Upload> uploads_;
    std::unique_ptr<ImFontAtlas> container_;
    ImFont* body_ = nullptr;
    ImFont* title_ = nullptr;
    std::vector<Shelf> shelves_;
    int nextShelfY_ = 0;
    int pageRows_ = kPageStartRows;
    bool grown_ = false;
    std::uint64_t frame_ = 0;
    double workMs_ = 0;
    Stats stats_;
};

}  // namespace shell
