#include "shell/ui/fonts.h"

#include <chrono>
#include <cmath>
#include <stdexcept>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui.h>
#include <imgui_freetype.h>

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

Fonts::Fonts() {
    for (char32_t c = 0x20; c < 0x7F; ++c) glyphs_.set(c);
    glyphs_.set(0x2026);  // … : ImGui's ellipsis for text cut to fit
    glyphs_.set(0xFFFD);  // shown for a character missing from the atlas
    glyphs_.set(0x4E2D);  // 中: ui.cpp centres text on its ink
}

Fonts::~Fonts() {
    if (atlas_) IM_DELETE(atlas_);
    unmap(bodyMap_);
    unmap(titleMap_);
}

Fonts::Mapping Fonts::mapFile(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error("cannot open font file " + path);
    struct stat st {};
    if (::fstat(fd, &st) != 0 || st.st_size <= 0) {
        ::close(fd);
        throw std::runtime_error("cannot read font file " + path);
    }
    void* data = ::mmap(nullptr, std::size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (data == MAP_FAILED) throw std::runtime_error("cannot map font file " + path);
    return {data, std::size_t(st.st_size)};
}

void Fonts::unmap(Mapping& m) {
    if (m.data) ::munmap(m.data, m.size);
    m = {};
}

namespace {

// ImGui's FreeType builder sizes a font by its full height (ascender minus
// descender, FT_SIZE_REQUEST_TYPE_REAL_DIM), not by its em. Noto Sans CJK is
// 1.448 em tall, so "44 px" handed to ImGui would draw 30 px characters. This
// is the factor from the em size the theme speaks in to ImGui's size.
float emToImGuiSize(const void* data, std::size_t size, int index) {
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) != 0) throw std::runtime_error("FreeType failed to start");
    FT_Face face = nullptr;
    float ratio = 1.0f;
    const bool opened = FT_New_Memory_Face(lib, static_cast<const FT_Byte*>(data), FT_Long(size), index, &face) == 0;
    if (opened) {
        if (face->units_per_EM > 0 && face->ascender - face->descender > 0)
            ratio = float(face->ascender - face->descender) / float(face->units_per_EM);
        FT_Done_Face(face);
    }
    FT_Done_FreeType(lib);
    if (!opened) throw std::runtime_error("FreeType cannot read the font (face " + std::to_string(index) + ")");
    return ratio;
}

}  // namespace

void Fonts::setFaces(const FontFace& body, const FontFace& title) {
    Mapping b = mapFile(body.path);
    Mapping t = title.path == body.path ? Mapping{} : mapFile(title.path);
    float bodyRatio = 1, titleRatio = 1;
    try {
        bodyRatio = emToImGuiSize(b.data, b.size, body.index);
        titleRatio = t.data ? emToImGuiSize(t.data, t.size, title.index) : emToImGuiSize(b.data, b.size, title.index);
    } catch (...) {
        unmap(b);
        unmap(t);
        throw;
    }
    unmap(bodyMap_);
    unmap(titleMap_);
    bodyMap_ = b;
    titleMap_ = t;
    bodyFace_ = body;
    titleFace_ = title;
    bodyRatio_ = bodyRatio;
    titleRatio_ = titleRatio;
    dirty_ = true;
}

bool Fonts::addText(std::string_view utf8) {
    bool added = false;
    // Fast path: pure ASCII is always in the set.
    bool ascii = true;
    for (char ch : utf8)
        if (static_cast<unsigned char>(ch) >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) return false;
    for (char32_t cp : decodeUtf8(utf8)) {
        if (cp >= 0x10000 || glyphs_.test(cp)) continue;
        glyphs_.set(cp);
        added = true;
    }
    if (added) dirty_ = true;
    return added;
}

void Fonts::build(float bodyPx, float titlePx) {
    if (!bodyMap_.data) throw std::runtime_error("no font file set");
    auto t0 = std::chrono::steady_clock::now();

    // Ranges from the set: one [first, last] pair per run of characters.
    static_assert(sizeof(ImWchar) == 2, "the glyph set is BMP-only");
    ImVector<ImWchar> ranges;
    for (std::size_t cp = 1; cp < glyphs_.size(); ++cp) {
        if (!glyphs_.test(cp)) continue;
        std::size_t end = cp;
        while (end + 1 < glyphs_.size() && glyphs_.test(end + 1)) ++end;
        ranges.push_back(ImWchar(cp));
        ranges.push_back(ImWchar(end));
        cp = end;
    }
    ranges.push_back(0);

    if (!atlas_) atlas_ = IM_NEW(ImFontAtlas)();
    atlas_->Clear();
    atlas_->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    // Light hinting snaps only vertically: crisp CJK strokes, natural spacing.
    atlas_->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    // No software cursor to draw; no rows padded up to a power of two (GL 3
    // and GLES 3 take any size): less to convert to RGBA and upload.
    atlas_->Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoPowerOfTwoHeight;

    const int count = int(glyphs_.count());
    // Pick the width so the texture comes out about square: packed glyph boxes
    // cover about 0.45 em² each (measured with Noto CJK; ASCII is narrower).
    // ImGui grows the height to fit.
    const float bodySize = bodyPx * bodyRatio_, titleSize = titlePx * titleRatio_;
    double area = double(count) * (double(bodyPx) * bodyPx + double(titlePx) * titlePx) * 0.45;
    int width = 512;
    while (width < 4096 && double(width) * width < area) width *= 2;
    atlas_->TexDesiredWidth = width;

    ImFontConfig cfg;
    cfg.OversampleH = 1;  // FreeType renders at the target size: no oversampling
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.GlyphRanges = ranges.Data;
    auto add = [&](const Mapping& m, int faceIndex, float size) {
        ImFontConfig c = cfg;
        c.FontData = m.data;
        c.FontDataSize = int(m.size);
        c.FontNo = faceIndex;
        c.SizePixels = size;
        // AddFont() copies font data it does not own: 19 MB per size for a CJK
        // collection (39 MB resident, and the copy's time). Claim ownership for
        // the call, then give it back so ImGui never frees our mapping.
        c.FontDataOwnedByAtlas = true;
        ImFont* f = atlas_->AddFont(&c);
        atlas_->ConfigData.back().FontDataOwnedByAtlas = false;
        return f;
    };
    body_ = add(bodyMap_, bodyFace_.index, bodySize);
    title_ = add(titleMap_.data ? titleMap_ : bodyMap_, titleFace_.index, titleSize);
    // AddFont copies the config but keeps the ranges pointer: keep them alive
    // until the build below has consumed them.
    bool ok = body_ && title_ && atlas_->Build();
    // After Build the glyphs are baked; ImGui does not read the ranges again.
    for (ImFontConfig& c : atlas_->ConfigData) c.GlyphRanges = nullptr;
    if (!ok) throw std::runtime_error("font atlas build failed for " + bodyFace_.path);

    // Nothing reads the font files again until the next build: hand back the
    // pages FreeType touched (the mapping stays; a rebuild faults them in
    // again from the page cache).
    for (Mapping* m : {&bodyMap_, &titleMap_})
        if (m->data) ::madvise(m->data, m->size, MADV_DONTNEED);

    bodyPx_ = bodyPx;
    titlePx_ = titlePx;
    dirty_ = false;
    stats_.width = atlas_->TexWidth;
    stats_.height = atlas_->TexHeight;
    stats_.glyphs = count;
    stats_.buildMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    ++stats_.builds;
}

}  // namespace shell
