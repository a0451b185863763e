#include "ui/kiosk_ui.h"

#include "core/a11y/reach.h"
#include "core/system/heap.h"
#include "ui/chrome.h"
#include "ui/i18n.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace vt {

namespace {

void beginKioskWindow(ImVec2 origin, ImVec2 area) {
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSize(area);
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
}

}  // namespace

void KioskUi::frame(Ui& ui) {
    ui.tree.beginFrame();
    setUiLanguage(m_session.language);
    const ImGuiIO& io = ImGui::GetIO();
    placeInReach(ui);
    beginKioskWindow(m_origin, m_area);
    if (m_actions.syncOverview && (m_syncDirty || ui.now / 60 != m_syncMinute)) {
        m_sync = m_actions.syncOverview();
        m_syncDirty = false;
        m_syncMinute = ui.now / 60;
    }
    if (m_startedAt == 0) m_startedAt = ui.now;
    if (m_lastActivity == 0) m_lastActivity = ui.now;
    refreshSignage(ui);
    const bool touchedNow = io.MouseClicked[0];
    const bool inputActive = io.MouseDown[0] || io.MouseReleased[0];
    const ImVec2 display = m_area;

    // `vetrina shoot --screen attract|alert`: states rather than places.
    if (m_nav.current().screen == ScreenId::Attract) {
        m_nav.home();
        m_attract = true;
        m_attractSince = ui.time;
    } else if (m_nav.current().screen == ScreenId::Alert) {
        m_nav.home();
        if (!m_signage.takeover && !m_signage.alerts.empty())
            m_openedAlertUid = m_signage.alerts.front().alert.uid();
    }

    // 1. An alert that takes over: above everything (attract loop, keypad, maintenance included).
    const ShownAlert* shown = nullptr;
    bool fromBanner = false;
    if (m_signage.takeover && !m_acknowledged.count(m_signage.takeover->alert.uid())) {
        shown = &*m_signage.takeover;
    } else if (!m_openedAlertUid.empty()) {
        for (const ShownAlert& a : m_signage.alerts)
            if (a.alert.uid() == m_openedAlertUid) shown = &a, fromBanner = true;
        if (!shown) m_openedAlertUid.clear();
    }
    if (shown) {
        const std::string uid = shown->alert.uid();
        if (m_takeoverUid != uid) {
            m_takeoverUid = uid;
            m_takeoverSince = ui.time;
            m_alertView.resetScroll();
        }
        if (inputActive) m_lastActivity = ui.now;  // someone is reading it
        logShown(*shown);
        const double shownFor = fromBanner ? kTakeoverReadSeconds : ui.time - m_takeoverSince;
        if (m_alertView.drawTakeover(ui, *shown, shownFor, m_origin, display)) {
            m_acknowledged.insert(uid);
            m_openedAlertUid.clear();
            m_takeoverUid.clear();
            m_attract = false;
            m_lastActivity = ui.now;
        }
        ImGui::End();
        return;
    }
    m_takeoverUid.clear();
    // 1b. The maintenance panel's test alert, below a real takeover: never logged as shown.
    if (drawTestAlert(ui, inputActive)) {
        ImGui::End();
        return;
    }

    // 2. Nobody there: the dark screen of the sleep hours, or the attract loop. The touch that
    // ends either is not a tap on what comes next (this frame draws nothing else).
    if (m_attract) {
        const bool asleep = m_signage.asleep;
        if (touchedNow && (!asleep || m_config.screen.wakeOnTouch)) {
            m_attract = false;
            m_lastActivity = ui.now;
            ui.wantsFrames = true;
            ImGui::End();
            return;
        }
        if (asleep) {
            ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize,
                                                          IM_COL32(0, 0, 0, 255));
            ui.tree.add(Role::Status, tr("Schermo a riposo"),
                        std::string(tr("Schermo a riposo")) + " \xC2\xB7 " + tr("Schermo a riposo", kOther),
                        {0, 0, display.x, display.y}, m_config.screen.wakeOnTouch);
            ui.asleep = true;
            ImGui::End();
            return;
        }
        ScreenEnv env{ui,       m_nav, m_session,        m_actions, m_sync,
                      m_config, m_db,  m_contentVersion, m_origin,  display};
        const float bannerH = alertBannerHeight(ui, m_signage.alerts.size());
        if (bannerH > 0) {
            drawAlertBanner(ui, m_signage.alerts, m_origin, display.x);  // a touch anywhere starts
            for (const ShownAlert& a : m_signage.alerts) logShown(a);
            env.pos.y += bannerH;
            env.size.y -= bannerH;
        }
        ImGui::SetCursorScreenPos(env.pos);
        m_attractView.draw(env, ui.time - m_attractSince);
        ImGui::End();
        return;
    }

    // 3. In use: the idle warning, then the reset.
    const int idle = m_config.kiosk.idleSeconds;
    const UnixSeconds warnAt = idle - kIdleWarningSeconds;
    // The keypad has its own lock-out timing; the warning never covers it.
    const bool warningWasUp = !m_keypadOpen && ui.now - m_lastActivity >= warnAt;
    if (inputActive) m_lastActivity = ui.now;
    if (warningWasUp && touchedNow) {
        // "Sì, continuo" or a touch anywhere: the session goes on; the touch is not a tap below.
        ui.wantsFrames = true;
        ImGui::End();
        return;
    }
    const UnixSeconds idleFor = ui.now - m_lastActivity;
    if (idleFor >= idle && !m_keypadOpen) {
        resetSession();
        m_attract = true;
        m_attractSince = ui.time;
        ui.wantsFrames = true;
        ImGui::End();
        return;
    }
    drawScreens(ui);
    ImGui::End();
}

void KioskUi::drawScreens(Ui& ui) {
    m_nav.consumeChanged();
    const Metrics& m = ui.met();
    const bool atHome = m_nav.current().screen == ScreenId::Home;
    const float headerH = m.headerHeight;
    const float navH = atHome ? 0.0f : m.navHeight;
    const float bannerH = alertBannerHeight(ui, m_signage.alerts.size());
    const ImVec2 origin = m_origin, area = m_area;
    ScreenEnv env{ui,
                  m_nav,
                  m_session,
                  m_actions,
                  m_sync,
                  m_config,
                  m_db,
                  m_contentVersion,
                  ImVec2(origin.x, origin.y + headerH + bannerH),
                  ImVec2(area.x, area.y - headerH - bannerH - navH)};
    drawHeader(env, origin, ImVec2(area.x, headerH));
    if (bannerH > 0) {
        const int tapped =
            drawAlertBanner(ui, m_signage.alerts, ImVec2(origin.x, origin.y + headerH), area.x);
        for (const ShownAlert& a : m_signage.alerts) logShown(a);
        if (tapped >= 0) m_openedAlertUid = m_signage.alerts[static_cast<size_t>(tapped)].alert.uid();
    }
    detectMaintenanceGesture(ui);
    const Route route = m_nav.current();
    if (route.screen != m_lastScreen) {
        // Leaving the search finishes its query; going home forgets this visitor's choices.
        if (m_lastScreen == ScreenId::Search) m_search.leave(m_actions);
        if (route.screen == ScreenId::Home) {
            m_search.reset();
            m_services.reset();
            m_maintenance.reset();
        }
        m_lastScreen = route.screen;
        if (m_actions.screenOpened) {
            const std::string name = routeName(route);
            m_actions.screenOpened(name.substr(0, name.find(':')));
        }
    }
    if (m_keypadOpen) {
        // Nothing else on screen answers while the keypad is open.
        env.size.y += navH;
        const PinKeypad::Outcome o = m_keypad.draw(env, m_pin);
        if (o != PinKeypad::Outcome::Open) m_keypadOpen = false;
        if (o == PinKeypad::Outcome::Granted) m_nav.open({ScreenId::Maintenance, 0, {}});
        return;
    }
    const int idle = m_config.kiosk.idleSeconds;
    const UnixSeconds idleFor = ui.now - m_lastActivity;
    const UnixSeconds warnAt = idle - kIdleWarningSeconds;
    if (idleFor >= warnAt) {
        env.size.y += navH;
        drawIdleWarning(env, idle - idleFor);
        ui.requestFrameIn(1.0);  // the countdown
        return;
    }
    ui.requestFrameIn(double(warnAt - idleFor));
    switch (route.screen) {
        case ScreenId::Home:
        case ScreenId::Attract:
        case ScreenId::Alert: {
            const HomeScreen::Counts counts{m_notices.count(env), m_events.upcomingCount(env),
                                            m_offices.count(env)};
            m_home.draw(env, counts);
            break;
        }
        case ScreenId::AlboList:
            m_albo.draw(env, route);
            break;
        case ScreenId::ActDetail:
            m_act.draw(env, route.id);
            break;
        case ScreenId::PdfViewer:
            m_pdf.draw(env, route);
            break;
        case ScreenId::Services:
            m_services.draw(env);
            break;
        case ScreenId::SheetList:
            m_sheetList.draw(env, route.key);
            break;
        case ScreenId::SheetDetail:
            m_sheet.draw(env, route.key);
            break;
        case ScreenId::Search:
            m_search.draw(env, route.key);
            break;
        case ScreenId::Notices:
            m_notices.drawList(env);
            break;
        case ScreenId::NoticeDetail:
            m_notices.drawDetail(env, route.id);
            break;
        case ScreenId::Events:
            m_events.drawList(env);
            break;
        case ScreenId::EventDetail:
            m_events.drawDetail(env, route.key);
            break;
        case ScreenId::Offices:
            m_offices.draw(env, route.key);
            break;
        case ScreenId::Maintenance:
            env.size.y += navH;
            if (m_maintenance.draw(env, m_startedAt)) m_nav.home();
            break;
    }
    if (route.screen != ScreenId::PdfViewer) m_pdf.leave(ui);
    if (!atHome && route.screen != ScreenId::Maintenance)
        drawNavBar(env, ImVec2(origin.x, origin.y + area.y - navH), ImVec2(area.x, navH));
}

void KioskUi::placeInReach(Ui& ui) {
    // The kiosk's area: the whole picture, or in reach mode only the band 380-1220 mm above the
    // floor, so a seated user can reach every control; above it, a plain panel says why.
    const ImGuiIO& io = ImGui::GetIO();
    m_origin = ImVec2(0, 0);
    m_area = io.DisplaySize;
    if (!m_session.reach) return;
    const ReachBand band =
        reachBand(static_cast<int>(io.DisplaySize.y), ui.met().pxPerMm, m_config.display.mountBottomMm);
    if (band.whole) return;
    m_origin.y = band.top;
    m_area.y = band.bottom - band.top;
    ImDrawList* bg = ImGui::GetBackgroundDrawList();
    bg->AddRectFilled(ImVec2(0, 0), ImVec2(io.DisplaySize.x, band.top), ui.pal().primaryLight);
    if (band.bottom < io.DisplaySize.y)
        bg->AddRectFilled(ImVec2(0, band.bottom), io.DisplaySize, ui.pal().primaryLight);
    const std::string noteText = std::string(tr("Modalit\xC3\xA0 a portata di mano")) +
                                 " \xE2\x86\x93 \xC2\xB7 " + tr("A portata di mano", kOther);
    const char* note = noteText.c_str();
    ImFont* f = ui.fonts().bodyBold;
    const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, note);
    if (band.top > ts.y + ui.met().mm(4.0f))
        bg->AddText(f, f->FontSize,
                    ImVec2((io.DisplaySize.x - ts.x) * 0.5f, band.top - ts.y - ui.met().mm(3.0f)),
                    ui.pal().primaryDark, note);
}

void KioskUi::drawIdleWarning(ScreenEnv& env, UnixSeconds left) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float x = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(x, env.pos.y + std::max(m.mm(20.0f), env.size.y * 0.2f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().title, p.text, tr("Sei ancora l\xC3\xAC?"), Role::Heading, width);
    widgets::text(ui, ui.fonts().body, p.textMuted, tr("Sei ancora l\xC3\xAC?", kOther), Role::Text, width);
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
    const long secs = std::max(0L, static_cast<long>(left));
    widgets::text(ui, ui.fonts().bodyBold, p.text,
                  fillIn(secs == 1 ? tr("Tra {0} secondo si torna all'inizio e le tue scelte si cancellano.")
                                   : tr("Tra {0} secondi si torna all'inizio e le tue scelte si cancellano."),
                         {std::to_string(secs)}),
                  Role::Text, width);
    widgets::text(ui, ui.fonts().small, p.textMuted,
                  fillIn(tr("Tra {0} s si ricomincia.", kOther), {std::to_string(secs)}), Role::Text, width);
    ImGui::Dummy(ImVec2(0, m.mm(8.0f)));
    const float bh = std::max(m.touchMin * 1.6f, ui.fonts().bodyBold->FontSize * 3.0f);
    widgets::button(ui, "##still-here", tr("S\xC3\xAC, continuo"), tr("S\xC3\xAC, continuo", kOther),
                    ImVec2(width, bh));
    ImGui::EndGroup();
}

void KioskUi::refreshSignage(Ui& ui) {
    const CivilDate day = romeDate(ui.now);
    const bool due = m_signage.nextChange && ui.now >= *m_signage.nextChange;
    if (m_signageVersion != m_contentVersion || !(m_signageDay == day) || due) {
        m_signage = signageStateAt(m_db, m_signageCtx, ui.now);
        const TimeRange today = todayRange(ui.now);
        std::vector<EventOccurrence> events = listEvents(m_db, today.from, today.to);
        std::erase_if(events, [&](const EventOccurrence& e) { return e.end <= ui.now; });
        m_attractView.setContent(m_signage.playlist, std::move(events));
        m_signageVersion = m_contentVersion;
        m_signageDay = day;
    }
    // Wake for the next change by time alone (an alert's start, a notice's daypart, sleep hours).
    if (m_signage.nextChange)
        ui.requestFrameIn(double(std::max<UnixSeconds>(0, *m_signage.nextChange - ui.now)));
    ui.requestFrameIn(double(romeStartOfDay(addDays(day, 1)) - ui.now));
}

bool KioskUi::drawTestAlert(Ui& ui, bool inputActive) {
    if (m_maintenance.takeTestAlertRequest()) {
        m_testAlert = makeTestAlert(ui.now);
        m_testAlertSince = ui.time;
        m_alertView.resetScroll();
        if (m_actions.speak) m_actions.speak(testAlertSpeech(), false);  // the audio check
    }
    if (!m_testAlert) return false;
    if (inputActive) m_lastActivity = ui.now;
    if (m_alertView.drawTakeover(ui, *m_testAlert, ui.time - m_testAlertSince, m_origin, m_area)) {
        m_testAlert.reset();
        m_lastActivity = ui.now;
        if (m_actions.stopSpeaking) m_actions.stopSpeaking();
    }
    return true;
}

void KioskUi::logShown(const ShownAlert& a) {
    const std::string uid = a.alert.uid();
    if (!m_logged.insert(uid).second) return;
    if (m_actions.alertShown) m_actions.alertShown(uid);
}

void KioskUi::resetSession() {
    m_session = Session{};
    m_nav.home();
    m_events.reset();
    m_keypadOpen = false;
    m_openedAlertUid.clear();
    m_acknowledged.clear();  // the next visitor sees a takeover whole, not just its banner
    if (m_actions.stopSpeaking) m_actions.stopSpeaking();
    // Every list back at the top.
    for (ImGuiWindow* w : GImGui->Windows) {
        w->Scroll = ImVec2(0, 0);
        w->ScrollTarget = ImVec2(FLT_MAX, FLT_MAX);
    }
    // The visitor's allocations (results, pages, larger fonts) are free now: give the pages back
    // so resident memory does not climb in steps over months (core/system/heap.h).
    releaseFreeHeap();
}

void KioskUi::detectMaintenanceGesture(Ui& ui) {
    const ImGuiIO& io = ImGui::GetIO();
    const float corner = ui.met().mm(25.0f);
    const ImVec2 start = io.MouseClickedPos[0];
    const bool inCorner = io.MouseDown[0] && start.x >= 0 && start.y >= 0 && start.x < corner &&
                          start.y < std::max(corner, ui.met().headerHeight) &&
                          io.MouseDragMaxDistanceSqr[0] < corner * corner;
    if (!inCorner || m_keypadOpen) return;
    ui.wantsFrames = true;  // keep time running while the finger rests there
    // Without a configured PIN nothing happens: there is no default way in.
    if (io.MouseDownDuration[0] >= 5.0f && m_pin.configured()) {
        m_keypadOpen = true;
        m_keypad.reset();
    }
}

}  // namespace vt
