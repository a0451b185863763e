#include "core/fleet/frame_grab.h"

namespace vt {

std::string FrameGrab::request(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    const std::uint64_t ticket = ++m_asked;
    lock.unlock();
    if (m_wake) m_wake();
    lock.lock();
    if (!m_done.wait_for(lock, timeout, [&] { return m_served >= ticket; })) return {};
    return m_png;
}

bool FrameGrab::pending() const {
    std::lock_guard lock(m_mutex);
    return m_served < m_asked;
}

bool FrameGrab::serve(const std::function<std::string()>& produce) {
    std::uint64_t ticket = 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_served >= m_asked) return false;
        ticket = m_asked;
    }
    std::string png = produce();
    {
        std::lock_guard lock(m_mutex);
        m_png = std::move(png);
        m_served = ticket;
    }
    m_done.notify_all();
    return true;
}

}  // namespace vt
