#include "ui/screens/act_screen.h"
#include "ui/i18n.h"

#include "core/albo/albo_store.h"
#include "core/util/italian_format.h"
#include "ui/qr_view.h"
#include "ui/widgets.h"

#include <algorithm>
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

// A wide button for an attachment the kiosk can open: its name and what tapping does.
bool attachmentButton(Ui& ui, int index, const AttachmentView& v, float width) {
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    ImFont* fb = ui.fonts().bodyBold;
    ImFont* fs = ui.fonts().small;
    const float pad = m.mm(3.0f);
    const float h = std::max(m.touchMin, std::round(2 * pad + fb->FontSize + fs->FontSize * 1.1f));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(index);
    const bool pressed = widgets::card(ui, "##attachment", ImVec2(width, h), widgets::CardStyle::Outlined);
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + h);
    const char* arrow = "\xE2\x96\xB6";  // ▶
    const float aw = fb->CalcTextSizeA(fb->FontSize, FLT_MAX, 0, arrow).x;
    dl->AddText(fb, fb->FontSize, ImVec2(max.x - pad - aw, pos.y + (h - fb->FontSize) * 0.5f), p.primary,
                arrow);
    const float tw = width - 3 * pad - aw;
    widgets::clampedText(dl, fb, p.primary, ImVec2(pos.x + pad, pos.y + pad), tw,
                         widgets::displayable(v.name), 1);
    const std::string line =
        fillIn(tr("Apri il documento ({0})"), {v.detail}) + " \xC2\xB7 " + tr("Apri", kOther);
    widgets::clampedText(dl, fs, p.text, ImVec2(pos.x + pad, pos.y + pad + fb->FontSize), tw, line, 1);
    ui.tree.add(Role::Button, v.name, line, widgets::visibleRect(pos, max), true);
    return pressed;
}

}  // namespace

void ActScreen::load(ScreenEnv& env, std::int64_t actId) {
    m_act = findAct(env.db, actId);
    m_attachments.clear();
    m_qr = QrMatrix{};
    if (m_act) {
        m_attachments = resolveAttachments(env.db, *m_act);
        std::string error;
        if (!makeQrCode(m_act->link, m_qr, error)) m_qr = QrMatrix{};
    }
    m_loadedId = actId;
    m_loadedVersion = env.contentVersion;
    m_scroller.stop();
}

void ActScreen::drawAct(ScreenEnv& env, const Act& a, float width) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    widgets::text(ui, ui.fonts().bodyBold, p.primary,
                  widgets::displayable(a.type.empty() ? tr("Atto") : a.type), Role::Text, width);
    widgets::text(ui, ui.fonts().title, p.text, fillIn(tr("Atto n. {0}"), {a.uid}), Role::Heading, width);
    if (a.annulled) {
        // The law wants annulled acts visible: the word, the date and the reason, in a framed box.
        const ImVec2 boxPos = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        const float pad = m.mm(3.0f);
        ImGui::SetCursorScreenPos(ImVec2(boxPos.x + pad, boxPos.y + pad));
        ImGui::BeginGroup();
        const float inner = width - 2 * pad;
        widgets::text(ui, ui.fonts().title, p.text, std::string("\xE2\x9C\x97 ") + tr("ANNULLATO"),
                      Role::Status, inner);
        std::string when = a.annulledOn ? fillIn(tr("Questo atto \xC3\xA8 stato annullato il {0}."),
                                                 {formatDateLong(*a.annulledOn, uiLanguage())})
                                        : std::string(tr("Questo atto \xC3\xA8 stato annullato."));
        widgets::text(ui, ui.fonts().bodyBold, p.text,
                      when + " \xC2\xB7 " + tr("Questo atto \xC3\xA8 stato annullato.", kOther), Role::Text,
                      inner);
        if (!a.annulReason.empty())
            widgets::text(ui, ui.fonts().body, p.text,
                          fillIn(tr("Motivo: {0}"), {widgets::displayable(a.annulReason)}), Role::Text,
                          inner);
        ImGui::EndGroup();
        const float boxBottom = ImGui::GetItemRectMax().y + pad;
        dl->ChannelsSetCurrent(0);
        dl->AddRectFilled(boxPos, ImVec2(boxPos.x + width, boxBottom), p.surface, m.radius);
        dl->AddRect(boxPos, ImVec2(boxPos.x + width, boxBottom), p.text, m.radius, 0,
                    std::max(2.0f, m.mm(0.8f)));
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(boxPos.x, boxBottom + m.mm(2.0f)));
        ImGui::Dummy(ImVec2(width, 0));
    }
    ImGui::Dummy(ImVec2(0, m.mm(1.0f)));
    widgets::text(ui, ui.fonts().bodyBold, p.text, widgets::displayable(a.subject), Role::Text, width);
    ImGui::Dummy(ImVec2(0, m.mm(3.0f)));
    if (!a.rectifiesNumber.empty()) {
        const std::string corrected = fillIn(tr("Rettifica dell'atto n. {0}"),
                                             {std::to_string(a.rectifiesYear) + "/" + a.rectifiesNumber});
        if (a.rectifies > 0) {
            if (widgets::button(ui, "##rectifies", corrected,
                                tr("Corregge un atto precedente: aprilo", kOther), ImVec2(width, 0),
                                widgets::ButtonStyle::Secondary, "\xE2\x96\xB6"))
                env.nav.open({ScreenId::ActDetail, a.rectifies});
        } else {
            widgets::text(ui, ui.fonts().bodyBold, p.text,
                          corrected + " " + tr("(non presente in questo punto informativo)"), Role::Text,
                          width);
        }
        ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
    }
    const bool lastDay = a.pubEnd == romeDate(ui.now);
    field(ui, tr("In pubblicazione", kBoth).c_str(),
          fillIn(tr("dal {0} al {1}"),
                 {formatDateLong(a.pubStart, uiLanguage()), formatDateLong(a.pubEnd, uiLanguage())}) +
              (lastDay ? std::string(" ") + tr("(oggi \xC3\xA8 l'ultimo giorno)") : ""),
          width);
    field(ui, tr("Ufficio", kBoth).c_str(), a.unit, width);
    field(ui, tr("Descrizione", kBoth).c_str(), a.description, width);
    if (!m_attachments.empty()) {
        widgets::text(ui, ui.fonts().small, p.textMuted,
                      fillIn(tr("Allegati ({0})"), {std::to_string(m_attachments.size())}) + " \xC2\xB7 " +
                          tr("Allegati", kOther),
                      Role::Text, width);
        for (size_t i = 0; i < m_attachments.size(); ++i) {
            const AttachmentView& v = m_attachments[i];
            if (!v.localPath.empty()) {
                if (attachmentButton(ui, static_cast<int>(i), v, width)) {
                    Route r{ScreenId::PdfViewer, a.id};
                    r.attachment = static_cast<int>(i) + 1;
                    env.nav.open(r);
                }
                continue;
            }
            std::string line = "\xE2\x80\xA2 " + v.name;
            if (!v.detail.empty()) line += " (" + v.detail + ")";
            line += std::string(" \xE2\x80\x93 ") + tr("sull'albo online");
            widgets::text(ui, ui.fonts().body, p.text, widgets::displayable(line), Role::Text, width);
        }
        ImGui::Dummy(ImVec2(0, m.mm(3.0f)));
    }
    if (!a.link.empty()) {
        widgets::text(ui, ui.fonts().small, p.textMuted, tr("Atto ufficiale", kBoth), Role::Text, width);
        if (m_qr.size > 0) {
            // The kiosk never opens the link: the visitor takes it away on the phone.
            const float side = qrSideAtLeast(m_qr, m.mm(45.0f));
            const ImVec2 at = ImGui::GetCursorScreenPos();
            drawQr(ui, m_qr, a.link, side);
            const float after = ImGui::GetCursorScreenPos().y;
            const float tx = at.x + side + m.mm(5.0f);
            ImGui::SetCursorScreenPos(ImVec2(tx, at.y + m.mm(2.0f)));
            ImGui::BeginGroup();
            const float tw = std::max(width - side - m.mm(5.0f), m.mm(45.0f));
            widgets::text(ui, ui.fonts().bodyBold, p.text,
                          tr("Inquadra il codice per aprire l'atto ufficiale sul telefono"), Role::Text, tw);
            widgets::text(ui, ui.fonts().small, p.text,
                          tr("Inquadra il codice per aprire l'atto ufficiale sul telefono", kOther),
                          Role::Text, tw);
            ImGui::EndGroup();
            ImGui::SetCursorScreenPos(ImVec2(at.x, std::max(after, ImGui::GetItemRectMax().y + m.gap)));
        }
        widgets::text(ui, ui.fonts().small, p.text, widgets::displayable(a.link), Role::Link, width);
        ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
    }
    widgets::text(ui, ui.fonts().small, p.textMuted,
                  tr("Il testo con valore legale \xC3\xA8 quello dell'albo pretorio online del Comune."),
                  Role::Text, width);
    ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
}

void ActScreen::draw(ScreenEnv& env, std::int64_t actId) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    if (m_loadedId != actId || m_loadedVersion != env.contentVersion) load(env, actId);
    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(env.pos);
    ImGui::BeginChild("##act", env.size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    ImGui::SetCursorPos(ImVec2(left - env.pos.x, m.mm(5.0f)));
    ImGui::BeginGroup();
    // An act whose window ended (or that was removed) is not shown, even from a stale route.
    if (!m_act || !isInPublicationWindow(*m_act, ui.now)) {
        widgets::text(ui, ui.fonts().title, ui.pal().text, tr("Atto non disponibile"), Role::Heading, width);
        widgets::text(ui, ui.fonts().body, ui.pal().text,
                      std::string(tr("Questo atto non \xC3\xA8 pi\xC3\xB9 in pubblicazione.")) + "\n" +
                          tr("Questo atto non \xC3\xA8 pi\xC3\xB9 in pubblicazione.", kOther),
                      Role::Text, width);
    } else {
        drawAct(env, *m_act, width);
        ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
        m_feedback.draw(ui, env.actions, "act", m_act->uid, width);
        ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
    }
    ImGui::EndGroup();
    m_scroller.update(ui);
    ImGui::EndChild();
}

}  // namespace vt
