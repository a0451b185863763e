// What the screens show at an instant, and until when, for the UI to sleep until then:
// the alert takeover (above everything, it also wakes a sleeping screen), the screen's sleep
// hours (black screen), and the attract loop's playlist of notice slides.
#pragma once

#include "core/alerts/alert_store.h"
#include "core/config/config.h"
#include "core/notices/notice.h"
#include "core/schedule/opening_hours.h"
#include "core/store/database.h"

#include <optional>
#include <vector>

namespace vt {

// Sleep hours from the config, in opening_hours syntax ("Mo-Su 23:00-06:30; Su 20:00-08:00").
class ScreenSchedule {
public:
    ScreenSchedule() = default;
    ScreenSchedule(std::optional<OpeningHours> sleep, HolidayCalendar holidays)
        : m_sleep(std::move(sleep)), m_holidays(holidays) {}
    bool isAsleep(UnixSeconds t) const { return m_sleep && m_sleep->isOpen(t, m_holidays); }
    std::optional<UnixSeconds> nextChange(UnixSeconds t) const {
        return m_sleep ? m_sleep->nextChange(t, m_holidays) : std::nullopt;
    }

private:
    std::optional<OpeningHours> m_sleep;
    HolidayCalendar m_holidays;
};

struct Slide {
    Notice notice;
    int seconds = 8;
};

struct AttractPlaylist {
    std::vector<Slide> slides;              // highest priority first, then newest
    std::optional<UnixSeconds> nextChange;  // a notice starts or stops (validity or daypart)
};

// Everything the signage side needs from the config.
struct SignageContext {
    AlertAudience audience;
    HolidayCalendar holidays;
    ScreenSchedule screen;
    static SignageContext fromConfig(const Config& config);
};

AttractPlaylist attractPlaylistAt(const Database& db, UnixSeconds t, const HolidayCalendar& holidays);

struct SignageState {
    std::optional<ShownAlert> takeover;
    std::vector<ShownAlert> alerts;  // all alerts on (takeover first)
    bool asleep = false;             // false whenever an alert takes over
    AttractPlaylist playlist;
    // The next instant any of the above changes by time alone; the UI can sleep until then
    // (a sync result wakes it earlier).
    std::optional<UnixSeconds> nextChange;
};

SignageState signageStateAt(const Database& db, const SignageContext& ctx, UnixSeconds t);

}  // namespace vt
