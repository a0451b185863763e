// OpeningHours::parse throws OpeningHoursError on bad text (documented); anything else escaping,
// or a crash in statusAt/spans at a fixed instant, is a bug.
#include "core/schedule/opening_hours.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const vt::HolidayCalendar holidays(vt::CivilDate{2026, 6, 12});
    const vt::UnixSeconds t = 1779012000;  // 2026-05-17 12:00 Europe/Rome
    try {
        const vt::OpeningHours h = vt::OpeningHours::parse(vt::fuzz::bytes(data, size));
        (void)h.statusAt(t, holidays);
        (void)h.spans(t, t + 7 * 86400, holidays);
    } catch (const vt::OpeningHoursError&) {
    }
    return 0;
}
