// sound.h — what the kiosk says out loud: short tones after an action, and the
// screen read aloud (DESIGN.md: a success or failure screen with a sound;
// every screen can be spoken).
//
//   Sound   success / failure / info tones: sine waves generated here and
//           queued on an SDL audio device opened on first use. No device
//           (Xvfb, a box without speakers): silently none, still recorded.
//   Speech  espeak-ng (`-v cmn`) in a child process: speak() returns at once,
//           a new text stops the one still speaking, poll() reaps it.
// Both keep a record of what they played (the script state file lists it).
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace shell {

enum class Tone { Success, Failure, Info };
const char* toneName(Tone t);  // "success", "failure", "info"

class Sound {
public:
    Sound() = default;
    ~Sound();
    Sound(const Sound&) = delete;
    Sound& operator=(const Sound&) = delete;

    void play(Tone tone);
    const std::vector<std::string>& played() const { return played_; }

private:
    bool open();
    bool tried_ = false;
    unsigned device_ = 0;  // SDL_AudioDeviceID; 0: none
    int rate_ = 44100;
    std::vector<std::string> played_;
};

class Speech {
public:
    Speech();
    ~Speech();
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;

    // espeak-ng was found on PATH when the kiosk started.
    bool available() const { return !program_.empty(); }
    // Starts speaking `text` in `voice` (cmn, yue, en) (stops what is still being spoken). False when
    // espeak-ng is missing or could not be started. Never blocks.
    bool speak(const std::string& text, const std::string& voice);
    // Reaps a finished child; call now and then (the loop's timers).
    void poll();
    const std::vector<std::string>& spoken() const { return spoken_; }
    // The voice of each spoken() text (cmn, yue, en).
    const std::vector<std::string>& voices() const { return voices_; }

private:
    void stop();
    std::string program_;
    pid_t child_ = -1;
    std::vector<std::string> spoken_;
    std::vector<std::string> voices_;
};

}  // namespace shell
