// Anonymous usage counts for the fleet report: frames drawn, screens opened, searches that found
// nothing, feedback faces. Counts only: no query text, no item, no time of day, no session.
// Written from the UI thread, read from the reporter's thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace vt {

struct UsageSnapshot {
    std::uint64_t framesTotal = 0;  // since the kiosk started
    std::uint64_t frames = 0;       // since the previous snapshot
    std::map<std::string, long> screensOpened;
    long searchesWithoutResult = 0;
    long feedbackNo = 0, feedbackPartly = 0, feedbackYes = 0;
};

class UsageCounters {
public:
    // The host loop increments it after each frame (LoopHooks::framesDrawn).
    std::atomic<std::uint64_t>& frames() { return m_frames; }
    void screenOpened(const std::string& screen);
    void searchWithoutResult();
    void feedback(int face);  // 1 no, 2 partly, 3 yes
    // The counts since the previous take() (frames also as a total).
    UsageSnapshot take();

private:
    std::atomic<std::uint64_t> m_frames{0};
    std::mutex m_mutex;
    std::uint64_t m_framesTaken = 0;
    UsageSnapshot m_pending;
};

}  // namespace vt
