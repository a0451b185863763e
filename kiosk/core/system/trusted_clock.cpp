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
// A voice is remembered this long (by the local clock of its answer).
constexpr UnixSeconds kVoiceMemory = kDay;

// The host of `url` (no user info, no port): answers from one host are one voice.
std::string hostOf(const std::string& url) {
    const auto scheme = url.find("://");
    std::string rest = scheme == std::string::npos ? url : url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const auto at = rest.rfind('@'); at != std::string::npos) rest.erase(0, at + 1);
    if (!rest.empty() && rest.front() == '[') return rest.substr(0, rest.find(']') + 1);
    rest = rest.substr(0, rest.find(':'));
    std::transform(rest.begin(), rest.end(), rest.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return rest;
}

UnixSeconds currentOffset(const ClockState& s) {
    return s.correcting ? s.offset : 0;
}

}  // namespace

std::vector<ClockVoice> unconfirmedVoices(const ClockState& s) {
    std::vector<ClockVoice> out;
    for (const ClockVoice& v : s.voices)
        if (std::llabs(v.skew - currentOffset(s)) > s.threshold) out.push_back(v);
    return out;
}

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

namespace {

std::string describeCorrectionIt(const ClockState& s) {
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

}  // namespace

std::string describeClockIt(const ClockState& s) {
    std::string out = describeCorrectionIt(s);
    for (const ClockVoice& v : unconfirmedVoices(s)) {
        out += ". Non confermato: " + v.source + " (" + v.host + ") indica ";
        out += formatOffset(v.skew - currentOffset(s));
        out +=
            "; l'orologio non cambia e l'albo non viene ripulito con quell'ora finch\xC3\xA9 un'altra "
            "fonte o un manifesto firmato non lo confermano";
    }
    return out;
}

std::string describeClockEn(const ClockState& s) {
    std::string out;
    if (s.correcting) {
        out = "Clock corrected by ";
        out += formatOffset(s.offset);
        out += " from the server (" + s.source + ", reason: " + s.reason + ").";
    } else {
        out = "Clock: agrees with the servers (skew ";
        out += formatOffset(s.measuredSkew);
        out += ").";
    }
    for (const ClockVoice& v : unconfirmedVoices(s)) {
        out += " Unconfirmed: " + v.source + " (" + v.host + ") says ";
        out += formatOffset(v.skew - currentOffset(s));
        out +=
            "; the clock stays and nothing is purged by that time until another host or a signed manifest "
            "confirms it.";
    }
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
    const UnixSeconds floor = floorLocked();
    if (t < floor) {
        m_state.correcting = true;
        m_state.offset = floor - local;
        m_state.reason = "floor";
        t = floor;
        saveLocked();
    }
    return t;
}

UnixSeconds TrustedClock::floorLocked() const {
    return std::max({m_build, m_state.lastServerTime - m_threshold, m_state.notBefore});
}

UnixSeconds TrustedClock::safeTime(UnixSeconds now) const {
    std::lock_guard lock(m_mutex);
    UnixSeconds t = now;
    // A voice saying "earlier" holds deletions back to its time: deleting by the earlier of the
    // two is what both sides of a dispute agree on.
    for (const ClockVoice& v : unconfirmedVoices(m_state))
        t = std::min(t, now + v.skew - currentOffset(m_state));
    return std::max(t, std::min(now, std::max(m_build, m_state.notBefore)));
}

void TrustedClock::acceptLocked(const ClockSample& s, UnixSeconds offset, bool beforeBuild) {
    m_state.source = s.source;
    m_state.https = s.https;
    m_state.lastServerTime = s.serverTime;
    if (s.https) m_state.lastHttpsServerTime = s.serverTime;
    m_state.measuredSkew = s.serverTime - s.localTime;
    if (offset != 0) {
        m_state.correcting = true;
        m_state.offset = offset;
        m_state.reason = beforeBuild ? "before-build" : "skew";
    } else {
        m_state.correcting = false;
        m_state.offset = 0;
        m_state.reason.clear();
    }
}

bool TrustedClock::observe(const ClockSample& s) {
    if (s.serverTime <= 0) return false;                                                  // no Date header
    if (s.serverTime < m_build || s.serverTime > m_build + kMaxAfterBuild) return false;  // absurd
    std::lock_guard lock(m_mutex);
    m_state.threshold = m_threshold;
    // Signed content proves the time was at least its creation: a Date before it is false.
    if (s.serverTime < m_state.notBefore - m_threshold) return false;
    if (!s.https && m_state.lastHttpsServerTime != 0 &&
        std::llabs(s.serverTime - m_state.lastHttpsServerTime) < kHttpsPreference)
        return false;  // an https answer is recent: it wins
    const bool signedOk =
        s.signedContent && s.serverTime >= s.signedCreated - m_threshold && s.serverTime <= s.signedExpires;
    bool force = false;
    if (s.signedContent && s.signedCreated >= m_state.notBefore) {
        force = s.signedCreated != m_state.notBefore || s.signedExpires != m_state.notAfter;
        m_state.notBefore = s.signedCreated;
        m_state.notAfter = s.signedExpires;
    }
    const UnixSeconds skew = s.serverTime - s.localTime;
    // This host's voice replaces its previous one; voices older than a day are forgotten.
    ClockVoice voice{
        s.host.empty() ? s.source : s.host, s.source, s.https, signedOk, skew, s.serverTime, s.localTime};
    auto& voices = m_state.voices;
    voices.erase(std::remove_if(voices.begin(), voices.end(),
                                [&](const ClockVoice& v) {
                                    if (v.host == voice.host) {
                                        force = force || std::llabs(v.skew - skew) > kSaveJitter;
                                        return true;
                                    }
                                    return std::llabs(v.localTime - s.localTime) > kVoiceMemory;
                                }),
                 voices.end());
    voices.push_back(voice);

    const bool beforeBuild = s.localTime < m_build;
    const UnixSeconds target = !beforeBuild && std::llabs(skew) <= m_threshold ? 0 : skew;
    bool accept = std::llabs(target - currentOffset(m_state)) <= m_threshold;  // agrees with the clock
    if (!accept && signedOk) accept = true;  // signed content's own window confirms it
    if (!accept) {
        // Another host agreeing (within the threshold) confirms it, inside what signed content
        // allows.
        const bool bounded = m_state.notAfter == 0 || s.serverTime <= m_state.notAfter;
        for (const ClockVoice& v : voices)
            if (bounded && v.host != voice.host && std::llabs(v.skew - skew) <= m_threshold) accept = true;
    }
    if (!accept) {
        saveLocked(true);
        return false;
    }
    acceptLocked(s, target, beforeBuild);
    saveLocked(force);
    return true;
}

bool TrustedClock::observeAnswer(const std::string& source, const std::string& url, UnixSeconds serverDate) {
    ClockSample s;
    s.source = source;
    s.https = url.rfind("https://", 0) == 0;
    s.host = hostOf(url);
    s.serverTime = serverDate;
    {
        std::lock_guard lock(m_mutex);
        s.localTime = localNow();
    }
    return observe(s);
}

bool TrustedClock::observeSignedAnswer(const std::string& source, const std::string& url,
                                       UnixSeconds serverDate, UnixSeconds created, UnixSeconds expires) {
    ClockSample s;
    s.source = source;
    s.https = url.rfind("https://", 0) == 0;
    s.host = hostOf(url);
    s.serverTime = serverDate;
    s.signedContent = true;
    s.signedCreated = created;
    s.signedExpires = expires;
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
        s.threshold = j.value("threshold", UnixSeconds{120});
        s.notBefore = j.value("not_before", UnixSeconds{0});
        s.notAfter = j.value("not_after", UnixSeconds{0});
        if (const auto v = j.find("voices"); v != j.end() && v->is_array())
            for (const auto& e : *v)
                s.voices.push_back({e.value("host", std::string()), e.value("source", std::string()),
                                    e.value("https", false), e.value("signed", false),
                                    e.value("skew", UnixSeconds{0}), e.value("server_time", UnixSeconds{0}),
                                    e.value("local_time", UnixSeconds{0})});
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

void TrustedClock::saveLocked(bool force) const {
    if (m_path.empty()) return;
    const bool same = !force && m_saved.correcting == m_state.correcting &&
                      m_saved.reason == m_state.reason &&
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
                     {"measured_skew", m_state.measuredSkew},
                     {"threshold", m_state.threshold},
                     {"not_before", m_state.notBefore},
                     {"not_after", m_state.notAfter},
                     {"voices", nlohmann::json::array()}};
    for (const ClockVoice& v : m_state.voices)
        j["voices"].push_back({{"host", v.host},
                               {"source", v.source},
                               {"https", v.https},
                               {"signed", v.signedOk},
                               {"skew", v.skew},
                               {"server_time", v.serverTime},
                               {"local_time", v.localTime}});
    if (writeFileAtomic(m_path, j.dump(2) + "\n")) m_saved = m_state;
}

}  // namespace vt
