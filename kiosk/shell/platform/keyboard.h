// keyboard.h — SDL keyboard events to ImGui 1.86 (key state by scancode, text).
// The shell feeds ImGui itself rather than through imgui_impl_sdl, which reads
// SDL's global mouse and modifier state: that state ignores events pushed by
// the script driver and is wrong under Xvfb without a window manager.
#pragma once

union SDL_Event;
struct ImGuiIO;

namespace shell {

void setupImGuiKeyMap(ImGuiIO& io);
// SDL_KEYDOWN, SDL_KEYUP, SDL_TEXTINPUT; other events are ignored.
void feedImGuiKey(ImGuiIO& io, const SDL_Event& event);

}  // namespace shell
