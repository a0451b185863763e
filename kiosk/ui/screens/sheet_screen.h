// One service sheet: title, the body that provides it, its status, buttons that jump to each
// section, the sections in the national order, the office, and the online link as a QR code.
#pragma once

#include "core/offices/office.h"
#include "core/qr/qr_code.h"
#include "core/sheets/sheet.h"
#include "ui/feedback_faces.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <optional>
#include <string>
#include <vector>

namespace vt {

class SheetScreen {
public:
    void draw(ScreenEnv& env, const std::string& sheetId);

private:
    void reload(ScreenEnv& env, const std::string& sheetId);
    void drawJumpButtons(Ui& ui, float width);
    void drawSection(Ui& ui, const SheetSection& s, float width);
    void drawOnline(Ui& ui, float width);
    void drawOffice(Ui& ui, float width);

    std::optional<Sheet> m_sheet;
    std::optional<Office> m_office;
    std::optional<CivilDate> m_patronDay;
    std::string m_officeStatus;
    UnixSeconds m_officeStatusMinute = -1;
    QrMatrix m_qr;
    bool m_hasQr = false;
    std::string m_loadedId;
    std::string m_loadedLang;
    std::uint64_t m_loadedVersion = ~0ull;
    std::vector<float> m_sectionY;  // content y of each section, for the jump buttons
    int m_jumpTo = -1;
    TouchScroller m_scroller;
    FeedbackFaces m_feedback;
};

// The short name a jump button uses for a section ("Quanto costa" -> "Costi").
std::string sectionButtonLabel(const std::string& sectionTitle);

}  // namespace vt
