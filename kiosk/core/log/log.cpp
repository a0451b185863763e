#include "core/log/log.h"

#include <cstdio>
#include <ctime>

namespace vt {

const char* logLevelName(LogLevel level) {
    switch (level) {
        case LogLevel::Debug:
            return "debug";
        case LogLevel::Info:
            return "info";
        case LogLevel::Warning:
            return "warning";
        case LogLevel::Error:
            return "error";
    }
    return "info";
}

int logSyslogPriority(LogLevel level) {
    switch (level) {
        case LogLevel::Debug:
            return 7;
        case LogLevel::Info:
            return 6;
        case LogLevel::Warning:
            return 4;
        case LogLevel::Error:
            return 3;
    }
    return 6;
}

std::string formatLogLine(const LogRecord& r) {
    std::string line = logLevelName(r.level);
    if (!r.key.empty()) line += " " + r.key;
    line += ": ";
    // One record, one line: a multi-line message would read as several in the journal.
    for (char c : r.message) line += (c == '\n' || c == '\r') ? ' ' : c;
    if (r.suppressed > 0)
        line += " (" + std::to_string(r.suppressed) +
                (r.suppressed == 1 ? " similar message" : " similar messages") + " suppressed)";
    return line;
}

LogRateLimiter::LogRateLimiter(int burst, LogTime windowSeconds, size_t maxKeys)
    : m_burst(burst), m_window(windowSeconds), m_maxKeys(maxKeys) {}

void LogRateLimiter::prune(LogTime now) {
    // Forget keys whose window closed with nothing left to report: the map stays bounded even
    // when keys carry varying text.
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        if (now - it->second.start >= m_window && it->second.suppressed == 0)
            it = m_keys.erase(it);
        else
            ++it;
    }
}

bool LogRateLimiter::admit(const std::string& key, LogTime now, long& suppressedBefore) {
    suppressedBefore = 0;
    auto it = m_keys.find(key);
    if (it == m_keys.end()) {
        if (m_keys.size() >= m_maxKeys) prune(now);
        if (m_keys.size() >= m_maxKeys) return false;  // a flood of distinct keys: drop, bounded
        it = m_keys.emplace(key, Window{now, 0, 0}).first;
    }
    Window& w = it->second;
    if (now - w.start >= m_window || now < w.start) {  // a new window (or the clock went back)
        suppressedBefore = w.suppressed;
        w = Window{now, 0, 0};
    }
    if (w.emitted < m_burst) {
        ++w.emitted;
        return true;
    }
    ++w.suppressed;
    return false;
}

std::vector<std::pair<std::string, long>> LogRateLimiter::drain(LogTime now, bool everything) {
    std::vector<std::pair<std::string, long>> out;
    for (auto& [key, w] : m_keys) {
        if (w.suppressed == 0) continue;
        if (!everything && now - w.start < m_window) continue;
        out.emplace_back(key, w.suppressed);
        w.suppressed = 0;
    }
    return out;
}

Logger::Logger() : m_sink(writeLogToStderr) {}

void Logger::setSink(LogSink sink) {
    std::lock_guard lock(m_mutex);
    m_sink = sink ? std::move(sink) : LogSink(writeLogToStderr);
}

void Logger::setMinLevel(LogLevel level) {
    std::lock_guard lock(m_mutex);
    m_minLevel = level;
}

void Logger::setRateLimit(int burst, LogTime windowSeconds) {
    std::lock_guard lock(m_mutex);
    m_limiter = LogRateLimiter(burst, windowSeconds);
}

void Logger::log(LogLevel level, const std::string& key, const std::string& message, LogTime now) {
    std::lock_guard lock(m_mutex);
    if (level < m_minLevel) return;
    long suppressed = 0;
    if (!m_limiter.admit(key, now, suppressed)) return;
    m_sink(LogRecord{level, key, message, suppressed});
}

void Logger::flushSuppressed(LogTime now, bool everything) {
    std::lock_guard lock(m_mutex);
    for (const auto& [key, count] : m_limiter.drain(now, everything))
        m_sink(LogRecord{LogLevel::Info, key, "repeated messages were dropped", count});
}

Logger& logger() {
    static Logger instance;
    return instance;
}

void logInfo(const std::string& key, const std::string& message) {
    logger().log(LogLevel::Info, key, message, static_cast<LogTime>(std::time(nullptr)));
}
void logWarning(const std::string& key, const std::string& message) {
    logger().log(LogLevel::Warning, key, message, static_cast<LogTime>(std::time(nullptr)));
}
void logError(const std::string& key, const std::string& message) {
    logger().log(LogLevel::Error, key, message, static_cast<LogTime>(std::time(nullptr)));
}

void writeLogToStderr(const LogRecord& r) {
    const std::string line = "vetrina: " + formatLogLine(r) + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace vt
