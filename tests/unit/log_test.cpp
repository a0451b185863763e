// The logger: one-line formatting and the per-key rate limit that keeps a kiosk's logs bounded.
#include "core/log/log.h"

#include <catch2/catch.hpp>

#include <vector>

using namespace vt;

TEST_CASE("log lines: level, key, one line, suppressed count", "[log]") {
    CHECK(formatLogLine({LogLevel::Warning, "source.albo", "cannot read /x", 0}) ==
          "warning source.albo: cannot read /x");
    CHECK(formatLogLine({LogLevel::Error, "store", "two\nlines", 0}) == "error store: two lines");
    CHECK(formatLogLine({LogLevel::Info, "", "hello", 1}) == "info: hello (1 similar message suppressed)");
    CHECK(formatLogLine({LogLevel::Info, "k", "m", 12}) == "info k: m (12 similar messages suppressed)");
    CHECK(logSyslogPriority(LogLevel::Error) == 3);
    CHECK(logSyslogPriority(LogLevel::Warning) == 4);
    CHECK(logSyslogPriority(LogLevel::Info) == 6);
}

TEST_CASE("rate limit: a burst per key per window, then a count of what was dropped", "[log]") {
    LogRateLimiter limiter(3, 60);
    long before = -1;
    int admitted = 0;
    for (int i = 0; i < 10; ++i) admitted += limiter.admit("source.albo", 1000 + i, before);
    CHECK(admitted == 3);
    // Another key has its own budget.
    CHECK(limiter.admit("store", 1005, before));
    CHECK(before == 0);
    // Still inside the window: dropped.
    CHECK_FALSE(limiter.admit("source.albo", 1059, before));
    // The next window: admitted, carrying the 8 dropped ones.
    CHECK(limiter.admit("source.albo", 1060, before));
    CHECK(before == 8);
    CHECK(limiter.admit("source.albo", 1061, before));
    CHECK(before == 0);
}

TEST_CASE("rate limit: drain reports closed windows, or everything on exit", "[log]") {
    LogRateLimiter limiter(1, 60);
    long before = 0;
    limiter.admit("a", 0, before);
    limiter.admit("a", 1, before);
    limiter.admit("a", 2, before);
    limiter.admit("b", 30, before);
    limiter.admit("b", 31, before);
    CHECK(limiter.drain(59, false).empty());
    const auto closed = limiter.drain(61, false);
    REQUIRE(closed.size() == 1);
    CHECK(closed[0] == std::make_pair(std::string("a"), 2L));
    const auto rest = limiter.drain(61, true);
    REQUIRE(rest.size() == 1);
    CHECK(rest[0] == std::make_pair(std::string("b"), 1L));
    CHECK(limiter.drain(1000, true).empty());
}

TEST_CASE("rate limit: distinct keys cannot grow the table without bound", "[log]") {
    LogRateLimiter limiter(1, 60, 4);
    long before = 0;
    for (int i = 0; i < 4; ++i) {
        std::string key = "k";  // appended in place: "k" + to_string trips GCC 12's -Wrestrict at -O3
        key += std::to_string(i);
        CHECK(limiter.admit(key, 0, before));
    }
    CHECK_FALSE(limiter.admit("k4", 10, before));  // table full, windows still open
    CHECK(limiter.admit("k5", 70, before));        // old windows closed: pruned, room again
}

TEST_CASE("logger: level filter, sink, and the summary on flush", "[log]") {
    Logger log;
    std::vector<LogRecord> seen;
    log.setSink([&](const LogRecord& r) { seen.push_back(r); });
    log.setRateLimit(2, 60);
    log.log(LogLevel::Debug, "x", "not shown", 0);
    for (int i = 0; i < 5; ++i) log.log(LogLevel::Warning, "source.albo", "down", i);
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].level == LogLevel::Warning);
    log.flushSuppressed(10, true);
    REQUIRE(seen.size() == 3);
    CHECK(seen[2].key == "source.albo");
    CHECK(seen[2].suppressed == 3);
    log.log(LogLevel::Error, "source.albo", "still down", 100);
    REQUIRE(seen.size() == 4);
    CHECK(seen[3].suppressed == 0);  // already reported by the flush
}
