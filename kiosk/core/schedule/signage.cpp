#include "core/schedule/signage.h"

#include "core/notices/notice_store.h"

namespace vt {

SignageContext SignageContext::fromConfig(const Config& c) {
    SignageContext ctx;
    ctx.audience.geocodes = c.kiosk.geocodes;
    if (c.kiosk.latitude && c.kiosk.longitude)
        ctx.audience.position = GeoPoint{*c.kiosk.latitude, *c.kiosk.longitude};
    ctx.audience.showExercises = c.kiosk.showExercises;
    ctx.audience.language = c.kiosk.language;
    ctx.holidays = HolidayCalendar(c.town.patronDay);
    std::optional<OpeningHours> sleep;
    if (!c.screen.sleep.empty()) sleep = OpeningHours::parse(c.screen.sleep);  // validated by parseConfig
    ctx.screen = ScreenSchedule(std::move(sleep), ctx.holidays);
    return ctx;
}

AttractPlaylist attractPlaylistAt(const Database& db, UnixSeconds t, const HolidayCalendar& holidays) {
    AttractPlaylist p;
    for (Notice& n : loadNotices(db, t)) {
        p.nextChange = earliest(p.nextChange, n.when.nextChange(t, holidays));
        if (!n.when.activeAt(t, holidays)) continue;
        const int seconds = n.slideSeconds();
        p.slides.push_back({std::move(n), seconds});
    }
    return p;
}

SignageState signageStateAt(const Database& db, const SignageContext& ctx, UnixSeconds t) {
    SignageState s;
    s.alerts = activeAlertsAt(db, ctx.audience, t);
    if (!s.alerts.empty() && s.alerts.front().takeover) s.takeover = s.alerts.front();
    s.asleep = !s.takeover && ctx.screen.isAsleep(t);
    s.playlist = attractPlaylistAt(db, t, ctx.holidays);
    s.nextChange = earliest(earliest(nextAlertChange(db, ctx.audience, t), ctx.screen.nextChange(t)),
                            s.playlist.nextChange);
    return s;
}

}  // namespace vt
