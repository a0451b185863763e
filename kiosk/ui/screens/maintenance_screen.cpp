#include "ui/screens/maintenance_screen.h"
#include "ui/i18n.h"

#include "core/albo/albo_store.h"
#include "core/store/migrations.h"
#include "core/system/system_info.h"
#include "core/util/italian_format.h"
#include "ui/screens/quit_confirmation.h"
#include "ui/widgets.h"

#include <cmath>

namespace vt {

namespace {

void row(Ui& ui, const char* label, const std::string& value, float width) {
    widgets::text(ui, ui.fonts().small, ui.pal().textMuted, label, Role::Text, width);
    widgets::text(ui, ui.fonts().body, ui.pal().text, value, Role::Text, width);
}

}  // namespace

bool MaintenanceScreen::draw(ScreenEnv& env, UnixSeconds startedAt) {
    Ui& ui = env.ui;
    const KioskActions& actions = env.actions;
    const Metrics& m = ui.met();
    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    bool leave = false;
    if (m_confirmQuit) {
        const QuitChoice choice = drawQuitConfirmation(env, env.config.maintenance.pauseMinutes);
        if (choice == QuitChoice::Cancel) m_confirmQuit = false;
        if (choice == QuitChoice::Confirm) {
            m_confirmQuit = false;
            m_lastAction = tr("Chiudi Vetrina");
            if (actions.quit) actions.quit();
        }
        if (choice != QuitChoice::Open) ui.requestFrameIn(0);
        return false;
    }
    ImGui::SetCursorScreenPos(env.pos);
    ImGui::BeginChild("##maintenance", env.size, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    ImGui::SetCursorPos(ImVec2(left - env.pos.x, m.mm(5.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().title, ui.pal().text, tr("Manutenzione", kBoth), Role::Heading, width);
    row(ui, tr("Versione"),
        std::string("Vetrina ") + VETRINA_VERSION + " \xC2\xB7 schema " +
            std::to_string(env.db.userVersion()),
        width);
    row(ui, tr("Contenuti"),
        fillIn(tr("{0} atti in archivio, {1} in pubblicazione oggi"),
               {std::to_string(countActs(env.db)), std::to_string(countActsAt(env.db, ui.now))}),
        width);
    for (const SourceConfig& s : env.config.sources)
        row(ui, fillIn(tr("Fonte \"{0}\""), {s.name}).c_str(), s.kind + " \xC2\xB7 " + s.url, width);
    std::uint64_t freeB = 0, totalB = 0;
    diskSpace(env.config.dataDir, freeB, totalB);
    row(ui, tr("Disco"),
        fillIn(tr("{0} liberi su {1}"), {formatBytes(static_cast<long long>(freeB), uiLanguage()),
                                         formatBytes(static_cast<long long>(totalB), uiLanguage())}),
        width);
    std::string net;
    for (const NetworkInterface& n : networkInterfaces())
        net += (net.empty() ? "" : ", ") + n.name + " " + n.state;
    row(ui, tr("Rete"), net.empty() ? tr("nessuna interfaccia") : net, width);
    row(ui, tr("Acceso da"),
        formatDurationIt(double(ui.now - startedAt)) + " (" +
            fillIn(tr("sistema: {0}"), {formatDurationIt(machineUptimeSeconds())}) + ")",
        width);
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));

    const float bw = (width - m.gap) * 0.5f;
    const float bh = std::max(m.touchMin, ui.fonts().bodyBold->FontSize * 2.2f);
    auto action = [&](const char* id, const char* label, const char* en, const std::function<void()>& fn,
                      bool sameLine) {
        if (sameLine) ImGui::SameLine(0, m.gap);
        if (widgets::button(ui, id, label, en, ImVec2(bw, bh), widgets::ButtonStyle::Secondary) && fn) {
            m_lastAction = label;
            fn();
        }
    };
    action("##m-refresh", tr("Aggiorna contenuti"), tr("Aggiorna contenuti", kOther), actions.refreshContent,
           false);
    action(
        "##m-shot", tr("Schermata"), tr("Schermata", kOther),
        [&] {
            if (actions.takeScreenshot) {
                const std::string f = actions.takeScreenshot();
                m_lastAction = f.empty() ? std::string(tr("Schermata non salvata"))
                                         : fillIn(tr("Schermata salvata in {0}"), {f});
            }
        },
        true);
    if (widgets::button(ui, "##m-test-alert", tr("Mostra un avviso di prova"),
                        tr("Mostra un avviso di prova", kOther), ImVec2(width, bh),
                        widgets::ButtonStyle::Secondary)) {
        m_testAlertRequested = true;  // KioskUi shows it over everything from the next frame
        m_lastAction = tr("Avviso di prova mostrato");
        ui.requestFrameIn(0);
    }
    action("##m-restart", tr("Riavvia"), tr("Riavvia", kOther), actions.restart, false);
    ImGui::SameLine(0, m.gap);
    if (widgets::button(ui, "##m-quit", tr("Chiudi Vetrina"), tr("Chiudi Vetrina", kOther), ImVec2(bw, bh),
                        widgets::ButtonStyle::Secondary)) {
        m_confirmQuit = true;  // asked on the next frame; nothing happens yet
        ui.requestFrameIn(0);
    }
    if (!m_lastAction.empty())
        widgets::text(ui, ui.fonts().small, ui.pal().textMuted, fillIn(tr("Fatto: {0}"), {m_lastAction}),
                      Role::Status, width);
    ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
    if (widgets::button(ui, "##m-exit", tr("Esci dalla manutenzione"), tr("Esci dalla manutenzione", kOther),
                        ImVec2(width, bh)))
        leave = true;
    // Clock, cache and fleet report: below the buttons, so they stay on screen in landscape too.
    ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
    if (actions.opsNotes)
        for (const auto& [label, value] : actions.opsNotes()) row(ui, label.c_str(), value, width);
    ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
    ImGui::EndGroup();
    m_scroller.update(ui);
    ImGui::EndChild();
    if (leave) m_lastAction.clear();
    return leave;
}

}  // namespace vt
