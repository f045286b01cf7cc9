// platform.h — the window and its OpenGL context: the only SDL video and GL
// calls of the kiosk live here (Tracy-style: the platform behind one small header).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct SDL_Window;
struct ImDrawData;

namespace shell {

struct WindowOptions {
    bool fullscreen = true;  // SDL_WINDOW_FULLSCREEN_DESKTOP: the panel's own mode
    int width = 1920;        // the window's size; with fullscreen, the panel's
    int height = 1080;
};

class Platform {
public:
    // SDL video must be initialised. Creates the window and a desktop GL
    // context drawn with the fixed-function pipeline, or GLES 3.0 (shaders)
    // where that is all the device has. Throws std::runtime_error.
    explicit Platform(const WindowOptions& options);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    SDL_Window* window() const { return window_; }
    std::uint32_t windowId() const { return windowId_; }
    void windowSize(int& w, int& h) const;
    void drawableSize(int& w, int& h) const;
    void setWindowSize(int w, int h);
    const std::string& glDescription() const { return glInfo_; }
    bool gles() const { return gles_; }

    // ImGui's renderer for this context (Debian's libimgui backends): on
    // desktop GL the fixed-function one. It compiles no GLSL, which on Mesa's
    // software renderer saved 25 ms of start-up (the GLSL compiler's first
    // use) and its memory; on GLES 3.0 the shader one. Needs an ImGui context.
    void rendererInit();
    void rendererNewFrame();
    void rendererDraw(ImDrawData* data);
    void rendererShutdown();

    // Full screen proper (after the first frame; see the constructor). No-op
    // for a --windowed kiosk or when already done.
    void enterFullscreen();

    // The glyph page (shell/ui/fonts.h) as a texture: one 8-bit channel read
    // as white with that alpha (a quarter of RGBA's memory): GL_ALPHA8 for
    // the fixed-function renderer, GL_R8 swizzled for the shader one. The id is what
    // ImGui's draw lists take and stays the same when sizeGlyphTexture()
    // gives it a new size (its contents undefined until sent again);
    // updateGlyphTexture() sends a w x h rectangle at (x, y), rows packed.
    std::uint32_t createGlyphTexture();
    void sizeGlyphTexture(std::uint32_t texture, int width, int height);
    void updateGlyphTexture(std::uint32_t texture, int x, int y, int w, int h, const std::uint8_t* pixels);
    void deleteTexture(std::uint32_t texture);

    void clear(float r, float g, float b);
    void swap();
    // The back buffer as RGB rows, top row first. Call after drawing, before swap().
    std::vector<std::uint8_t> readBackBuffer(int& w, int& h) const;

private:
    void drawFixedFunction(ImDrawData* data);

    SDL_Window* window_ = nullptr;
    void* gl_ = nullptr;  // SDL_GLContext
    std::uint32_t windowId_ = 0;
    bool fullscreenPending_ = false;
    bool gles_ = false;  // GLES 3.0: shaders; else fixed function
    std::uint64_t framesDrawn_ = 0;
    std::string glInfo_;
};

}  // namespace shell
