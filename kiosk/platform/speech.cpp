#include "platform/speech.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <cstring>

namespace vt {

namespace {

std::mutex g_espeakMutex;
bool g_espeakReady = false;
std::vector<std::int16_t>* g_sink = nullptr;
std::atomic<unsigned>* g_cancelGeneration = nullptr;
unsigned g_myGeneration = 0;

int onSamples(short* wav, int count, espeak_EVENT*) {
    if (g_sink && wav && count > 0) g_sink->insert(g_sink->end(), wav, wav + count);
    // Returning 1 aborts the synthesis when a newer request (or stop) came in.
    return (g_cancelGeneration && g_cancelGeneration->load() != g_myGeneration) ? 1 : 0;
}

bool initEspeak(std::string& error) {
    if (g_espeakReady) return true;
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT ctx = nullptr;
    if (espeak_ng_Initialize(&ctx) != ENS_OK) {
        espeak_ng_ClearErrorContext(&ctx);
        error = "espeak-ng could not start (is espeak-ng-data installed?)";
        return false;
    }
    if (espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr) != ENS_OK) {
        error = "espeak-ng output could not be set up";
        return false;
    }
    espeak_SetSynthCallback(onSamples);
    g_espeakReady = true;
    return true;
}

bool synthesizeLocked(const std::string& text, const std::string& voice, SpeechAudio& out, std::string& error,
                      std::atomic<unsigned>* cancel, unsigned generation) {
    if (!initEspeak(error)) return false;
    if (espeak_ng_SetVoiceByName(voice.c_str()) != ENS_OK) {
        error = "no espeak-ng voice \"" + voice + "\"";
        return false;
    }
    // A calm pace for older listeners.
    espeak_SetParameter(espeakRATE, 150, 0);
    out.samples.clear();
    out.sampleRate = espeak_ng_GetSampleRate();
    g_sink = &out.samples;
    g_cancelGeneration = cancel;
    g_myGeneration = generation;
    const espeak_ng_STATUS st = espeak_ng_Synthesize(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                                     espeakCHARS_UTF8, nullptr, nullptr);
    g_sink = nullptr;
    g_cancelGeneration = nullptr;
    if (st != ENS_OK) {
        error = "espeak-ng could not read the text";
        return false;
    }
    return true;
}

}  // namespace

bool synthesizeSpeech(const std::string& text, const std::string& voice, SpeechAudio& out,
                      std::string& error) {
    std::lock_guard lock(g_espeakMutex);
    return synthesizeLocked(text, voice, out, error, nullptr, 0);
}

ReadAloud::~ReadAloud() {
    stop();
    if (m_worker.joinable()) m_worker.join();
    if (m_device) SDL_CloseAudioDevice(m_device);
}

bool ReadAloud::openDevice(int sampleRate) {
    if (m_device && m_deviceRate == sampleRate) return true;
    if (m_device) SDL_CloseAudioDevice(m_device);
    m_device = 0;
    if (!SDL_WasInit(SDL_INIT_AUDIO) && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        m_error = std::string("no audio: ") + SDL_GetError();
        return false;
    }
    SDL_AudioSpec want{};
    want.freq = sampleRate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 2048;
    m_device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
    if (!m_device) {
        m_error = std::string("no audio device: ") + SDL_GetError();
        return false;
    }
    m_deviceRate = sampleRate;
    SDL_PauseAudioDevice(m_device, 0);
    return true;
}

void ReadAloud::speak(const std::string& text, const std::string& voice) {
    stop();
    if (m_worker.joinable()) m_worker.join();
    const unsigned generation = ++m_generation;
    m_synthesizing = true;
    m_worker = std::thread([this, text, voice, generation] {
        SpeechAudio audio;
        std::string error;
        bool ok;
        {
            std::lock_guard lock(g_espeakMutex);
            ok = synthesizeLocked(text, voice, audio, error, &m_generation, generation);
        }
        std::lock_guard lock(m_mutex);
        if (ok && generation == m_generation && openDevice(audio.sampleRate))
            SDL_QueueAudio(m_device, audio.samples.data(), static_cast<Uint32>(audio.samples.size() * 2));
        else if (!ok)
            m_error = error;
        m_synthesizing = false;
    });
}

void ReadAloud::stop() {
    ++m_generation;  // aborts a synthesis in progress
    std::lock_guard lock(m_mutex);
    if (m_device) SDL_ClearQueuedAudio(m_device);
}

bool ReadAloud::speaking() const {
    if (m_synthesizing) return true;
    std::lock_guard lock(m_mutex);
    return m_device && SDL_GetQueuedAudioSize(m_device) > 0;
}

}  // namespace vt
