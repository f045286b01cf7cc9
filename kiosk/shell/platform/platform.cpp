#include "shell/platform/platform.h"

#include <cstring>
#include <stdexcept>

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl2.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "shell/platform/draw_runs.h"

namespace shell {

Platform::Platform(const WindowOptions& o) {
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);    // ImGui draws 2D only
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_SHOWN;
    // Full screen starts as a borderless window covering the panel and becomes
    // SDL_WINDOW_FULLSCREEN_DESKTOP after the first frame (enterFullscreen()):
    // SDL's X11 backend waits up to 100 ms for a window manager to confirm
    // full screen, and a kiosk under plain X has none. That wait must not sit
    // between power-on and the first frame (budget: 150 ms).
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    if (o.fullscreen) {
        flags |= SDL_WINDOW_BORDERLESS;
        SDL_Rect bounds;
        if (SDL_GetDisplayBounds(0, &bounds) == 0) {
            x = bounds.x;
            y = bounds.y;
        }
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    fullscreenPending_ = o.fullscreen;
    window_ = SDL_CreateWindow("elder-kiosk", x, y, o.width, o.height, flags);
    if (!window_) throw std::runtime_error(std::string("cannot create the window: ") + SDL_GetError());
    windowId_ = SDL_GetWindowID(window_);

    // Desktop GL (a compatibility context: fixed function) first; a device
    // with only GLES gets GLES 3.0.
    struct Attempt {
        int profile, major, minor;
    };
    static constexpr Attempt kAttempts[] = {
        {SDL_GL_CONTEXT_PROFILE_COMPATIBILITY, 2, 1},
        {SDL_GL_CONTEXT_PROFILE_ES, 3, 0},
    };
    std::string errors;
    for (const Attempt& a : kAttempts) {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, a.profile);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, a.major);
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, a.minor);
        gl_ = SDL_GL_CreateContext(window_);
        if (gl_) {
            gles_ = a.profile == SDL_GL_CONTEXT_PROFILE_ES;
            break;
        }
        errors += std::string(a.profile == SDL_GL_CONTEXT_PROFILE_ES ? " GLES 3.0: " : " GL 2.1: ") + SDL_GetError();
    }
    if (!gl_) {
        SDL_DestroyWindow(window_);
        throw std::runtime_error("no OpenGL 2.1 or GLES 3.0 context:" + errors);
    }
    SDL_GL_MakeCurrent(window_, gl_);
    SDL_GL_SetSwapInterval(1);  // where there is a display refresh, wait for it
    auto str = [](GLenum e) {
        const GLubyte* s = glGetString(e);
        return s ? std::string(reinterpret_cast<const char*>(s)) : std::string("?");
    };
    glInfo_ = str(GL_VERSION) + " / " + str(GL_RENDERER);
    if (o.fullscreen) SDL_ShowCursor(SDL_DISABLE);  // a touch kiosk shows no pointer
}

void Platform::enterFullscreen() {
    if (!fullscreenPending_) return;
    fullscreenPending_ = false;
    SDL_SetWindowFullscreen(window_, SDL_WINDOW_FULLSCREEN_DESKTOP);
}

Platform::~Platform() {
    if (gl_) SDL_GL_DeleteContext(gl_);
    if (window_) SDL_DestroyWindow(window_);
}

void Platform::windowSize(int& w, int& h) const { SDL_GetWindowSize(window_, &w, &h); }
void Platform::drawableSize(int& w, int& h) const { SDL_GL_GetDrawableSize(window_, &w, &h); }
void Platform::setWindowSize(int w, int h) { SDL_SetWindowSize(window_, w, h); }

void Platform::clear(float r, float g, float b) {
    int w = 0, h = 0;
    drawableSize(w, h);
    glViewport(0, 0, w, h);
    glDisable(GL_SCISSOR_TEST);  // the whole buffer: the last frame's scissor box must not stay
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

void Platform::swap() { SDL_GL_SwapWindow(window_); }

#ifndef GL_TEXTURE_SWIZZLE_R
#define GL_TEXTURE_SWIZZLE_R 0x8E42
#define GL_TEXTURE_SWIZZLE_G 0x8E43
#define GL_TEXTURE_SWIZZLE_B 0x8E44
#define GL_TEXTURE_SWIZZLE_A 0x8E45
#endif
#ifndef GL_R8
#define GL_R8 0x8229
#endif

void Platform::rendererInit() {
    if (gles_) ImGui_ImplOpenGL3_Init("#version 300 es");
    else ImGui_ImplOpenGL2_Init();
}

void Platform::rendererNewFrame() {
    if (gles_) ImGui_ImplOpenGL3_NewFrame();
    else ImGui_ImplOpenGL2_NewFrame();
}

void Platform::rendererDraw(ImDrawData* data) {
    if (gles_) ImGui_ImplOpenGL3_RenderDrawData(data);
    else drawFixedFunction(data);
}

// ImGui's fixed-function renderer (imgui_impl_opengl2.cpp), except that from
// the second frame on each command's solid triangles are drawn with texturing
// off (draw_runs.h). The first frame draws everything sampled, as ImGui does:
// on llvmpipe each way of drawing is a shader compiled at its first use
// (about 15 ms), and that of solid fills can wait until the first frame is
// on the screen. The kiosk owns the context: no state is saved and restored.
void Platform::drawFixedFunction(ImDrawData* data) {
    const bool split = framesDrawn_++ > 0;
    const int fbW = int(data->DisplaySize.x * data->FramebufferScale.x);
    const int fbH = int(data->DisplaySize.y * data->FramebufferScale.y);
    if (fbW <= 0 || fbH <= 0) return;
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_LIGHTING);
    glDisable(GL_COLOR_MATERIAL);
    glEnable(GL_SCISSOR_TEST);
    glEnableClientState(GL_VERTEX_ARRAY);
    glEnableClientState(GL_TEXTURE_COORD_ARRAY);
    glEnableClientState(GL_COLOR_ARRAY);
    glDisableClientState(GL_NORMAL_ARRAY);
    glPolygonMode(GL_FRONT_AND_BACK, GL_FILL);
    glShadeModel(GL_SMOOTH);
    glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
    glViewport(0, 0, fbW, fbH);
    glMatrixMode(GL_PROJECTION);
    glLoadIdentity();
    glOrtho(data->DisplayPos.x, data->DisplayPos.x + data->DisplaySize.x, data->DisplayPos.y + data->DisplaySize.y,
            data->DisplayPos.y, -1.0, 1.0);
    glMatrixMode(GL_MODELVIEW);
    glLoadIdentity();
    bool textured = false;
    glDisable(GL_TEXTURE_2D);
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    const ImVec2 off = data->DisplayPos, scale = data->FramebufferScale;
    constexpr GLenum kIndex = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    static std::vector<DrawRun> runs;  // one command's, kept frame to frame (one render thread)
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        const ImDrawVert* vtx = list->VtxBuffer.Data;
        const ImDrawIdx* idx = list->IdxBuffer.Data;
        glVertexPointer(2, GL_FLOAT, sizeof(ImDrawVert), &vtx->pos);
        glTexCoordPointer(2, GL_FLOAT, sizeof(ImDrawVert), &vtx->uv);
        glColorPointer(4, GL_UNSIGNED_BYTE, sizeof(ImDrawVert), &vtx->col);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                // The kiosk adds no callbacks; ImGui's reset one needs nothing here.
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - off.x) * scale.x, y0 = (cmd.ClipRect.y - off.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - off.x) * scale.x, y1 = (cmd.ClipRect.w - off.y) * scale.y;
            if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
            glScissor(int(x0), int(float(fbH) - y1), int(x1 - x0), int(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, GLuint(reinterpret_cast<std::uintptr_t>(cmd.GetTexID())));
            if (split) splitSolidRuns(vtx, idx + cmd.IdxOffset, cmd.ElemCount, white, runs);
            else runs.assign(1, DrawRun{0, cmd.ElemCount, false});
            for (const DrawRun& r : runs) {
                if (textured == r.solid) {
                    textured = !r.solid;
                    if (textured) glEnable(GL_TEXTURE_2D);
                    else glDisable(GL_TEXTURE_2D);
                }
                glDrawElements(GL_TRIANGLES, GLsizei(r.count), kIndex, idx + cmd.IdxOffset + r.first);
            }
        }
    }
    glDisable(GL_SCISSOR_TEST);
}

void Platform::rendererShutdown() {
    if (gles_) ImGui_ImplOpenGL3_Shutdown();
    else ImGui_ImplOpenGL2_Shutdown();
}

std::uint32_t Platform::createGlyphTexture() {
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    if (gles_) {
        // The red channel is the glyph's coverage: sampled as (1, 1, 1,
        // coverage), as ImGui's shader expects of a font texture.
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_R, GL_ONE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_G, GL_ONE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_B, GL_ONE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_A, GL_RED);
    }
    // Fixed function: an alpha texture under GL_MODULATE keeps the vertex
    // colour and multiplies its alpha by the coverage.
    return tex;
}

void Platform::sizeGlyphTexture(std::uint32_t texture, int width, int height) {
    glBindTexture(GL_TEXTURE_2D, texture);
    if (gles_) glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, nullptr);
    else glTexImage2D(GL_TEXTURE_2D, 0, GL_ALPHA8, width, height, 0, GL_ALPHA, GL_UNSIGNED_BYTE, nullptr);
}

void Platform::updateGlyphTexture(std::uint32_t texture, int x, int y, int w, int h, const std::uint8_t* pixels) {
    if (w <= 0 || h <= 0) return;
    glBindTexture(GL_TEXTURE_2D, texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, gles_ ? GL_RED : GL_ALPHA, GL_UNSIGNED_BYTE, pixels);
}

void Platform::deleteTexture(std::uint32_t texture) {
    GLuint t = texture;
    if (t) glDeleteTextures(1, &t);
}

std::vector<std::uint8_t> Platform::readBackBuffer(int& w, int& h) const {
    drawableSize(w, h);
    // RGBA is the one format GLES guarantees for glReadPixels.
    std::vector<std::uint8_t> rgba(std::size_t(w) * std::size_t(h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    std::vector<std::uint8_t> rgb(std::size_t(w) * std::size_t(h) * 3);
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* src = rgba.data() + std::size_t(h - 1 - y) * std::size_t(w) * 4;  // GL is bottom-up
        std::uint8_t* dst = rgb.data() + std::size_t(y) * std::size_t(w) * 3;
        for (int x = 0; x < w; ++x) std::memcpy(dst + x * 3, src + x * 4, 3);
    }
    return rgb;
}

}  // namespace shell
