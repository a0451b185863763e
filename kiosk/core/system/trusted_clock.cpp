#include "core/system/trusted_clock.h"

#include "core/system/board_clock.h"
#include "core/util/files.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>

namespace vt {

namespace {

constexpr UnixSeconds kDay = 86400;
// A server more than this after the build date is lying (or the build date is): ignored.
constexpr UnixSeconds kMaxAfterBuild = 30 * 366 * kDay;
// A plain-http answer is used only when no https answer came within this long.
constexpr UnixSeconds kHttpsPreference = kDay;
// The saved file is rewritten when the offset moves by more than this, or once an hour.
constexpr UnixSeconds kSaveJitter = 2;
constexpr UnixSeconds kSaveEvery = 3600;

}  // namespace

UnixSeconds buildTime() {
    // __DATE__ is "Nov 23 2026" (honours SOURCE_DATE_EPOCH for reproducible builds).
    static const UnixSeconds t = [] {
        const char* d = __DATE__;
        static const char* months = "JanFebMarAprMayJunJulAugSepOctNovDec";
        const char* m = std::strstr(months, std::string(d, 3).c_str());
        CivilDate c;
        c.year = std::atoi(d + 7);
        c.month = m ? static_cast<int>((m - months) / 3 + 1) : 1;
        c.day = std::atoi(d + 4);
        return daysFromCivil(c) * kDay;
    }();
    return t;
}

UnixSeconds earliestTrustedTime() {
    const auto pinned = pinnedBoardClock();
    return pinned ? std::min(buildTime(), *pinned) : buildTime();
}

UnixSeconds kioskNow(const std::string& dataDir, int thresholdSeconds) {
    TrustedClock clock(thresholdSeconds);
    if (const auto saved = TrustedClock::readStateFile(dataDir + "/clock.json")) clock.restore(*saved);
    return clock.now();
}

std::optional<UnixSeconds> parseHttpDate(const std::string& header) {
    if (header.empty()) return std::nullopt;
    return parseRfc822(header);
}

std::string formatOffset(UnixSeconds offset) {
    const char sign = offset < 0 ? '-' : '+';
    UnixSeconds a = offset < 0 ? -offset : offset;
    if (a < 60) return sign + std::to_string(a) + " s";
    const UnixSeconds d = a / kDay, h = (a % kDay) / 3600, m = (a % 3600) / 60;
    std::string out(1, sign);
    if (d) out += std::to_string(d) + " g ";
    if (d || h) out += std::to_string(h) + " h ";
    out += std::to_string(m) + " min";
    return out;
}

std::string describeClockIt(const ClockState& s) {
    if (!s.correcting) {
        if (s.lastServerTime == 0) return "Orologio: locale (nessun server ha ancora risposto)";
        return "Orologio: corretto (scarto " + formatOffset(s.measuredSkew) + " dal server)";
    }
    std::string out = "Orologio corretto di " + formatOffset(s.offset);
    if (s.reason == "floor") return out + " (l'ora locale era tornata indietro)";
    out += " dal server";
    if (!s.source.empty()) out += " (" + s.source + ")";
    if (s.reason == "before-build") out += ": l'ora locale era prima della data del programma";
    return out;
}

TrustedClock::TrustedClock(int thresholdSeconds, UnixSeconds buildDate, LocalClock local)
    : m_threshold(thresholdSeconds), m_build(buildDate), m_local(std::move(local)) {}

UnixSeconds TrustedClock::localNow() const {
    return m_local ? m_local() : boardNow();
}

UnixSeconds TrustedClock::now() const {
    std::lock_guard lock(m_mutex);
    const UnixSeconds local = localNow();
    UnixSeconds t = local + (m_state.correcting ? m_state.offset : 0);
    // Never before the build date nor before the last trusted answer (a clock reset by a power
    // cut, or an offset restored after one): time starts again from what is known.
    const UnixSeconds floor = std::max(m_build, m_state.lastServerTime - m_threshold);
    if (t < floor) {
        m_state.correcting = true;
        m_state.offset = floor - local;
        m_state.reason = "floor";
        t = floor;
        saveLocked();
    }
    return t;
}

bool TrustedClock::observe(const ClockSample& s) {
    if (s.serverTime <= 0) return false;                                                  // no Date header
    if (s.serverTime < m_build || s.serverTime > m_build + kMaxAfterBuild) return false;  // absurd
    std::lock_guard lock(m_mutex);
    if (!s.https && m_state.lastHttpsServerTime != 0 &&
        std::llabs(s.serverTime - m_state.lastHttpsServerTime) < kHttpsPreference)
        return false;  // an https answer is recent: it wins
    const UnixSeconds skew = s.serverTime - s.localTime;
    m_state.source = s.source;
    m_state.https = s.https;
    m_state.lastServerTime = s.serverTime;
    if (s.https) m_state.lastHttpsServerTime = s.serverTime;
    m_state.measuredSkew = skew;
    const bool beforeBuild = s.localTime < m_build;
    if (beforeBuild || skew > m_threshold || skew < -m_threshold) {
        m_state.correcting = true;
        m_state.offset = skew;
        m_state.reason = beforeBuild ? "before-build" : "skew";
    } else {
        m_state.correcting = false;
        m_state.offset = 0;
        m_state.reason.clear();
    }
    saveLocked();
    return true;
}

bool TrustedClock::observeAnswer(const std::string& source, const std::string& url, UnixSeconds serverDate) {
    ClockSample s;
    s.source = source;
    s.https = url.rfind("https://", 0) == 0;
    s.serverTime = serverDate;
    {
        std::lock_guard lock(m_mutex);
        s.localTime = localNow();
    }
    return observe(s);
}

ClockState TrustedClock::state() const {
    std::lock_guard lock(m_mutex);
    return m_state;
}

void TrustedClock::setStatePath(std::string path) {
    std::lock_guard lock(m_mutex);
    m_path = std::move(path);
}

std::optional<ClockState> TrustedClock::readStateFile(const std::string& path) {
    const auto text = readFile(path, 64 * 1024);
    if (!text) return std::nullopt;
    try {
        const auto j = nlohmann::json::parse(*text);
        ClockState s;
        s.correcting = j.value("correcting", false);
        s.offset = j.value("offset", UnixSeconds{0});
        s.reason = j.value("reason", std::string());
        s.source = j.value("source", std::string());
        s.https = j.value("https", false);
        s.lastServerTime = j.value("last_server_time", UnixSeconds{0});
        s.lastHttpsServerTime = j.value("last_https_server_time", UnixSeconds{0});
        s.measuredSkew = j.value("measured_skew", UnixSeconds{0});
        return s;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // a damaged file is a clock with no history, not an error
    }
}

bool TrustedClock::load() {
    std::string path;
    {
        std::lock_guard lock(m_mutex);
        path = m_path;
    }
    auto s = readStateFile(path);
    if (!s) return false;
    std::lock_guard lock(m_mutex);
    m_state = *s;
    m_saved = *s;
    return true;
}

void TrustedClock::restore(const ClockState& state) {
    std::lock_guard lock(m_mutex);
    m_state = state;
    m_saved = state;
}

void TrustedClock::saveLocked() const {
    if (m_path.empty()) return;
    const bool same = m_saved.correcting == m_state.correcting && m_saved.reason == m_state.reason &&
                      std::llabs(m_saved.offset - m_state.offset) <= kSaveJitter &&
                      m_state.lastServerTime - m_saved.lastServerTime < kSaveEvery;
    if (same) return;
    nlohmann::json j{{"correcting", m_state.correcting},
                     {"offset", m_state.offset},
                     {"reason", m_state.reason},
                     {"source", m_state.source},
                     {"https", m_state.https},
                     {"last_server_time", m_state.lastServerTime},
                     {"last_https_server_time", m_state.lastHttpsServerTime},
                     {"measured_skew", m_state.measuredSkew}};
    if (writeFileAtomic(m_path, j.dump(2) + "\n")) m_saved = m_state;
}

}  // namespace vt
