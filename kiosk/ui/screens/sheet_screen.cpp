#include "ui/screens/sheet_screen.h"
#include "ui/i18n.h"

#include "core/schedule/holidays.h"
#include "core/sheets/sheet_store.h"
#include "ui/qr_view.h"
#include "ui/rich_text.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace vt {

std::string sectionButtonLabel(const std::string& t) {
    if (t == "Descrizione breve") return tr("Descrizione");
    if (t == "Tempi e scadenze") return tr("Tempi");
    if (t == "Quanto costa") return tr("Costi");
    return tr(t.c_str());  // the template's section names are in the catalog (ui/content_words.cpp)
}

namespace {

std::vector<TextSpan> displayableSpans(const std::vector<TextSpan>& spans) {
    std::vector<TextSpan> out;
    for (const TextSpan& s : spans) {
        // displayable() trims: keep the blanks that separate this span from its neighbours.
        const bool lead = !s.text.empty() && s.text.front() == ' ';
        const bool trail = !s.text.empty() && s.text.back() == ' ';
        // Appended in place: "..." + a temporary string trips GCC 12's -Wrestrict false positive at -O3.
        std::string text = lead ? " " : "";
        text += widgets::displayable(s.text);
        if (trail) text += ' ';
        out.push_back({std::move(text), s.bold});
    }
    return out;
}

// Rich text as an item of the current window, registered for tests and read-aloud.
void richBlock(Ui& ui, const std::vector<TextSpan>& spans, float x, float width, const std::string& spoken) {
    RichStyle st{ui.fonts().body, ui.fonts().bodyBold, ui.pal().text, 0};
    const float h = richTextHeight(spans, st, width);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::ItemSize(ImVec2(width, h));
    const ImRect bb(pos, ImVec2(pos.x + width, pos.y + h));
    if (!ImGui::ItemAdd(bb, 0)) return;
    drawRichText(ImGui::GetWindowDrawList(), spans, st, pos, width);
    ui.tree.add(Role::Text, spoken, spoken, widgets::visibleRect(bb.Min, bb.Max), false);
}

}  // namespace

void SheetScreen::reload(ScreenEnv& env, const std::string& sheetId) {
    const std::string lang = env.session.language == Language::English ? "en" : "it";
    m_sheet = findSheet(env.db, sheetId, lang);
    m_office.reset();
    m_hasQr = false;
    if (m_sheet) {
        if (!m_sheet->office.empty()) m_office = findOffice(env.db, m_sheet->office);
        m_patronDay = env.config.town.patronDay;
        m_officeStatus.clear();
        m_officeStatusMinute = -1;
        std::string error;
        m_hasQr = !m_sheet->onlineLink.empty() && makeQrCode(m_sheet->onlineLink, m_qr, error);
    }
    m_sectionY.assign(m_sheet ? m_sheet->sections.size() : 0, 0.0f);
    m_jumpTo = -1;
    m_loadedId = sheetId;
    m_loadedLang = lang;
    m_loadedVersion = env.contentVersion;
    m_scroller.stop();
}

void SheetScreen::drawJumpButtons(Ui& ui, float width) {
    // A wrapping row of buttons, one per section present, sized to their words.
    const Metrics& m = ui.met();
    ImFont* f = ui.fonts().bodyBold;
    const float h = std::round(std::max(m.touchMin * 1.15f, f->FontSize * 1.7f));
    const float pad = m.mm(5.0f);
    const float x0 = ImGui::GetCursorScreenPos().x;
    float x = x0, y = ImGui::GetCursorScreenPos().y;
    for (size_t i = 0; i < m_sheet->sections.size(); ++i) {
        const std::string label = sectionButtonLabel(m_sheet->sections[i].title);
        const float w = std::min(width, f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, label.c_str()).x + 2 * pad);
        if (x > x0 && x + w > x0 + width) {
            x = x0;
            y += h + m.gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ImGui::PushID(static_cast<int>(i));
        if (widgets::button(ui, "##jump", label, {}, ImVec2(w, h), widgets::ButtonStyle::Quiet))
            m_jumpTo = static_cast<int>(i);
        ImGui::PopID();
        x += w + m.gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, y + h));
    ImGui::Dummy(ImVec2(width, 0));
}

void SheetScreen::drawSection(Ui& ui, const SheetSection& s, float width) {
    const Metrics& m = ui.met();
    const float x0 = ImGui::GetCursorScreenPos().x;
    // A rule above every section heading: the page reads as a sequence of blocks.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + width, p.y), ui.pal().border,
                                        std::max(1.0f, m.mm(0.4f)));
    ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
    widgets::text(ui, ui.fonts().title, ui.pal().text, tr(s.title.c_str()), Role::Heading, width);
    ImFont* fb = ui.fonts().body;
    const float bulletIndent = std::round(fb->FontSize * 1.2f);
    for (const TextBlock& b : s.blocks) {
        const std::vector<TextSpan> spans = displayableSpans(b.spans);
        const std::string spoken = widgets::displayable(b.plain());
        if (b.type == TextBlock::Type::Bullet) {
            const float y = ImGui::GetCursorScreenPos().y;
            ImGui::GetWindowDrawList()->AddText(fb, fb->FontSize, ImVec2(x0 + fb->FontSize * 0.2f, y),
                                                ui.pal().text, "\xE2\x80\xA2");
            richBlock(ui, spans, x0 + bulletIndent, width - bulletIndent, spoken);
        } else {
            richBlock(ui, spans, x0, width, spoken);
        }
        ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y + m.mm(1.0f)));
    }
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
}

void SheetScreen::drawOnline(Ui& ui, float width) {
    const Metrics& m = ui.met();
    const std::string& url = m_sheet->onlineLink;
    const float x0 = ImGui::GetCursorScreenPos().x;
    const float y0 = ImGui::GetCursorScreenPos().y;
    // The code on the left, what to do with it on the right (under it when the column is narrow).
    const float side = qrSide(ui, m_qr, width * 0.5f);
    const float textW = width - side - m.mm(6.0f);
    const bool beside = textW > ui.fonts().body->FontSize * 9.0f;
    // A framed panel so the code reads as one object with its instructions.
    drawQr(ui, m_qr, url, side);
    const float afterQr = ImGui::GetCursorScreenPos().y;
    const float tx = beside ? x0 + side + m.mm(6.0f) : x0;
    const float tw = beside ? textW : width;
    ImGui::SetCursorScreenPos(ImVec2(tx, beside ? y0 + m.mm(2.0f) : afterQr + m.mm(2.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().bodyBold, ui.pal().text,
                  tr("Inquadra il codice per aprire il servizio online sul telefono"), Role::Text, tw);
    widgets::text(ui, ui.fonts().small, ui.pal().textMuted,
                  tr("Inquadra il codice per aprire il servizio online sul telefono", kOther), Role::Text,
                  tw);
    ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
    widgets::text(ui, ui.fonts().small, ui.pal().text, url, Role::Link, tw);
    ImGui::EndGroup();
    const float bottom = std::max(afterQr, ImGui::GetCursorScreenPos().y);
    ImGui::SetCursorScreenPos(ImVec2(x0, bottom + m.mm(4.0f)));
    ImGui::Dummy(ImVec2(width, 0));
}

void SheetScreen::drawOffice(Ui& ui, float width) {
    // Open or closed in words, recomputed once a minute (the clock's resolution).
    if (m_office && !m_office->hours.empty() && ui.now / 60 != m_officeStatusMinute) {
        m_officeStatus = formatOpenStatus(m_office->hours.statusAt(ui.now, HolidayCalendar(m_patronDay)),
                                          ui.now, uiLanguage());
        m_officeStatusMinute = ui.now / 60;
    }
    const Office& o = *m_office;
    widgets::text(ui, ui.fonts().small, ui.pal().textMuted, tr("Ufficio di riferimento", kBoth), Role::Text,
                  width);
    widgets::text(ui, ui.fonts().bodyBold, ui.pal().text, widgets::displayable(o.name), Role::Text, width);
    if (!m_officeStatus.empty())
        widgets::text(ui, ui.fonts().bodyBold, ui.pal().text, m_officeStatus, Role::Status, width);
    for (const std::string* line : {&o.address, &o.phone, &o.email})
        if (!line->empty())
            widgets::text(ui, ui.fonts().body, ui.pal().text, widgets::displayable(*line), Role::Text, width);
    if (!o.notes.empty())
        widgets::text(ui, ui.fonts().small, ui.pal().textMuted, widgets::displayable(o.notes), Role::Text,
                      width);
    ImGui::Dummy(ImVec2(0, ui.met().mm(4.0f)));
}

void SheetScreen::draw(ScreenEnv& env, const std::string& sheetId) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const std::string lang = env.session.language == Language::English ? "en" : "it";
    if (m_loadedId != sheetId || m_loadedVersion != env.contentVersion || m_loadedLang != lang)
        reload(env, sheetId);

    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    // The jump buttons stay at the top while the sheet scrolls under them.
    float top = env.pos.y;
    if (m_sheet && m_sheet->sections.size() > 1) {
        ImGui::SetCursorScreenPos(ImVec2(left, env.pos.y + m.mm(3.0f)));
        ImGui::BeginGroup();
        widgets::text(ui, ui.fonts().small, ui.pal().textMuted, tr("Vai a", kBoth), Role::Text, width);
        drawJumpButtons(ui, width);
        ImGui::EndGroup();
        top = ImGui::GetCursorScreenPos().y + m.mm(2.0f);
        ImGui::GetWindowDrawList()->AddLine(ImVec2(env.pos.x, top), ImVec2(env.pos.x + env.size.x, top),
                                            ui.pal().border, std::max(1.0f, m.mm(0.4f)));
        top += m.mm(0.5f);
    }
    ImGui::SetCursorScreenPos(ImVec2(env.pos.x, top));
    ImGui::BeginChild("##sheet", ImVec2(env.size.x, env.pos.y + env.size.y - top), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    if (m_jumpTo >= 0 && static_cast<size_t>(m_jumpTo) < m_sectionY.size()) {
        ImGui::SetScrollY(std::max(0.0f, m_sectionY[static_cast<size_t>(m_jumpTo)] - m.mm(2.0f)));
        m_scroller.stop();
    }
    m_jumpTo = -1;
    ImGui::SetCursorPos(ImVec2(left - env.pos.x, m.mm(4.0f)));
    ImGui::BeginGroup();
    if (!m_sheet) {
        widgets::text(ui, ui.fonts().title, ui.pal().text, tr("Scheda non disponibile"), Role::Heading,
                      width);
        widgets::text(ui, ui.fonts().body, ui.pal().text,
                      std::string(tr("Questa scheda non \xC3\xA8 pi\xC3\xB9 pubblicata.")) + "\n" +
                          tr("Questa scheda non \xC3\xA8 pi\xC3\xB9 pubblicata.", kOther),
                      Role::Text, width);
    } else {
        const Sheet& s = *m_sheet;
        widgets::text(ui, ui.fonts().small, ui.pal().textMuted, tr("Scheda servizio", kBoth), Role::Text,
                      width);
        widgets::text(ui, ui.fonts().title, ui.pal().text, widgets::displayable(s.title), Role::Heading,
                      width);
        widgets::text(ui, ui.fonts().bodyBold, ui.pal().text,
                      fillIn(tr("Ente: {0}"), {widgets::displayable(s.bodyName)}), Role::Text, width);
        if (s.active) {
            widgets::text(ui, ui.fonts().body, ui.pal().text, tr("Stato: servizio attivo"), Role::Status,
                          width);
        } else {
            widgets::text(ui, ui.fonts().bodyBold, ui.pal().text,
                          tr("Stato: servizio non attivo") +
                              (s.statusNote.empty() ? std::string()
                                                    : " \xE2\x80\x93 " + widgets::displayable(s.statusNote)),
                          Role::Status, width);
        }
        if (s.lang != lang)  // no variant in the visitor's language: say why the text is Italian
            widgets::text(ui, ui.fonts().small, ui.pal().textMuted,
                          tr("(Non disponibile in inglese: testo in italiano.)"), Role::Text, width);
        ImGui::Dummy(ImVec2(0, m.mm(3.0f)));
        bool onlineShown = false;
        for (size_t i = 0; i < s.sections.size(); ++i) {
            m_sectionY[i] = ImGui::GetCursorPosY();
            drawSection(ui, s.sections[i], width);
            if (s.sections[i].title == "Accedi al servizio" && m_hasQr) {
                drawOnline(ui, width);
                onlineShown = true;
            }
        }
        if (m_hasQr && !onlineShown) {
            widgets::text(ui, ui.fonts().title, ui.pal().text, tr("Servizio online"), Role::Heading, width);
            drawOnline(ui, width);
        }
        if (m_office) drawOffice(ui, width);
        ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
        m_feedback.draw(ui, env.actions, "sheet", s.id, width);
    }
    ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
    ImGui::EndGroup();
    m_scroller.update(ui);
    ImGui::EndChild();
}

}  // namespace vt
