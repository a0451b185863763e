#include "ui/screens/act_screen.h"

#include "core/albo/albo_store.h"
#include "core/util/italian_format.h"
#include "ui/widgets.h"

#include <cmath>

#include <imgui_internal.h>

namespace vt {

namespace {

void field(Ui& ui, const char* label, const std::string& value, float width) {
    if (value.empty()) return;
    widgets::text(ui, ui.fonts().small, ui.pal().textMuted, label, Role::Text, width);
    widgets::text(ui, ui.fonts().body, ui.pal().text, widgets::displayable(value), Role::Text, width);
    ImGui::Dummy(ImVec2(0, ui.met().mm(2.0f)));
}

std::string fileNameOf(const std::string& url) {
    std::string path = url.substr(0, url.find_first_of("?#"));
    const size_t slash = path.find_last_of('/');
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    return name.empty() ? url : name;
}

}  // namespace

void ActScreen::draw(ScreenEnv& env, std::int64_t actId) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    if (m_loadedId != actId || m_loadedVersion != env.contentVersion) {
        m_act = findAct(env.db, actId);
        m_loadedId = actId;
        m_loadedVersion = env.contentVersion;
        m_scroller.stop();
    }
    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(env.pos);
    ImGui::BeginChild("##act", env.size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    ImGui::SetCursorPos(ImVec2(left - env.pos.x, m.mm(5.0f)));
    ImGui::BeginGroup();
    // An act whose window ended (or that was removed) is not shown, even from a stale route.
    if (!m_act || !isInPublicationWindow(*m_act, ui.now)) {
        widgets::text(ui, ui.fonts().title, ui.pal().text, "Atto non disponibile", Role::Heading, width);
        widgets::text(ui, ui.fonts().body, ui.pal().text,
                      "Questo atto non \xC3\xA8 pi\xC3\xB9 in pubblicazione.\nThis act is no longer published.",
                      Role::Text, width);
    } else {
        const Act& a = *m_act;
        widgets::text(ui, ui.fonts().bodyBold, ui.pal().primary, widgets::displayable(a.type.empty() ? "Atto" : a.type),
                      Role::Text, width);
        widgets::text(ui, ui.fonts().title, ui.pal().text, "Atto n. " + a.uid, Role::Heading, width);
        ImGui::Dummy(ImVec2(0, m.mm(1.0f)));
        widgets::text(ui, ui.fonts().bodyBold, ui.pal().text, widgets::displayable(a.subject), Role::Text, width);
        ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
        const bool lastDay = a.pubEnd == romeDate(ui.now);
        field(ui, "In pubblicazione \xC2\xB7 Published",
              "dal " + formatDateLongIt(a.pubStart) + " al " + formatDateLongIt(a.pubEnd) +
                  (lastDay ? " (oggi \xC3\xA8 l'ultimo giorno)" : ""),
              width);
        field(ui, "Ufficio \xC2\xB7 Office", a.unit, width);
        field(ui, "Descrizione \xC2\xB7 Description", a.description, width);
        if (!a.attachments.empty()) {
            widgets::text(ui, ui.fonts().small, ui.pal().textMuted,
                          "Allegati (" + std::to_string(a.attachments.size()) + ") \xC2\xB7 Attachments", Role::Text,
                          width);
            for (const Attachment& at : a.attachments) {
                std::string line = "\xE2\x80\xA2 " + fileNameOf(at.url);
                if (at.mime == "application/pdf") line += " (PDF";
                else if (!at.mime.empty()) line += " (" + at.mime;
                if (!at.mime.empty()) line += at.length > 0 ? ", " + formatBytesIt(at.length) + ")" : ")";
                widgets::text(ui, ui.fonts().body, ui.pal().text, widgets::displayable(line), Role::Text, width);
            }
            ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
        }
        field(ui, "Atto ufficiale \xC2\xB7 Official act", a.link, width);
        widgets::text(ui, ui.fonts().small, ui.pal().textMuted,
                      "Il testo con valore legale \xC3\xA8 quello dell'albo pretorio online del Comune.", Role::Text,
                      width);
        ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
        m_feedback.draw(ui, env.actions, "act", a.uid, width);
        ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
    }
    ImGui::EndGroup();
    m_scroller.update(ui);
    ImGui::EndChild();
}

}  // namespace vt
