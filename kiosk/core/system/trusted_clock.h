// The kiosk's wall clock. A board with no RTC boots in 1970 (or at the last saved time) after a
// power cut, and a clock that drifted makes acts and alerts appear on the wrong day: so every
// answer of a server (the HTTP `Date` header of a sync or a fleet report) is compared with the
// local clock, and the kiosk uses local + offset for publication windows, alerts and schedules.
//
// A Date header is not signed: one server (a hostile or broken feed) must not move the clock,
// since the albo purge deletes by it. Rules (see observe()):
// - a sample with no Date, one before the build date or more than 30 years after it, or one
//   before the creation of a signed manifest already seen, is ignored;
// - an https answer is preferred: a plain (loopback) http answer is used only when no https
//   answer came in the last day;
// - an answer within the threshold of the clock in use is accepted as it is (NTP-size drift);
// - a larger correction needs confirmation: the answer that carried a verified, accepted signed
//   manifest whose signed creation <= Date <= signed expiry, or two servers on different hosts
//   agreeing within the threshold (then it may not go past the expiry of the last accepted
//   manifest). Until then it is "unconfirmed": the clock does not move, status says so, and
//   safeTime() keeps deletions at the earliest time the voices allow;
// - the corrected time never goes back before the last accepted answer nor before the creation
//   of the newest signed manifest seen. The state is kept in <data>/clock.json so a restart
//   without network keeps the correction and the disputes.
#pragma once

#include "core/util/civil_time.h"

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vt {

// When this binary was built (from the compiler's __DATE__, UTC midnight).
UnixSeconds buildTime();
// The earliest "now" the kiosk believes: the build date, or a pinned board clock before it
// (board_clock.h).
UnixSeconds earliestTrustedTime();

struct ClockSample {
    std::string source;          // "albo", "fleet"... for status
    bool https = false;          // a verified TLS answer (plain loopback http counts less)
    UnixSeconds serverTime = 0;  // the parsed Date header; 0: none
    UnixSeconds localTime = 0;   // the raw local clock when the answer arrived
    // Answers from one host count as one voice ("" : the source name).
    std::string host;
    // The answer carried a verified signed manifest that passed the expiry and rollback checks:
    // its signed creation and expiry bound the Date, and inside them it confirms alone.
    bool signedContent = false;
    UnixSeconds signedCreated = 0;
    UnixSeconds signedExpires = 0;
};

// The latest answer of one host, kept for a day: what confirms or disputes a correction.
struct ClockVoice {
    std::string host;
    std::string source;
    bool https = false;
    bool signedOk = false;  // its Date was inside its signed manifest's window
    UnixSeconds skew = 0;   // server - local
    UnixSeconds serverTime = 0;
    UnixSeconds localTime = 0;
};

struct ClockState {
    bool correcting = false;  // now() is not the local clock
    UnixSeconds offset = 0;   // added to the local clock
    std::string reason;       // "skew", "before-build", "floor" (clock went back), or ""
    std::string source;       // where the last accepted answer came from
    bool https = false;
    UnixSeconds lastServerTime = 0;  // the last accepted answer (server time)
    UnixSeconds lastHttpsServerTime = 0;
    UnixSeconds measuredSkew = 0;  // server - local at the last accepted answer
    UnixSeconds threshold = 120;   // the clock's threshold, for readers of the saved file
    UnixSeconds notBefore = 0;     // the newest signed manifest's creation: now >= this
    UnixSeconds notAfter = 0;      // that manifest's expiry: bounds corrections by agreement
    std::vector<ClockVoice> voices;
};

// The voices whose Date differs from the clock in use by more than the threshold: a correction
// that is not confirmed.
std::vector<ClockVoice> unconfirmedVoices(const ClockState& s);

// Plain words for maintenance and status: "Orologio corretto di +3 h 12 min dal server (albo)",
// followed by the unconfirmed voices, if any.
std::string describeClockIt(const ClockState& s);
std::string describeClockEn(const ClockState& s);
// "+3 h 12 min", "-45 s".
std::string formatOffset(UnixSeconds offset);
// The HTTP Date header (RFC 1123) as Unix seconds; nullopt when absent or unreadable.
std::optional<UnixSeconds> parseHttpDate(const std::string& header);

// "Now" as the kiosk whose data folder is `dataDir` sees it: the board clock with the correction
// saved in <dataDir>/clock.json. It never writes: for the commands that look (list, search,
// status, shoot, play) and for import, so that every command shares the kiosk's one clock.
UnixSeconds kioskNow(const std::string& dataDir, int thresholdSeconds = 120);

class TrustedClock {
public:
    using LocalClock = std::function<UnixSeconds()>;
    // thresholdSeconds: local clocks off by less are trusted as they are (NTP does the rest).
    // The local clock is the board clock (board_clock.h) unless a test gives its own.
    explicit TrustedClock(int thresholdSeconds = 120, UnixSeconds buildDate = earliestTrustedTime(),
                          LocalClock local = {});

    // The corrected time: what the kiosk uses as "now". Thread-safe.
    UnixSeconds now() const;
    // One server answer. Returns true when it was accepted (it may or may not change the offset).
    bool observe(const ClockSample& sample);
    // The same for an answer that just arrived from `url` (https or not) with its Date header.
    bool observeAnswer(const std::string& source, const std::string& url, UnixSeconds serverDate);
    // The answer that carried a verified manifest, accepted (not expired, not a rollback) by the
    // clock in use before this answer: its signed creation and expiry bound the Date.
    bool observeSignedAnswer(const std::string& source, const std::string& url, UnixSeconds serverDate,
                             UnixSeconds created, UnixSeconds expires);
    // The time for what deletes by the clock (the albo purge, dropping expired alerts): `now`, or
    // earlier when an unconfirmed voice says it is earlier; never before what is proven.
    UnixSeconds safeTime(UnixSeconds now) const;
    ClockState state() const;

    // <data>/clock.json: load() restores a saved state; observe() saves on change through save().
    void setStatePath(std::string path);
    bool load();
    static std::optional<ClockState> readStateFile(const std::string& path);
    // Takes a saved state without a path to save to: the clock of a command that only reads.
    void restore(const ClockState& state);

private:
    UnixSeconds localNow() const;
    void saveLocked(bool force = false) const;
    UnixSeconds floorLocked() const;
    void acceptLocked(const ClockSample& s, UnixSeconds offset, bool beforeBuild);

    mutable std::mutex m_mutex;
    int m_threshold;
    UnixSeconds m_build;
    LocalClock m_local;
    mutable ClockState m_state;
    std::string m_path;
    mutable ClockState m_saved;
};

}  // namespace vt
