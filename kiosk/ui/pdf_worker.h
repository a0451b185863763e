// PDF work off the UI thread: one worker thread asks the child renderer (core/pdf) for page
// counts and pages, newest requests first, and hands the results back to the UI thread, which
// polls them each frame. Nothing here touches ImGui or the store.
#pragma once

#include "core/pdf/pdf_render.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace vt {

class PdfWorker {
public:
    struct Job {
        enum class Kind { Open, Page } kind = Kind::Open;
        std::string path;
        int page = 0;     // 0-based
        int width = 0;    // pixels
        std::string key;  // the caller's name for the result (a texture name)
    };
    struct Done {
        Job job;
        PdfResult result;
    };

    explicit PdfWorker(std::string helper = "/proc/self/exe");
    ~PdfWorker();  // waits for the page being rendered (the child's own timeout bounds it)
    PdfWorker(const PdfWorker&) = delete;
    PdfWorker& operator=(const PdfWorker&) = delete;

    // Queues a job unless one with the same key is queued or running. `urgent` jobs (the page on
    // screen) go before the others (thumbnails, the next page).
    void request(Job job, bool urgent);
    // Forgets queued jobs (the visitor left the document); the running one still completes.
    void clearQueue();
    // Results since the last call.
    std::vector<Done> takeDone();
    // Something is queued, running, or waiting to be taken.
    bool busy() const;
    bool pending(const std::string& key) const;

private:
    void run();

    PdfRenderer m_renderer;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    std::string m_runningKey;
    std::vector<Done> m_done;
    bool m_stop = false;
    std::thread m_thread;  // started with the first request
};

}  // namespace vt
