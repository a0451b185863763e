#include "ui/pdf_worker.h"

#include <algorithm>

namespace vt {

PdfWorker::PdfWorker(std::string helper) : m_renderer(std::move(helper)) {}

PdfWorker::~PdfWorker() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
        m_queue.clear();
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void PdfWorker::request(Job job, bool urgent) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (job.key == m_runningKey) return;
        const auto same =
            std::find_if(m_queue.begin(), m_queue.end(), [&](const Job& j) { return j.key == job.key; });
        if (same != m_queue.end()) {
            if (!urgent) return;
            m_queue.erase(same);  // moved to the front below
        }
        for (const Done& d : m_done)
            if (d.job.key == job.key) return;
        if (urgent)
            m_queue.push_front(std::move(job));
        else
            m_queue.push_back(std::move(job));
        if (!m_thread.joinable()) m_thread = std::thread([this] { run(); });
    }
    m_wake.notify_one();
}

void PdfWorker::clearQueue() {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_queue.clear();
}

std::vector<PdfWorker::Done> PdfWorker::takeDone() {
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<Done> out;
    out.swap(m_done);
    return out;
}

bool PdfWorker::busy() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return !m_queue.empty() || !m_runningKey.empty() || !m_done.empty();
}

bool PdfWorker::pending(const std::string& key) const {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (key == m_runningKey) return true;
    for (const Job& j : m_queue)
        if (j.key == key) return true;
    for (const Done& d : m_done)
        if (d.job.key == key) return true;
    return false;
}

void PdfWorker::run() {
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_stop) return;
        Job job = std::move(m_queue.front());
        m_queue.pop_front();
        m_runningKey = job.key;
        lock.unlock();
        // The child process does the parsing; this thread only waits for it.
        PdfResult r = job.kind == Job::Kind::Open ? m_renderer.open(job.path)
                                                  : m_renderer.renderPage(job.path, job.page, job.width);
        lock.lock();
        m_runningKey.clear();
        if (m_stop) return;
        m_done.push_back({std::move(job), std::move(r)});
    }
}

}  // namespace vt
