// The whole kiosk interface for one frame: header, the current screen, navigation bar.
// It reads the store through core only; the platform layer owns the window and the loop.
#pragma once

#include "core/maintenance/pin_guard.h"
#include "ui/kiosk_actions.h"
#include "ui/navigation.h"
#include "ui/pin_keypad.h"
#include "ui/screens/maintenance_screen.h"
#include "ui/screen_env.h"
#include "ui/screens/act_screen.h"
#include "ui/screens/albo_screen.h"
#include "ui/screens/home_screen.h"
#include "ui/screens/pdf_screen.h"
#include "ui/screens/search_screen.h"
#include "ui/screens/services_screen.h"
#include "ui/screens/sheet_list_screen.h"
#include "ui/screens/sheet_screen.h"
#include "ui/session.h"

namespace vt {

class KioskUi {
public:
    KioskUi(const Config& config, const Database& db)
        : m_config(config), m_db(db), m_pin(config.maintenance.pinHash) {}

    // Draws one frame; call between ImGui::NewFrame() and ImGui::Render().
    void frame(Ui& ui);
    Navigator& nav() { return m_nav; }
    Session& session() { return m_session; }
    const Session& session() const { return m_session; }
    // The store changed (an import or a sync): screens reload what they show.
    void contentChanged() {
        ++m_contentVersion;
        m_syncDirty = true;
    }
    void setActions(KioskActions actions) { m_actions = std::move(actions); }
    void setStartTime(UnixSeconds t) { m_startedAt = t; }
    bool pinKeypadOpen() const { return m_keypadOpen; }
    // The executable that renders PDF pages in a child (`vetrina pdf-render`): the running
    // kiosk by default; journeys pass the built binary.
    void setPdfHelper(std::string helper) { m_pdf.setHelper(std::move(helper)); }
    const AlboScreen& albo() const { return m_albo; }
    const PdfScreen& pdf() const { return m_pdf; }

private:
    // The hidden gesture: a long press in the top-left corner opens the PIN keypad.
    void detectMaintenanceGesture(Ui& ui);

    const Config& m_config;
    const Database& m_db;
    Navigator m_nav;
    Session m_session;
    std::uint64_t m_contentVersion = 1;
    HomeScreen m_home;
    AlboScreen m_albo;
    ActScreen m_act;
    PdfScreen m_pdf;
    ServicesScreen m_services;
    SheetListScreen m_sheetList;
    SheetScreen m_sheet;
    SearchScreen m_search;
    ScreenId m_lastScreen = ScreenId::Home;
    PinGuard m_pin;
    PinKeypad m_keypad;
    bool m_keypadOpen = false;
    MaintenanceScreen m_maintenance;
    KioskActions m_actions;
    UnixSeconds m_startedAt = 0;
    SyncOverview m_sync;
    bool m_syncDirty = true;
    UnixSeconds m_syncMinute = -1;
};

}  // namespace vt
