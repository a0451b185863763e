// Read-aloud: espeak-ng turns text into speech samples (Italian and English voices), SDL audio
// plays them. Synthesis runs on a worker thread so the UI never waits for it.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <SDL.h>

namespace vt {

struct SpeechAudio {
    std::vector<std::int16_t> samples;  // mono
    int sampleRate = 0;
};

// Synthesises `text` with the espeak-ng voice `voice` ("it", "en"). False with `error` set
// when espeak-ng or its data are missing. Not reentrant: one synthesis at a time.
bool synthesizeSpeech(const std::string& text, const std::string& voice, SpeechAudio& out,
                      std::string& error);

class ReadAloud {
public:
    ReadAloud() = default;
    ~ReadAloud();
    ReadAloud(const ReadAloud&) = delete;
    ReadAloud& operator=(const ReadAloud&) = delete;

    // Starts reading `text` (stopping what was being read).
    void speak(const std::string& text, const std::string& voice);
    void stop();
    bool speaking() const;
    const std::string& lastError() const { return m_error; }

private:
    bool openDevice(int sampleRate);

    std::thread m_worker;
    std::atomic<bool> m_synthesizing{false};
    std::atomic<unsigned> m_generation{0};
    SDL_AudioDeviceID m_device = 0;
    int m_deviceRate = 0;
    std::string m_error;
    mutable std::mutex m_mutex;
};

}  // namespace vt
