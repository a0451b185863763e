// A small logger for a kiosk that runs for years: levels, one sink (stderr by default; the
// platform layer installs the systemd journal), and a rate limit per message key so a source
// that fails every minute cannot fill the disk. Never call it per frame.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace vt {

using LogTime = std::int64_t;  // Unix seconds

enum class LogLevel { Debug, Info, Warning, Error };

struct LogRecord {
    LogLevel level = LogLevel::Info;
    std::string key;      // what the message is about: "source.albo", "store"... (rate-limit unit)
    std::string message;  // one line, plain words
    long suppressed = 0;  // how many messages with this key were dropped before this one
};

const char* logLevelName(LogLevel level);
// syslog priority (3 err, 4 warning, 6 info, 7 debug) for the journal's PRIORITY field.
int logSyslogPriority(LogLevel level);
// "warning source.albo: cannot read ... (12 similar messages suppressed)"
std::string formatLogLine(const LogRecord& r);

// At most `burst` messages per key in each window of `windowSeconds`; the rest are counted and
// reported with the next message that gets through, or by drain().
class LogRateLimiter {
public:
    LogRateLimiter(int burst = 5, LogTime windowSeconds = 60, size_t maxKeys = 512);
    // True when the message may be written; `suppressedBefore` receives the count of messages
    // dropped for this key in earlier windows (to be reported with it).
    bool admit(const std::string& key, LogTime now, long& suppressedBefore);
    // The keys whose window has closed with dropped messages (all of them when `everything`),
    // as (key, count); their counts are reset.
    std::vector<std::pair<std::string, long>> drain(LogTime now, bool everything);

private:
    struct Window {
        LogTime start = 0;
        int emitted = 0;
        long suppressed = 0;
    };
    void prune(LogTime now);

    int m_burst;
    LogTime m_window;
    size_t m_maxKeys;
    std::map<std::string, Window> m_keys;
};

using LogSink = std::function<void(const LogRecord&)>;

class Logger {
public:
    Logger();
    void setSink(LogSink sink);
    void setMinLevel(LogLevel level);
    void setRateLimit(int burst, LogTime windowSeconds);
    void log(LogLevel level, const std::string& key, const std::string& message, LogTime now);
    // Writes a summary for each key whose drops were not yet reported (on exit, or now and then).
    void flushSuppressed(LogTime now, bool everything = false);

private:
    std::mutex m_mutex;
    LogSink m_sink;
    LogLevel m_minLevel = LogLevel::Info;
    LogRateLimiter m_limiter;
};

// The process-wide logger and shorthands that use the wall clock.
Logger& logger();
void logInfo(const std::string& key, const std::string& message);
void logWarning(const std::string& key, const std::string& message);
void logError(const std::string& key, const std::string& message);

// The default sink: one line per record on stderr.
void writeLogToStderr(const LogRecord& r);

}  // namespace vt
