// platform.h — the window and its OpenGL context: the only SDL video and GL
// calls of the kiosk live here (Tracy-style: the platform behind one small header).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct SDL_Window;

namespace shell {

struct WindowOptions {
    bool fullscreen = true;  // SDL_WINDOW_FULLSCREEN_DESKTOP: the panel's own mode
    int width = 1920;        // the window's size; with fullscreen, the panel's
    int height = 1080;
};

class Platform {
public:
    // SDL video must be initialised. Creates the window and a GL 3.0 context,
    // or GLES 3.0 where that is what the device has. Throws std::runtime_error.
    explicit Platform(const WindowOptions& options);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    SDL_Window* window() const { return window_; }
    std::uint32_t windowId() const { return windowId_; }
    void windowSize(int& w, int& h) const;
    void drawableSize(int& w, int& h) const;
    void setWindowSize(int w, int h);
    const char* glslVersion() const { return glsl_; }
    const std::string& glDescription() const { return glInfo_; }

    // Full screen proper (after the first frame; see the constructor). No-op
    // for a --windowed kiosk or when already done.
    void enterFullscreen();

    // The glyph page (shell/ui/fonts.h) as a texture: one 8-bit channel read
    // as white with that alpha (a quarter of RGBA's memory). The id is what
    // ImGui's draw lists take; updateGlyphTexture() sends rows [y0, y1).
    std::uint32_t createGlyphTexture(int side);
    void updateGlyphTexture(std::uint32_t texture, int side, int y0, int y1, const std::uint8_t* page);
    void deleteTexture(std::uint32_t texture);

    void clear(float r, float g, float b);
    void swap();
    // The back buffer as RGB rows, top row first. Call after drawing, before swap().
    std::vector<std::uint8_t> readBackBuffer(int& w, int& h) const;

private:
    SDL_Window* window_ = nullptr;
    void* gl_ = nullptr;  // SDL_GLContext
    std::uint32_t windowId_ = 0;
    bool fullscreenPending_ = false;
    const char* glsl_ = "#version 130";
    std::string glInfo_;
};

}  // namespace shell
