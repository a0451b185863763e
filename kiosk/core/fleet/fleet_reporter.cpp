#include "core/fleet/fleet_reporter.h"

#include "core/fleet/fleet_queue.h"
#include "core/fleet/fleet_report.h"
#include "core/fleet/http_post.h"
#include "core/log/log.h"
#include "core/system/board_clock.h"

#include <sodium.h>
#include <sqlite3.h>

#include <chrono>

namespace vt {

namespace {

constexpr auto kScreenshotWait = std::chrono::seconds(5);
constexpr const char* kAlertCursorKey = "fleet.alert_log_cursor";

std::string base64(const std::string& bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

// Width and height from a PNG's IHDR, for the receiver.
std::pair<std::uint32_t, std::uint32_t> pngSize(const std::string& png) {
    if (png.size() < 24) return {0, 0};
    auto be = [&](size_t at) {
        return (std::uint32_t(std::uint8_t(png[at])) << 24) |
               (std::uint32_t(std::uint8_t(png[at + 1])) << 16) |
               (std::uint32_t(std::uint8_t(png[at + 2])) << 8) | std::uint32_t(std::uint8_t(png[at + 3]));
    };
    return {be(16), be(20)};
}

bool answerAsksScreenshot(const std::string& body) {
    const auto j = nlohmann::json::parse(body, nullptr, false);
    return j.is_object() && j.contains("screenshot") && j["screenshot"].is_boolean() &&
           j["screenshot"].get<bool>();
}

}  // namespace

FleetReporter::FleetReporter(Config config, TrustedClock* clock, UsageCounters* usage, FrameGrab* grab)
    : m_config(std::move(config)),
      m_clock(clock),
      m_usage(usage),
      m_grab(grab),
      m_started(std::chrono::steady_clock::now()) {}

FleetReporter::~FleetReporter() {
    stop();
}

UnixSeconds FleetReporter::now() const {
    return m_clock ? m_clock->now() : boardNow();
}

FleetRound FleetReporter::runOnce(bool withScreenshot) {
    FleetRound round;
    if (!m_db) {
        m_db = Database::open(m_config.databasePath());
        sqlite3_busy_timeout(m_db->handle(), 2000);
    }
    Database& db = *m_db;
    const UnixSeconds t = now();
    const auto steadyNow = std::chrono::steady_clock::now();

    FleetFacts facts;
    facts.now = t;
    facts.processUptimeSeconds = std::chrono::duration<double>(steadyNow - m_started).count();
    if (m_clock) facts.clock = m_clock->state();
    if (m_usage) facts.usage = m_usage->take();
    facts.cacheBudgetBytes = m_config.storage.cacheBytes;
    std::int64_t cursor = std::stoll(db.meta(kAlertCursorKey).value_or("0"));
    const nlohmann::json report = buildFleetReport(m_config, db, facts, cursor);
    {
        Transaction tx(db);
        round.dropped = enqueueReport(db, report.dump(), t, m_config.fleet.queueMax);
        db.setMeta(kAlertCursorKey, std::to_string(cursor));
        tx.commit();
    }
    const std::int64_t newest = db.lastInsertId();

    const int every = m_config.fleet.screenshotEveryMinutes;
    bool wantShot =
        withScreenshot ||
        (every > 0 && (!m_lastScreenshot || steadyNow - *m_lastScreenshot >= std::chrono::minutes(every)));
    bool askedAgain = false;
    for (const QueuedReport& q : queuedReports(db)) {
        std::string body = q.body;
        if (q.id == newest && wantShot && m_grab) {
            const std::string png = m_grab->request(kScreenshotWait);
            if (!png.empty()) {
                auto j = nlohmann::json::parse(body);
                const auto [w, h] = pngSize(png);
                j["screenshot"] = {
                    {"mime", "image/png"}, {"width", w}, {"height", h}, {"base64", base64(png)}};
                body = j.dump();
                round.screenshotSent = true;
            }
        }
        const PostResult r = postJson(m_config.fleet.url, m_config.fleet.token, body);
        if (m_clock && r.serverDate) m_clock->observeAnswer("fleet", m_config.fleet.url, r.serverDate);
        if (!r.ok) {
            round.error = r.error;
            round.screenshotSent = false;
            break;
        }
        removeReport(db, q.id);
        ++round.sent;
        if (round.screenshotSent && q.id == newest) m_lastScreenshot = steadyNow;
        askedAgain = askedAgain || answerAsksScreenshot(r.body);
    }
    round.queued = queuedCount(db);
    {
        std::lock_guard lock(m_statusMutex);
        m_status.lastAttempt = t;
        if (round.error.empty()) m_status.lastSuccess = t;
        m_status.lastError = round.error;
        m_status.queued = round.queued;
    }
    if (!round.error.empty())
        logWarning("fleet",
                   "status report not sent (" + std::to_string(round.queued) + " queued): " + round.error);
    // The receiver asked to see the screen: one more report, now, with the thumbnail.
    if (askedAgain && round.error.empty() && !withScreenshot && m_grab) {
        const FleetRound extra = runOnce(true);
        round.sent += extra.sent;
        round.dropped += extra.dropped;
        round.queued = extra.queued;
        round.screenshotSent = extra.screenshotSent;
        round.error = extra.error;
    }
    return round;
}

FleetStatus FleetReporter::status() const {
    std::lock_guard lock(m_statusMutex);
    return m_status;
}

void FleetReporter::start() {
    stop();
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void FleetReporter::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void FleetReporter::run() {
    const auto interval = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(m_config.fleet.intervalMinutes * 60.0));
    // The first report a little after the start, so it carries the first frame and first sync.
    auto due = std::chrono::steady_clock::now() +
               std::min<std::chrono::steady_clock::duration>(interval, std::chrono::seconds(30));
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        if (m_wake.wait_until(lock, due, [this] { return m_stop; })) break;
        lock.unlock();
        try {
            runOnce();
        } catch (const std::exception& e) {
            logWarning("fleet", std::string("status report failed: ") + e.what());
        }
        due = std::chrono::steady_clock::now() + interval;
        lock.lock();
    }
}

}  // namespace vt
