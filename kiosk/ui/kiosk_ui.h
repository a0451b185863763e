// The whole kiosk interface for one frame: header, alert banner, the current screen, navigation
// bar; over them the alert takeover, the idle warning, the attract loop and the dark screen of
// the sleep hours. It reads the store through core only; the platform layer owns the window and
// the loop.
#pragma once

#include "core/maintenance/pin_guard.h"
#include "core/schedule/signage.h"
#include "ui/alert_view.h"
#include "ui/attract_view.h"
#include "ui/kiosk_actions.h"
#include "ui/navigation.h"
#include "ui/pin_keypad.h"
#include "ui/screen_env.h"
#include "ui/screens/act_screen.h"
#include "ui/screens/albo_screen.h"
#include "ui/screens/events_screen.h"
#include "ui/screens/home_screen.h"
#include "ui/screens/maintenance_screen.h"
#include "ui/screens/notices_screen.h"
#include "ui/screens/offices_screen.h"
#include "ui/screens/pdf_screen.h"
#include "ui/screens/search_screen.h"
#include "ui/screens/services_screen.h"
#include "ui/screens/sheet_list_screen.h"
#include "ui/screens/sheet_screen.h"
#include "ui/session.h"
#include "ui/test_alert.h"

#include <optional>
#include <set>
#include <string>

namespace vt {

// The "Are you still there?" warning comes this long before the idle reset.
constexpr int kIdleWarningSeconds = 10;

class KioskUi {
public:
    KioskUi(const Config& config, const Database& db)
        : m_config(config),
          m_db(db),
          // The wrong-PIN count survives a restart (pulling the plug gives no new attempts).
          m_pin(config.maintenance.pinHash, config.dataDir.empty() ? "" : config.dataDir + "/pin-lockout"),
          m_signageCtx(SignageContext::fromConfig(config)) {}

    // Draws one frame; call between ImGui::NewFrame() and ImGui::Render().
    void frame(Ui& ui);
    Navigator& nav() { return m_nav; }
    Session& session() { return m_session; }
    const Session& session() const { return m_session; }
    // The store changed (an import or a sync): screens, the signage state and the header's
    // sync status reload.
    void contentChanged() {
        ++m_contentVersion;
        m_syncDirty = true;
    }
    void setActions(KioskActions actions) { m_actions = std::move(actions); }
    void setStartTime(UnixSeconds t) { m_startedAt = t; }
    bool pinKeypadOpen() const { return m_keypadOpen; }
    bool attractPlaying() const { return m_attract; }
    // The executable that renders PDF pages in a child (`vetrina pdf-render`): the running
    // kiosk by default; journeys pass the built binary.
    void setPdfHelper(std::string helper) { m_pdf.setHelper(std::move(helper)); }
    const AlboScreen& albo() const { return m_albo; }
    const PdfScreen& pdf() const { return m_pdf; }

private:
    // The hidden gesture: a long press in the top-left corner opens the PIN keypad.
    void detectMaintenanceGesture(Ui& ui);
    void refreshSignage(Ui& ui);
    // A new visitor: Home, default text size, contrast and language, lists at the top.
    void resetSession();
    void logShown(const ShownAlert& a);
    // Maintenance's "Mostra un avviso di prova": true while the test takeover is on screen.
    bool drawTestAlert(Ui& ui, bool inputActive);
    // Draws the normal screens (header, banner, screen, nav bar).
    void placeInReach(Ui& ui);
    void drawScreens(Ui& ui);
    void drawIdleWarning(ScreenEnv& env, UnixSeconds left);

    const Config& m_config;
    const Database& m_db;
    Navigator m_nav;
    Session m_session;
    std::uint64_t m_contentVersion = 1;
    HomeScreen m_home;
    AlboScreen m_albo;
    ActScreen m_act;
    NoticesScreen m_notices;
    EventsScreen m_events;
    OfficesScreen m_offices;
    PdfScreen m_pdf;
    ServicesScreen m_services;
    SheetListScreen m_sheetList;
    SheetScreen m_sheet;
    SearchScreen m_search;
    ScreenId m_lastScreen = ScreenId::Home;
    // The area the kiosk draws in: the whole picture, or the reach band (see placeInReach).
    ImVec2 m_origin{0, 0}, m_area{0, 0};
    SyncOverview m_sync;
    bool m_syncDirty = true;
    UnixSeconds m_syncMinute = -1;
    PinGuard m_pin;
    PinKeypad m_keypad;
    bool m_keypadOpen = false;
    MaintenanceScreen m_maintenance;
    KioskActions m_actions;
    UnixSeconds m_startedAt = 0;

    // Signage: evaluated on content changes and at its nextChange, never per frame.
    SignageContext m_signageCtx;
    SignageState m_signage;
    std::uint64_t m_signageVersion = 0;
    CivilDate m_signageDay;
    AlertView m_alertView;
    AttractView m_attractView;
    std::set<std::string> m_acknowledged;  // takeovers closed with "Ho capito" by this visitor
    std::set<std::string> m_logged;        // alerts already reported to alertShown
    std::string m_takeoverUid;
    double m_takeoverSince = 0;
    std::string m_openedAlertUid;           // an alert reopened from the banner
    std::optional<ShownAlert> m_testAlert;  // maintenance's test alert, until "Ho capito"
    double m_testAlertSince = 0;

    // Idle: the last touch; after idle_seconds the session resets and the loop plays.
    UnixSeconds m_lastActivity = 0;
    bool m_idleReset = false;
    bool m_attract = false;
    double m_attractSince = 0;
};

}  // namespace vt
