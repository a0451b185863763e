// A screenshot asked from another thread: only the UI thread may read the renderer, so the
// fleet reporter posts a request, wakes the UI loop, and waits (bounded) for the PNG that the UI
// thread produces between two frames. The UI never waits on the reporter.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

namespace vt {

class FrameGrab {
public:
    // `wake` nudges the UI loop (pushes an SDL user event); it may be empty.
    explicit FrameGrab(std::function<void()> wake = {}) : m_wake(std::move(wake)) {}
    // Reporter thread: the PNG bytes, or "" when the UI did not answer within `timeout`.
    std::string request(std::chrono::milliseconds timeout);
    // UI thread, once per loop iteration: when a request is waiting, runs `produce` and hands the
    // PNG over. Returns true when it produced one.
    bool serve(const std::function<std::string()>& produce);
    bool pending() const;

private:
    std::function<void()> m_wake;
    mutable std::mutex m_mutex;
    std::condition_variable m_done;
    std::uint64_t m_asked = 0, m_served = 0;
    std::string m_png;
};

}  // namespace vt
