#include "platform/journey_runner.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace vt {

namespace {
constexpr float kFrame = 1.0f / 60.0f;
}

bool JourneyRunner::step(float dt, bool rasterize) {
    m_now += dt;
    return m_host.frame(m_ui, static_cast<UnixSeconds>(m_now), dt, rasterize);
}

void JourneyRunner::settle(int minFrames) {
    // Kinetic scrolling and queued input ask for frames; a few seconds of simulated time at most.
    for (int i = 0; i < 600; ++i) {
        const bool more = step(kFrame);
        if (i + 1 >= minFrames && !more) break;
    }
    // A child process is rendering a page: give it real time, one frame per poll.
    if (!m_host.backgroundBusy()) return;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (m_host.backgroundBusy() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(15));
        step(kFrame);
    }
    for (int i = 0; i < 600; ++i)
        if (!step(kFrame)) break;
}

bool JourneyRunner::tapLabel(const std::string& label, std::string& error) {
    settle();
    const SemanticNode* n = m_host.tree().findInteractive(label);
    if (!n) {
        error = "nothing to tap labelled \"" + label + "\"; on screen:\n" + m_host.tree().dump();
        return false;
    }
    tapPoint(n->rect.centerX(), n->rect.centerY());
    return true;
}

void JourneyRunner::tapPoint(float x, float y) {
    m_host.input().inject({PointerEvent::Type::Down, x, y});
    step(kFrame);
    step(kFrame * 5);  // a human tap lasts ~100 ms
    m_host.input().inject({PointerEvent::Type::Up, x, y});
    settle(3);
}

void JourneyRunner::doubleTap(float x, float y) {
    // Well apart from any earlier press, so that only these two taps pair up.
    for (int i = 0; i < 6; ++i) step(0.1f);
    for (int i = 0; i < 2; ++i) {
        m_host.input().inject({PointerEvent::Type::Down, x, y});
        step(kFrame);
        step(kFrame * 4);
        m_host.input().inject({PointerEvent::Type::Up, x, y});
        step(kFrame);
        step(kFrame);
    }
    settle(3);
}

void JourneyRunner::drag(float x1, float y1, float x2, float y2) {
    m_host.input().inject({PointerEvent::Type::Down, x1, y1});
    step(kFrame);
    const int n = 12;  // a brisk swipe of 200 ms
    for (int i = 1; i <= n; ++i) {
        const float t = float(i) / n;
        m_host.input().inject({PointerEvent::Type::Move, x1 + (x2 - x1) * t, y1 + (y2 - y1) * t});
        step(kFrame);
    }
    m_host.input().inject({PointerEvent::Type::Up, x2, y2});
    settle(3);
}

void JourneyRunner::hold(float x, float y, double seconds) {
    m_host.input().inject({PointerEvent::Type::Down, x, y});
    for (double t = 0; t < seconds; t += 0.1) step(0.1f);
    m_host.input().inject({PointerEvent::Type::Up, x, y});
    settle(3);
}

void JourneyRunner::wait(double seconds) {
    // Frames every 100 ms of simulated time: enough for timers and animations to run their course
    // without drawing pixels nobody looks at.
    double left = seconds;
    while (left > 0) {
        const double dt = std::min(left, 0.1);
        step(static_cast<float>(dt));
        left -= dt;
    }
    settle();
}

bool JourneyRunner::expect(const std::string& text, bool present, std::string& error) {
    settle();
    if (m_host.tree().containsText(text) == present) return true;
    error = std::string(present ? "expected" : "did not expect") + " \"" + text +
            "\" on screen; on screen:\n" + m_host.tree().dump();
    return false;
}

bool JourneyRunner::shot(const std::string& path) {
    settle();
    step(0.0001f, true);
    return m_host.savePng(path);
}

JourneyRunner::Result JourneyRunner::run(const std::vector<PlayStep>& steps, const std::string& outDir,
                                         const std::string& scriptName) {
    Result r;
    std::filesystem::create_directories(outDir);
    settle(3);
    for (const PlayStep& s : steps) {
        std::string err;
        bool ok = true;
        switch (s.kind) {
            case PlayStep::Kind::TapLabel:
                ok = tapLabel(s.text, err);
                break;
            case PlayStep::Kind::TapPoint:
                tapPoint(s.x1, s.y1);
                break;
            case PlayStep::Kind::Drag:
                drag(s.x1, s.y1, s.x2, s.y2);
                break;
            case PlayStep::Kind::Hold:
                hold(s.x1, s.y1, s.seconds);
                break;
            case PlayStep::Kind::Wait:
                wait(s.seconds);
                break;
            case PlayStep::Kind::Expect:
                ok = expect(s.text, true, err);
                break;
            case PlayStep::Kind::ExpectNot:
                ok = expect(s.text, false, err);
                break;
            case PlayStep::Kind::Shot: {
                char name[32];
                std::snprintf(name, sizeof name, "%02d-", ++m_shotCount);
                const std::string path = outDir + "/" + name + s.text + ".png";
                ok = shot(path);
                if (ok)
                    r.shots.push_back(path);
                else
                    err = "cannot write " + path;
                break;
            }
        }
        if (!ok) {
            r.ok = false;
            r.error = scriptName + ":" + std::to_string(s.line) + ": " + err;
            return r;
        }
    }
    return r;
}

}  // namespace vt
