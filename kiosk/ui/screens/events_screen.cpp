#include "ui/screens/events_screen.h"
#include "ui/i18n.h"

#include "core/events/event_lookup.h"
#include "core/util/italian_format.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace vt {

namespace {

TimeRange rangeOf(EventsScreen::Range r, UnixSeconds t) {
    switch (r) {
        case EventsScreen::Range::Today:
            return todayRange(t);
        case EventsScreen::Range::Week:
            return weekRange(t);
        case EventsScreen::Range::Month:
            return monthRange(t);
    }
    return todayRange(t);
}

std::string dayText(CivilDate d) {
    return formatDayMonth(d, uiLanguage());
}

float eventCardHeight(const Ui& ui) {
    return std::round(ui.met().mm(9.0f) + ui.fonts().bodyBold->FontSize * 3.15f +
                      ui.fonts().body->FontSize * 1.1f);
}

}  // namespace

std::string eventDayIt(const EventOccurrence& e) {
    const CivilDate first = romeDate(e.start);
    // An all-day end is the next midnight; a timed end a second before the instant.
    const CivilDate last = romeDate(e.end > e.start ? e.end - 1 : e.start);
    if (first == last) return dayText(first);
    return fillIn(tr("da {0} a {1}"), {dayText(first), dayText(last)});
}

std::string eventTimeIt(const EventOccurrence& e) {
    if (e.allDay) return tr("tutto il giorno");
    const CivilDateTime a = romeLocal(e.start);
    std::string s = fillIn(tr("ore {0}"), {formatTime(a.hour, a.minute)});
    if (e.end > e.start) {
        const CivilDateTime b = romeLocal(e.end);
        s += " \xE2\x80\x93 " + formatTime(b.hour, b.minute);
    }
    return s;
}

void EventsScreen::reset() {
    m_range = Range::Today;
    m_listScroller.stop();
}

void EventsScreen::reloadIfNeeded(ScreenEnv& env) {
    const CivilDate today = romeDate(env.ui.now);
    if (m_loadedVersion == env.contentVersion && m_loadedDay == today && m_loadedRange == m_range) return;
    const TimeRange r = rangeOf(m_range, env.ui.now);
    m_events = listEvents(env.db, r.from, r.to);
    // What already ended today is past: a visitor wants what is still to come.
    const UnixSeconds dayStart = romeStartOfDay(today);
    std::erase_if(m_events, [&](const EventOccurrence& e) { return e.end <= dayStart; });
    const TimeRange month = monthRange(env.ui.now);
    m_monthCount = static_cast<int>(listEvents(env.db, std::max(month.from, dayStart), month.to).size());
    m_loadedVersion = env.contentVersion;
    m_loadedDay = today;
    m_loadedRange = m_range;
}

int EventsScreen::upcomingCount(ScreenEnv& env) {
    reloadIfNeeded(env);
    return m_monthCount;
}

void EventsScreen::drawList(ScreenEnv& env) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    reloadIfNeeded(env);
    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(left, env.pos.y + m.mm(5.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().title, p.text, tr("Eventi", kBoth), Role::Heading, width);
    ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
    // Three large tabs; the chosen one is filled and says so in words.
    struct Tab {
        Range range;
        const char* id;
        const char* it;
    };
    static const Tab kTabs[] = {{Range::Today, "##tab-today", tr("Oggi", kMarkOnly)},
                                {Range::Week, "##tab-week", tr("Questa settimana", kMarkOnly)},
                                {Range::Month, "##tab-month", tr("Questo mese", kMarkOnly)}};
    const float tabW = std::floor((width - 2 * m.gap) / 3.0f);
    const float tabH = std::max(m.touchMin * 1.3f, ui.fonts().bodyBold->FontSize * 2.6f);
    const float tabY = ImGui::GetCursorScreenPos().y;
    for (int i = 0; i < 3; ++i) {
        const Tab& t = kTabs[i];
        ImGui::SetCursorScreenPos(ImVec2(left + float(i) * (tabW + m.gap), tabY));
        const bool on = m_range == t.range;
        if (widgets::button(ui, t.id, tr(t.it),
                            on ? std::string(tr(t.it, kOther)) + " \xC2\xB7 " + tr("scelto", kOther)
                               : std::string(tr(t.it, kOther)),
                            ImVec2(tabW, tabH),
                            on ? widgets::ButtonStyle::Primary : widgets::ButtonStyle::Secondary,
                            on ? "\xE2\x9C\x93" : "") &&
            !on) {
            m_range = t.range;
            m_listScroller.stop();
            reloadIfNeeded(env);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(left, tabY + tabH + m.mm(3.0f)));
    const char* heading = m_range == Range::Today  ? tr("Oggi")
                          : m_range == Range::Week ? tr("Questa settimana")
                                                   : tr("Questo mese");
    const std::string count =
        fillIn(m_events.size() == 1 ? tr("{0} evento") : tr("{0} eventi"), {std::to_string(m_events.size())});
    widgets::text(ui, ui.fonts().small, p.textMuted, std::string(heading) + ": " + count, Role::Text, width);
    ImGui::EndGroup();

    const float top = ImGui::GetCursorScreenPos().y + m.mm(2.0f);
    ImGui::SetCursorScreenPos(ImVec2(env.pos.x, top));
    ImGui::BeginChild("##events-list", ImVec2(env.size.x, env.pos.y + env.size.y - top), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    if (m_events.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(left, top + m.mm(6.0f)));
        widgets::text(
            ui, ui.fonts().body, p.text,
            std::string(tr("Nessun evento in programma.")) + "\n" + tr("Nessun evento in programma.", kOther),
            Role::Text, width);
    }
    const float cardH = eventCardHeight(ui);
    int index = 0;
    for (const EventOccurrence& e : m_events) {
        ImGui::SetCursorPosX(left - env.pos.x);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(index++);
        const bool pressed = widgets::card(ui, "##event", ImVec2(width, cardH), widgets::CardStyle::List);
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, m.gap));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 max(pos.x + width, pos.y + cardH);
        const float pad = m.mm(4.0f);
        const float x = pos.x + pad + m.mm(1.5f);
        const float w = width - 2 * pad - m.mm(1.5f);
        float y = pos.y + pad;
        const std::string when = eventDayIt(e) + " \xC2\xB7 " + eventTimeIt(e);
        widgets::clampedText(dl, ui.fonts().bodyBold, p.primary, ImVec2(x, y), w, when, 1);
        y += ui.fonts().bodyBold->FontSize * 1.15f + ui.met().mm(1.0f);
        const std::string title = widgets::displayable(e.summary);
        widgets::clampedText(dl, ui.fonts().bodyBold, p.text, ImVec2(x, y), w, title, 2);
        y += ui.fonts().bodyBold->FontSize * 2.0f;
        const std::string where = e.location.empty() ? "" : widgets::displayable(e.location);
        if (!where.empty())
            widgets::clampedText(dl, ui.fonts().body, p.textMuted, ImVec2(x, y), w,
                                 fillIn(tr("Dove: {0}"), {where}), 1);
        ui.tree.add(Role::ListItem, title, when + (where.empty() ? "" : ". " + where),
                    widgets::visibleRect(pos, max), true);
        if (pressed) {
            m_selected = e;
            m_found = true;
            m_openedKey.clear();
            m_detailScroller.stop();
            env.nav.open({ScreenId::EventDetail, e.start});
        }
    }
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
    m_listScroller.update(ui);
    ImGui::EndChild();
}

void EventsScreen::drawDetail(ScreenEnv& env, const std::string& eventKey) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    if (!eventKey.empty() && (eventKey != m_openedKey || m_openedVersion != env.contentVersion)) {
        // Opened by id (from the search): the next occurrence from the start of today.
        std::int64_t id = 0;
        try {
            id = std::stoll(eventKey);
        } catch (const std::exception&) {
        }
        const std::optional<EventOccurrence> next =
            id > 0 ? nextOccurrence(env.db, id, romeStartOfDay(romeDate(ui.now))) : std::nullopt;
        m_found = next.has_value();
        if (next) m_selected = *next;
        m_openedKey = eventKey;
        m_openedVersion = env.contentVersion;
        m_detailScroller.stop();
    }
    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(env.pos);
    ImGui::BeginChild("##event", env.size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    ImGui::SetCursorPos(ImVec2(left - env.pos.x, m.mm(5.0f)));
    ImGui::BeginGroup();
    const EventOccurrence& e = m_selected;
    if (!m_found) {
        widgets::text(ui, ui.fonts().title, p.text, tr("Evento non disponibile"), Role::Heading, width);
        widgets::text(ui, ui.fonts().body, p.text, tr("Questo evento non \xC3\xA8 pi\xC3\xB9 in programma."),
                      Role::Text, width);
        ImGui::EndGroup();
        m_detailScroller.update(ui);
        ImGui::EndChild();
        return;
    }
    widgets::text(ui, ui.fonts().small, p.primary, tr("EVENTO", kBoth), Role::Text, width);
    widgets::text(ui, ui.fonts().title, p.text,
                  widgets::displayable(e.summary.empty() ? tr("Evento") : e.summary), Role::Heading, width);
    ImGui::Dummy(ImVec2(0, m.mm(3.0f)));
    const auto field = [&](const char* label, const std::string& value) {
        if (value.empty()) return;
        widgets::text(ui, ui.fonts().small, p.textMuted, label, Role::Text, width);
        widgets::text(ui, ui.fonts().bodyBold, p.text, widgets::displayable(value), Role::Text, width);
        ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
    };
    field(tr("Quando", kBoth).c_str(), eventDayIt(e) + ", " + eventTimeIt(e));
    field(tr("Dove", kBoth).c_str(), e.location);
    if (!e.description.empty()) {
        ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
        widgets::text(ui, ui.fonts().body, p.text, widgets::displayable(e.description), Role::Text, width);
    }
    if (e.recurring)
        widgets::text(ui, ui.fonts().small, p.textMuted, tr("Evento che si ripete", kBoth), Role::Text,
                      width);
    ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
    ImGui::EndGroup();
    m_detailScroller.update(ui);
    ImGui::EndChild();
}

}  // namespace vt
