#include "shell/platform/sound.h"

#include <SDL.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <utility>

extern char** environ;

namespace shell {
namespace {

struct Note {
    float hz;
    int ms;
};

// Rising two notes: done. Falling low notes: not done. One middle note: for your information.
std::vector<Note> notesOf(Tone t) {
    switch (t) {
        case Tone::Success: return {{660, 140}, {880, 220}};
        case Tone::Failure: return {{392, 220}, {262, 320}};
        case Tone::Info: return {{660, 220}};
    }
    return {};
}

std::vector<std::int16_t> synthesize(Tone t, int rate) {
    constexpr float kTwoPi = 6.2831853f;
    constexpr float kVolume = 0.28f * 32767.0f;
    std::vector<std::int16_t> out;
    for (const Note& n : notesOf(t)) {
        const int count = rate * n.ms / 1000;
        const int fade = rate / 100;  // 10 ms in and out: no clicks
        for (int i = 0; i < count; ++i) {
            float env = 1.0f;
            if (i < fade) env = float(i) / float(fade);
            else if (count - i < fade) env = float(count - i) / float(fade);
            out.push_back(std::int16_t(kVolume * env * std::sin(kTwoPi * n.hz * float(i) / float(rate))));
        }
        out.insert(out.end(), std::size_t(rate / 50), 0);  // 20 ms between notes
    }
    return out;
}

std::string findOnPath(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return {};
    std::string p = path;
    std::size_t start = 0;
    while (start <= p.size()) {
        std::size_t end = p.find(':', start);
        if (end == std::string::npos) end = p.size();
        std::string dir = p.substr(start, end - start);
        if (!dir.empty()) {
            std::string full = dir + "/" + name;
            struct stat st{};
            if (::stat(full.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(full.c_str(), X_OK) == 0)
                return full;
        }
        start = end + 1;
    }
    return {};
}

}  // namespace

const char* toneName(Tone t) {
    switch (t) {
        case Tone::Success: return "success";
        case Tone::Failure: return "failure";
        case Tone::Info: return "info";
    }
    return "info";
}

Sound::~Sound() {
    if (device_ != 0) SDL_CloseAudioDevice(device_);
}

bool Sound::open() {
    if (tried_) return device_ != 0;
    tried_ = true;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return false;
    SDL_AudioSpec want{}, have{};
    want.freq = rate_;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, SDL_AUDIO_ALLOW_FREQUENCY_CHANGE);
    if (device_ == 0) return false;
    rate_ = have.freq;
    return true;
}

void Sound::play(Tone tone) {
    played_.emplace_back(toneName(tone));
    if (!open()) return;  // no speaker: the words and the icon still say it
    SDL_ClearQueuedAudio(device_);
    auto samples = synthesize(tone, rate_);
    SDL_QueueAudio(device_, samples.data(), Uint32(samples.size() * sizeof(std::int16_t)));
    SDL_PauseAudioDevice(device_, 0);
}

Speech::Speech() : program_(findOnPath("espeak-ng")) {}

Speech::~Speech() { stop(); }

void Speech::stop() {
    if (child_ <= 0) return;
    ::kill(child_, SIGTERM);
    ::waitpid(child_, nullptr, 0);
    child_ = -1;
}

void Speech::poll() {
    if (child_ > 0 && ::waitpid(child_, nullptr, WNOHANG) == child_) child_ = -1;
}

bool Speech::speak(const std::string& text, const std::string& voice) {
    spoken_.push_back(text);
    voices_.push_back(voice);
    if (program_.empty()) return false;
    stop();
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::string prog = program_, voiceFlag = "-v", lang = voice, speed = "-s", wpm = "150";
    std::string arg = text;
    char* argv[] = {prog.data(), voiceFlag.data(), lang.data(), speed.data(), wpm.data(), arg.data(), nullptr};
    pid_t pid = -1;
    int rc = posix_spawn(&pid, program_.c_str(), &fa, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) return false;
    child_ = pid;
    return true;
}

}  // namespace shell
