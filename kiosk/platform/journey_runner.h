// Drives the kiosk like a person would, with injected touches and a simulated clock: the engine
// of `vetrina play` and of the UI journey tests. Nothing here needs a display.
#pragma once

#include "core/play/script.h"
#include "platform/kiosk_host.h"

#include <string>
#include <vector>

namespace vt {

class JourneyRunner {
public:
    JourneyRunner(KioskHost& host, KioskUi& ui, UnixSeconds start)
        : m_host(host), m_ui(ui), m_now(double(start)) {}

    // Renders frames (at 60 Hz of simulated time) until the UI is still; at least `minFrames`.
    // Work off the UI thread (PDF pages) is waited for in real time, up to ~30 s.
    void settle(int minFrames = 2);
    bool tapLabel(const std::string& label, std::string& error);
    void tapPoint(float x, float y);
    // Two quick taps at the same point (zoom gestures).
    void doubleTap(float x, float y);
    void drag(float x1, float y1, float x2, float y2);
    // Presses and keeps the finger still for `seconds` (long-press gestures).
    void hold(float x, float y, double seconds);
    void wait(double seconds);
    bool expect(const std::string& text, bool present, std::string& error);
    bool shot(const std::string& path);
    UnixSeconds now() const { return static_cast<UnixSeconds>(m_now); }

    struct Result {
        bool ok = true;
        std::string error;
        std::vector<std::string> shots;
    };
    // Runs every step; stops at the first failure, which names the script line.
    Result run(const std::vector<PlayStep>& steps, const std::string& outDir, const std::string& scriptName);

private:
    bool step(float dt, bool rasterize = false);

    KioskHost& m_host;
    KioskUi& m_ui;
    double m_now;
    int m_shotCount = 0;
};

}  // namespace vt
