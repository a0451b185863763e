// parseCalendar (libical) reports bad events; expanding each event over a fixed year must not
// crash either (RRULEs from the input).
#include "core/events/events.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const vt::CalendarParse p = vt::parseCalendar(vt::fuzz::bytes(data, size), "fuzz.ics");
    const vt::UnixSeconds from = 1767222000;  // 2026-01-01 Europe/Rome
    for (const vt::CalendarEvent& e : p.events) (void)vt::expandEvent(e, from, from + 366 * 86400);
    return 0;
}
