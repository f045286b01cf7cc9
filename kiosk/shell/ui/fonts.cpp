#include "shell/ui/fonts.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui.h>

#include "shell/ui/utf8.h"

namespace shell {

namespace {

FontFace matchFace(FcConfig* config, bool bold, bool* coversCjk) {
    FontFace face;
    FcPattern* pat = FcNameParse(reinterpret_cast<const FcChar8*>("Noto Sans CJK SC"));
    FcPatternAddString(pat, FC_LANG, reinterpret_cast<const FcChar8*>("zh-cn"));
    FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcConfigSubstitute(config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(config, pat, &result)) {
        FcChar8* file = nullptr;
        int index = 0;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
            face.path = reinterpret_cast<const char*>(file);
            if (FcPatternGetInteger(match, FC_INDEX, 0, &index) == FcResultMatch) face.index = index;
        }
        FcCharSet* cs = nullptr;
        if (coversCjk && FcPatternGetCharSet(match, FC_CHARSET, 0, &cs) == FcResultMatch)
            *coversCjk = FcCharSetHasChar(cs, 0x4E2D) && FcCharSetHasChar(cs, 0x9890);  // 中, 颐
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    return face;
}

}  // namespace

CjkFaces findCjkFaces() {
    CjkFaces faces;
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return faces;
    faces.regular = matchFace(config, false, &faces.coversCjk);
    faces.bold = matchFace(config, true, nullptr);
    if (faces.bold.path.empty()) faces.bold = faces.regular;
    // Fontconfig's caches are a few MB: drop them, the kiosk asks once.
    FcConfigDestroy(config);
    return faces;
}

FontFace faceForFile(const std::string& spec) {
    FontFace face{spec, 0};
    if (auto colon = spec.rfind(':'); colon != std::string::npos && colon + 1 < spec.size() &&
                                      spec.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
        face.path = spec.substr(0, colon);
        face.index = std::stoi(spec.substr(colon + 1));
        return face;
    }
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return face;
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FILE, reinterpret_cast<const FcChar8*>(face.path.c_str()));
    FcObjectSet* os = FcObjectSetBuild(FC_INDEX, FC_FAMILY, FC_LANG, nullptr);
    FcFontSet* set = FcFontList(config, pat, os);
    for (int i = 0; set && i < set->nfont; ++i) {
        FcPattern* p = set->fonts[i];
        int index = 0;
        FcChar8* family = nullptr;
        FcLangSet* langs = nullptr;
        FcPatternGetInteger(p, FC_INDEX, 0, &index);
        bool sc = FcPatternGetString(p, FC_FAMILY, 0, &family) == FcResultMatch &&
                  std::string(reinterpret_cast<const char*>(family)).ends_with(" SC");
        if (!sc && FcPatternGetLangSet(p, FC_LANG, 0, &langs) == FcResultMatch)
            sc = FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>("zh-cn")) == FcLangEqual &&
                 FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>("ja")) != FcLangEqual;
        if (sc) {
            face.index = index;
            break;
        }
    }
    if (set) FcFontSetDestroy(set);
    FcObjectSetDestroy(os);
    FcPatternDestroy(pat);
    FcConfigDestroy(config);
    return face;
}

// Index
//   [faces]     a font file read by FreeType (pread, not mapped), at one size
//   [page]      shelves of one height per size; free room; least recently used
//   [glyphs]    rasterize into the page, hand the glyph to ImGui's font

namespace {

constexpr int kPad = 1;                 // between glyphs: no bleeding when sampled
constexpr char32_t kBlank = 0x3000;     // drawn for a glyph that found no room: a full-width space
constexpr std::uint64_t kKeepFrames = 2;  // glyphs drawn this recently are never evicted
constexpr int kWhite = 4;               // the white block in the page's corner

long ceil26(FT_Pos v) { return long((v + 63) >> 6); }

// A font file as FreeType reads it: with pread, through a small window.
// FreeType asks for a CJK face's header, character map and glyph outlines a
// few bytes at a time (about 2,000 reads to open the two faces); the window
// turns neighbouring reads into one system call.
struct FontFile {
    static constexpr unsigned long kWindow = 16 * 1024;
    int fd = -1;
    unsigned long start = 0, len = 0;  // the window's place in the file
    unsigned char window[kWindow];
    FontFile() = default;
    FontFile(const FontFile&) = delete;
    FontFile& operator=(const FontFile&) = delete;
    ~FontFile() {
        if (fd >= 0) ::close(fd);
    }
};

// A glyph in the page, of one size.
struct PageGlyph {
    int x = 0, y = 0, w = 0, h = 0;  // in the page (w, h 0: nothing to draw)
    float x0 = 0, y0 = 0, advance = 0;
    std::uint64_t lastUse = 0;
};

// Hands a glyph to ImGui's font, at its place in a page `rows` tall.
void addGlyph(ImFont& font, char32_t cp, const PageGlyph& g, int rows) {
    const float su = 1.0f / float(Fonts::kPageSide), sv = 1.0f / float(rows);
    font.AddGlyph(nullptr, ImWchar(cp), g.x0, g.y0, g.x0 + float(g.w), g.y0 + float(g.h), float(g.x) * su,
                  float(g.y) * sv, float(g.x + g.w) * su, float(g.y + g.h) * sv, g.advance);
}

}  // namespace

// ---------------------------------------------------------------- [faces]

struct Fonts::Face {
    FontFile file;
    FT_StreamRec stream{};  // read through `file` (readFont)
    FT_Library lib = nullptr;
    FT_Face face = nullptr;
    float ratio = 1;     // the face's full height per em: ImGui sizes fonts by it
    float px = 0;        // em size
    float ascent = 0, descent = 0;
    int shelfH = 0;      // the height of this size's shelves
    std::unique_ptr<ImFont> font;
    using Glyph = PageGlyph;
    std::unordered_map<char32_t, Glyph> glyphs;
    bool tableDirty = false;          // ImFont's glyph list is made again (publish)
    std::vector<char32_t> added;      // placed since: appended to it (publishAdded)

    ~Face() {
        if (face) FT_Done_Face(face);
        if (lib) FT_Done_FreeType(lib);
    }
};

namespace {

// FreeType reads the file through this, a few bytes at a time: a CJK face is
// 16-19 MB, of which a screen needs a header, the character map and some
// glyphs' outlines. Mapped, FreeType's parsing left 8 MB of each face
// resident; read, what it keeps is what it uses.
unsigned long readFont(FT_Stream stream, unsigned long offset, unsigned char* buffer, unsigned long count) {
    if (count == 0) return offset > stream->size ? 1 : 0;  // a seek: 0 is success
    FontFile& f = *static_cast<FontFile*>(stream->descriptor.pointer);
    if (count >= FontFile::kWindow) {
        const ssize_t n = ::pread(f.fd, buffer, count, off_t(offset));
        return n < 0 ? 0 : static_cast<unsigned long>(n);
    }
    if (offset < f.start || offset + count > f.start + f.len) {
        const ssize_t n = ::pread(f.fd, f.window, FontFile::kWindow, off_t(offset));
        f.start = offset;
        f.len = n < 0 ? 0 : static_cast<unsigned long>(n);
    }
    const unsigned long have = std::min(count, f.start + f.len - std::min(offset, f.start + f.len));
    std::memcpy(buffer, f.window + (offset - f.start), have);
    return have;
}

}  // namespace

Fonts::Fonts() : container_(std::make_unique<ImFontAtlas>()) { setRows(kPageStartRows); }

void Fonts::reserveAll() {
    if (pageRows_ < kPageSide) setRows(kPageSide);
}

void Fonts::setRows(int rows) {
    pageRows_ = rows;
    grown_ = true;
    container_->TexWidth = kPageSide;
    container_->TexHeight = rows;
    container_->TexUvScale = ImVec2(1.0f / float(kPageSide), 1.0f / float(rows));
    const auto [u, v] = whiteUv();
    container_->TexUvWhitePixel = ImVec2(u, v);
    stats_.width = kPageSide;
    stats_.height = rows;
    // The texture is made anew at this size: what the page holds goes up again.
    rasterizeAgain();
    // Every glyph's texture coordinates change with the page's height.
    for (int i = 0; i < 2; ++i)
        if (faces_[i] && faces_[i]->font) publish(i);
}

Fonts::~Fonts() = default;

void Fonts::setFaces(const FontFace& body, const FontFace& title) {
    std::unique_ptr<Face> made[2];
    const FontFace* specs[2] = {&body, &title};
    for (int i = 0; i < 2; ++i) {
        auto f = std::make_unique<Face>();
        const std::string& path = specs[i]->path;
        f->file.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (f->file.fd < 0) throw std::runtime_error("cannot open font file " + path);
        struct stat st {};
        if (::fstat(f->file.fd, &st) != 0 || st.st_size <= 0) throw std::runtime_error("cannot read font file " + path);
        f->stream.size = static_cast<unsigned long>(st.st_size);
        f->stream.descriptor.pointer = &f->file;
        f->stream.read = readFont;
        if (FT_Init_FreeType(&f->lib) != 0) throw std::runtime_error("FreeType failed to start");
        FT_Open_Args args{};
        args.flags = FT_OPEN_STREAM;
        args.stream = &f->stream;
        if (FT_Open_Face(f->lib, &args, specs[i]->index, &f->face) != 0)
            throw std::runtime_error("FreeType cannot read " + specs[i]->path + " (face " + std::to_string(specs[i]->index) + ")");
        // ImGui sizes a font by its full height (ascender minus descender),
        // not by its em: Noto Sans CJK is 1.448 em tall.
        if (f->face->units_per_EM > 0 && f->face->ascender - f->face->descender > 0)
            f->ratio = float(f->face->ascender - f->face->descender) / float(f->face->units_per_EM);
        made[i] = std::move(f);
    }
    faces_[0] = std::move(made[0]);
    faces_[1] = std::move(made[1]);
    bodyFace_ = body;
    titleFace_ = title;
    bodyPx_ = titlePx_ = 0;
}

void Fonts::setSizes(float bodyPx, float titlePx) {
    if (!faces_[0]) throw std::runtime_error("no font file set");
    if (hasSizes(bodyPx, titlePx)) return;
    auto t0 = std::chrono::steady_clock::now();
    const float px[2] = {bodyPx, titlePx};
    for (int i = 0; i < 2; ++i) {
        Face& f = *faces_[i];
        f.px = px[i];
        FT_Size_RequestRec req{};
        req.type = FT_SIZE_REQUEST_TYPE_REAL_DIM;
        req.height = FT_Long(std::lround(px[i] * f.ratio * 64));
        if (FT_Request_Size(f.face, &req) != 0) throw std::runtime_error("FreeType cannot size the font");
        const FT_Size_Metrics& sm = f.face->size->metrics;
        f.ascent = float(ceil26(sm.ascender));
        f.descent = float(ceil26(sm.descender));
        f.shelfH = int(f.ascent - f.descent) + 2 * kPad;
        f.glyphs.clear();
        f.font = std::make_unique<ImFont>();
        f.font->FontSize = px[i] * f.ratio;
        f.font->Ascent = f.ascent;
        f.font->Descent = f.descent;
        f.font->ContainerAtlas = container_.get();
        f.font->FallbackChar = ImWchar(kBlank);
        f.font->EllipsisChar = ImWchar(0x2026);
        f.tableDirty = true;
    }
    body_ = faces_[0]->font.get();
    title_ = faces_[1]->font.get();
    bodyPx_ = bodyPx;
    titlePx_ = titlePx;
    clearPage();
    // The full-width space stands for any glyph that found no room, so a line
    // keeps its width; ensure() adds it before anything else.
    // 中 too: text is centred on its ink (ui.cpp). And the space: ImGui's
    // lookup table marks the space (or, without one, the fallback) invisible.
    for (int i = 0; i < 2; ++i) {
        place(i, kBlank, false);
        place(i, U' ', false);
        place(i, U'中', false);
    }
    for (int i = 0; i < 2; ++i) publish(i);
    ++stats_.builds;
    stats_.buildMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// ---------------------------------------------------------------- [page]

struct Fonts::Shelf {
    int role = 0;
    int y = 0, h = 0;
    int x = 0;                                 // the end of what was ever placed
    std::vector<std::pair<int, int>> free;     // (x, w) gaps left by evicted glyphs
    int used = 0;                              // glyphs on it
};

void Fonts::clearPage() {
    // The page keeps its rows (and the texture its size): a glyph's
    // rectangle goes up with its padding, so nothing left in the texture
    // from before is ever sampled.
    uploads_.clear();
    uploadWhite();
    shelves_.clear();
    nextShelfY_ = kWhite;
    stats_.glyphs = 0;
}

// A white block in the corner: ImGui fills its shapes from a white texel, so
// shapes and text share the page and a frame needs one texture.
void Fonts::uploadWhite() {
    uploads_.push_back(Upload{0, 0, kWhite, kWhite, std::vector<std::uint8_t>(kWhite * kWhite, 255)});
}

// A glyph's bitmap at (x, y) in the page, with the padding after it and the
// rows around it zeroed: filtering samples them at the glyph's edges, and the
// texture may hold an evicted glyph's ink there (or, new, anything).
void Fonts::uploadGlyph(const std::uint8_t* bitmap, int pitch, int w, int h, int x, int y) {
    Upload u;
    u.x = x;
    u.y = y - kPad;
    u.w = std::min(w + kPad, kPageSide - x);
    u.h = std::min(h + 2 * kPad, pageRows_ - u.y);
    u.pixels.assign(std::size_t(u.w) * std::size_t(u.h), 0);
    for (int row = 0; row < h && row + kPad < u.h; ++row)
        std::copy_n(bitmap + std::ptrdiff_t(row) * pitch, std::min(w, u.w),
                    u.pixels.data() + std::size_t(row + kPad) * std::size_t(u.w));
    uploads_.push_back(std::move(u));
}

// Loads and renders `cp` at `role`'s size into the face's glyph slot, as
// ImGui's FreeType builder does (light hinting, no embedded bitmaps), so text
// measures and looks as it always did.
bool Fonts::render(int role, char32_t cp) {
    FT_Face face = faces_[role]->face;
    return FT_Load_Char(face, FT_ULong(cp), FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_LIGHT) == 0 &&
           FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) == 0;
}

// A new texture (the page grew): the white block and every glyph the page
// holds, rasterized again (there is no copy of the page in memory). Growth
// comes at most twice, in the first seconds (reserveAll()).
void Fonts::rasterizeAgain() {
    uploads_.clear();
    uploadWhite();
    for (int i = 0; i < 2; ++i) {
        if (!faces_[i] || !faces_[i]->font) continue;
        for (const auto& [cp, g] : faces_[i]->glyphs) {
            if (g.w == 0 || g.h == 0) continue;
            if (render(i, cp)) {
                const FT_Bitmap& bm = faces_[i]->face->glyph->bitmap;
                uploadGlyph(bm.buffer, bm.pitch, std::min(g.w, int(bm.width)), std::min(g.h, int(bm.rows)), g.x, g.y);
            } else {
                const std::vector<std::uint8_t> blank(std::size_t(g.w) * std::size_t(g.h), 0);
                uploadGlyph(blank.data(), g.w, g.w, g.h, g.x, g.y);
            }
        }
    }
}

// Drops the least recently used glyph of `role` not drawn in the last frames.
void Fonts::evictOne(int role) {
    Face& f = *faces_[role];
    auto oldest = f.glyphs.end();
    for (auto it = f.glyphs.begin(); it != f.glyphs.end(); ++it) {
        if (it->first == kBlank || it->first == U' ' || it->second.w == 0) continue;
        if (it->second.lastUse + kKeepFrames > frame_) continue;
        if (oldest == f.glyphs.end() || it->second.lastUse < oldest->second.lastUse) oldest = it;
    }
    if (oldest == f.glyphs.end()) return;
    const Face::Glyph g = oldest->second;
    f.glyphs.erase(oldest);
    f.tableDirty = true;
    ++stats_.evicted;
    --stats_.glyphs;
    for (Shelf& s : shelves_) {
        if (s.role != role || g.y < s.y || g.y >= s.y + s.h) continue;
        s.free.emplace_back(g.x, g.w + kPad);
        --s.used;
        // An empty shelf goes back to the page: either size may take its rows.
        if (s.used == 0) s.h = -s.h;
        break;
    }
}

bool Fonts::allocate(int role, int w, int h, int& x, int& y, bool mayEvict) {
    const int need = w + kPad;
    const int shelfH = faces_[role]->shelfH;
    for (int attempt = 0; attempt < 4096; ++attempt) {
        // A gap in a shelf of this size, or room at a shelf's end.
        for (Shelf& s : shelves_) {
            if (s.h != shelfH || s.role != role || h > s.h) continue;
            for (auto it = s.free.begin(); it != s.free.end(); ++it) {
                if (it->second < need) continue;
                x = it->first;
                y = s.y + kPad;
                if (it->second == need) s.free.erase(it);
                else *it = {it->first + need, it->second - need};
                ++s.used;
                return true;
            }
            if (s.x + need <= kPageSide) {
                x = s.x;
                y = s.y + kPad;
                s.x += need;
                ++s.used;
                return true;
            }
        }
        // An emptied shelf tall enough, taken over by this size.
        bool reused = false;
        for (Shelf& s : shelves_) {
            if (s.h >= 0 || -s.h < shelfH) continue;
            s = Shelf{role, s.y, shelfH, 0, {}, 0};  // a shorter size leaves the rest of its rows unused
            reused = true;
            break;
        }
        if (reused) continue;
        // A new shelf.
        if (nextShelfY_ + shelfH <= pageRows_) {
            shelves_.push_back(Shelf{role, nextShelfY_, shelfH, 0, {}, 0});
            nextShelfY_ += shelfH;
            continue;
        }
        // Room for more rows: the page grows before anything is evicted.
        if (pageRows_ < kPageSide) {
            setRows(std::min(kPageSide, pageRows_ * 2));
            continue;
        }
        if (!mayEvict) return false;  // rasterizing ahead (warm) never evicts
        {
            // Full: the least recently used glyph of this size goes; when this
            // size has none to give, the other size's (its empty shelves come back).
            const long before = stats_.evicted;
            evictOne(role);
            if (stats_.evicted == before) evictOne(1 - role);
            if (stats_.evicted == before) return false;  // everything was drawn just now
        }
    }
    return false;
}

// ---------------------------------------------------------------- [glyphs]

bool Fonts::place(int role, char32_t cp, bool mayEvict) {
    const auto t0 = std::chrono::steady_clock::now();
    struct Clock {
        std::chrono::steady_clock::time_point t0;
        double& into;
        ~Clock() { into += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(); }
    } clock{t0, workMs_};
    Face& f = *faces_[role];
    Face::Glyph g;
    g.lastUse = frame_;
    if (cp == kBlank) {
        g.advance = f.px;
        f.glyphs[cp] = g;
        f.added.push_back(cp);
        return true;
    }
    if (!render(role, cp)) return false;
    FT_GlyphSlot slot = f.face->glyph;
    const FT_Bitmap& bm = slot->bitmap;
    g.w = int(bm.width);
    g.h = int(bm.rows);
    g.advance = float(ceil26(slot->advance.x));
    g.x0 = float(slot->bitmap_left);
    g.y0 = float(-slot->bitmap_top) + std::round(f.ascent);
    if (g.w > 0 && g.h > 0) {
        // Its padding rows stay inside its shelf: they are uploaded with it.
        if (g.w + kPad > kPageSide || g.h + 2 * kPad > f.shelfH) return false;
        const int rows = pageRows_;
        if (!allocate(role, g.w, g.h, g.x, g.y, mayEvict)) return false;
        // A growth in allocate() rasterized the page again through the same slot.
        if (pageRows_ != rows && !render(role, cp)) return false;
        uploadGlyph(bm.buffer, bm.pitch, g.w, g.h, g.x, g.y);
    }
    f.glyphs[cp] = g;
    f.added.push_back(cp);
    ++stats_.glyphs;
    ++stats_.added;
    return true;
}

// The glyph list of a size's ImFont again from the glyphs kept (after
// evictions, a new size or the page's growth): ~700 AddGlyph and the lookup
// table, about 0.2 ms. The table then spans the whole of ImWchar's range, so
// glyphs placed later are only appended (publishAdded).
void Fonts::publish(int role) {
    Face& f = *faces_[role];
    ImFont& font = *f.font;
    font.Glyphs.clear();
    font.FallbackGlyph = nullptr;  // it pointed into the list just cleared
    font.MetricsTotalSurface = 0;
    for (const auto& [cp, g] : f.glyphs) {
        if (cp > 0xFFFF) continue;  // ImWchar is 16-bit in Debian's build
        addGlyph(font, cp, g, pageRows_);
    }
    font.BuildLookupTable();
    const int had = font.IndexAdvanceX.Size;
    font.GrowIndex(0x10000);
    for (int c = had; c < 0x10000; ++c) font.IndexAdvanceX[c] = font.FallbackAdvanceX;
    f.tableDirty = false;
    f.added.clear();
}

// Glyphs placed since the last publish, appended to the ImFont's list and set
// in its lookup table. BuildLookupTable makes the table anew (64k entries): on
// the first screen, where a hundred texts each bring a new glyph or two, that
// was 7 ms of the first frame.
void Fonts::publishAdded(int role) {
    Face& f = *faces_[role];
    ImFont& font = *f.font;
    for (char32_t cp : f.added) {
        const auto it = f.glyphs.find(cp);
        if (cp > 0xFFFF || it == f.glyphs.end()) continue;
        const Face::Glyph& g = it->second;
        addGlyph(font, cp, g, pageRows_);
        font.IndexLookup[int(cp)] = ImWchar(font.Glyphs.Size - 1);
        font.IndexAdvanceX[int(cp)] = g.advance;
        const int page = int(cp) / 4096;
        font.Used4kPagesMap[page >> 3] |= std::uint8_t(1 << (page & 7));
    }
    // The list may have moved: the fallback glyph is looked up again.
    font.FallbackGlyph = font.FindGlyphNoFallback(font.FallbackChar);
    font.DirtyLookupTables = false;
    f.added.clear();
}

void Fonts::refresh(int role) {
    if (!faces_[role] || !faces_[role]->font) return;
    if (faces_[role]->tableDirty) publish(role);
    else if (!faces_[role]->added.empty()) publishAdded(role);
}

void Fonts::ensure(FontRole role, std::string_view text) {
    const int r = role == FontRole::Title ? 1 : 0;
    if (!faces_[r] || !faces_[r]->font) return;
    Face& f = *faces_[r];
    for (char32_t cp : decodeUtf8(text)) {
        if (cp == U'\n') continue;
        if (auto it = f.glyphs.find(cp); it != f.glyphs.end()) {
            it->second.lastUse = frame_;
            continue;
        }
        if (!place(r, cp, true)) ++stats_.missing;
    }
    for (int i = 0; i < 2; ++i) refresh(i);
}

int Fonts::warm(FontRole role, std::string_view text, int budget) {
    const int r = role == FontRole::Title ? 1 : 0;
    int added = 0;
    if (faces_[r] && faces_[r]->font) {
        Face& f = *faces_[r];
        for (char32_t cp : decodeUtf8(text)) {
            if (added >= budget) break;
            if (cp == U'\n' || f.glyphs.count(cp)) continue;
            if (!place(r, cp, false)) break;  // no free room: warming never evicts
            ++added;
        }
    }
    for (int i = 0; i < 2; ++i) refresh(i);
    return added;
}

}  // namespace shell
