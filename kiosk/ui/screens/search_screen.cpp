#include "ui/screens/search_screen.h"
#include "ui/i18n.h"

#include "core/util/text.h"
#include "ui/rich_text.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace vt {

namespace {

// A query left alone this long has been read: if it found nothing, it counts as a miss.
constexpr UnixSeconds kMissPause = 5;

std::string plainOf(std::string_view marked) {
    std::string out;
    for (char c : marked)
        if (c != kHighlightStart && c != kHighlightEnd) out += c;
    return widgets::displayable(out);
}

std::vector<TextSpan> spansOf(std::string_view marked) {
    std::vector<TextSpan> out;
    for (const TextSpan& s : splitHighlights(marked)) {
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

bool opens(const SearchHit& h) {
    return h.kind == "sheet" || h.kind == "act" || h.kind == "notice" || h.kind == "event" ||
           h.kind == "office";
}

}  // namespace

std::string searchKindLabel(const std::string& kind) {
    if (kind == "sheet") return tr("Servizi", kBoth);
    if (kind == "act") return tr("Albo pretorio", kBoth);
    if (kind == "notice") return tr("Avvisi", kBoth);
    if (kind == "event") return tr("Eventi", kBoth);
    if (kind == "office") return tr("Uffici", kBoth);
    return kind;
}

void SearchScreen::reset() {
    m_query.clear();
    m_keyboard.reset();
    m_result = {};
    m_searched.clear();
    m_appliedStart.clear();
    m_lastMiss.clear();
    m_scroller.stop();
}

void SearchScreen::finishQuery(const KioskActions& actions) {
    const std::string q = trim(m_searched);
    if (q.empty() || !m_result.hits.empty() || q == m_lastMiss) return;
    m_lastMiss = q;
    if (actions.recordSearchMiss) actions.recordSearchMiss(q);
}

void SearchScreen::leave(const KioskActions& actions) {
    finishQuery(actions);
}

void SearchScreen::runSearch(ScreenEnv& env) {
    const std::string lang = env.session.language == Language::English ? "en" : "it";
    m_searched = m_query.text;
    m_searchedVersion = env.contentVersion;
    m_searchedLang = lang;
    m_result = {};
    if (!trim(m_searched).empty()) {
        SearchOptions opt;
        opt.lang = lang;
        opt.asYouType = true;
        opt.now = env.ui.now;
        opt.limit = 20;
        m_result = search(env.db, m_searched, opt);
    }
    m_scroller.stop();
    m_scrollToTop = true;
}

void SearchScreen::drawField(Ui& ui, ImVec2 pos, float width, float height) {
    const Palette& p = ui.pal();
    const Metrics& m = ui.met();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + height);
    dl->AddRectFilled(pos, max, p.surface, m.radius);
    dl->AddRect(pos, max, p.primary, m.radius, 0, std::max(2.0f, m.mm(0.8f)));
    ImFont* f = ui.fonts().title;
    const float pad = m.mm(4.0f);
    const float innerW = width - 2 * pad;
    const float ty = pos.y + (height - f->FontSize) * 0.5f;
    const std::string& q = m_query.text;
    const float tw = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, q.c_str()).x;
    const float caretW = std::max(2.0f, m.mm(0.8f));
    // A long query shows its end, where the next letter goes.
    const float x = pos.x + pad - std::max(0.0f, tw + caretW - innerW);
    dl->PushClipRect(ImVec2(pos.x + pad, pos.y), ImVec2(max.x - pad, max.y), true);
    if (q.empty()) {
        ImFont* fb = ui.fonts().body;
        dl->AddText(fb, fb->FontSize,
                    ImVec2(pos.x + pad + caretW * 3, pos.y + (height - fb->FontSize) * 0.5f), p.textMuted,
                    tr("Scrivi che cosa cerchi", kBoth).c_str());
    } else {
        dl->AddText(f, f->FontSize, ImVec2(x, ty), p.text, q.c_str());
    }
    // A steady caret (no blinking: the loop sleeps between touches).
    const float cx = q.empty() ? pos.x + pad : x + tw + m.mm(0.5f);
    dl->AddRectFilled(ImVec2(cx, ty + f->FontSize * 0.1f), ImVec2(cx + caretW, ty + f->FontSize * 0.95f),
                      p.primary);
    dl->PopClipRect();
    ui.tree.add(Role::Text, tr("Testo cercato"), q.empty() ? tr("vuoto") : q, widgets::visibleRect(pos, max),
                false);
}

void SearchScreen::drawResults(ScreenEnv& env, float left, float width) {
    Ui& ui = env.ui;
    const Palette& p = ui.pal();
    const Metrics& m = ui.met();
    ImGui::SetCursorPosX(left);
    ImGui::SetCursorPosY(m.mm(2.0f));
    ImGui::BeginGroup();
    const std::string q = trim(m_searched);
    const float bh = std::round(std::max(m.touchMin * 1.2f, ui.fonts().bodyBold->FontSize * 2.2f));
    if (q.empty()) {
        widgets::text(ui, ui.fonts().body, p.textMuted,
                      tr("Scrivi una o due parole con la tastiera, per esempio \"carta identit\xC3\xA0\", "
                         "\"residenza\" o \"rifiuti\"."),
                      Role::Text, width);
        widgets::text(ui, ui.fonts().small, p.textMuted,
                      tr("Scrivi una o due parole con la tastiera qui sotto.", kOther), Role::Text, width);
    } else {
        if (!m_result.suggestion.empty()) {
            if (m_result.fromSuggestion)
                widgets::text(ui, ui.fonts().body, p.text,
                              fillIn(tr("Nessun risultato per \xC2\xAB{0}\xC2\xBB. Ecco i risultati per "
                                        "\xC2\xAB{1}\xC2\xBB."),
                                     {q, m_result.suggestion}),
                              Role::Status, width);
            if (widgets::button(ui, "##suggestion", fillIn(tr("Forse cercavi: {0}"), {m_result.suggestion}),
                                tr("Forse cercavi", kOther), ImVec2(width, bh),
                                widgets::ButtonStyle::Quiet)) {
                m_query.text = m_result.suggestion;
            }
            ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
        }
        if (m_result.hits.empty()) {
            widgets::text(ui, ui.fonts().title, p.text, tr("Nessun risultato"), Role::Status, width);
            widgets::text(
                ui, ui.fonts().body, p.text,
                tr("Controlla come hai scritto le parole, prova con meno parole o con parole diverse, "
                   "oppure cerca per argomento tra i Servizi."),
                Role::Text, width);
            widgets::text(
                ui, ui.fonts().small, p.textMuted,
                tr("Nessun risultato: controlla le parole, provane meno o altre, oppure guarda i servizi.",
                   kOther),
                Role::Text, width);
            ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
            if (widgets::button(ui, "##to-services", tr("Vai ai servizi"), tr("Vai ai servizi", kOther),
                                ImVec2(width, bh), widgets::ButtonStyle::Secondary))
                env.nav.open({ScreenId::Services, 0, {}});
        }
        ImFont* fb = ui.fonts().bodyBold;
        ImFont* fs = ui.fonts().small;
        const float pad = m.mm(3.5f);
        for (const SearchGroup& g : m_result.groups) {
            widgets::text(ui, fb, p.text,
                          searchKindLabel(g.kind) + " (" + std::to_string(g.hits.size()) + ")", Role::Heading,
                          width);
            for (const SearchHit& h : g.hits) {
                const std::string title = plainOf(h.title);
                const std::vector<TextSpan> snippet = spansOf(h.snippet);
                RichStyle st{ui.fonts().body, fb, p.text, 2};
                const float innerW = width - 2 * pad - m.mm(1.5f);
                const float titleH =
                    std::min(2.0f,
                             std::ceil(fb->CalcTextSizeA(fb->FontSize, FLT_MAX, innerW, title.c_str()).y /
                                       fb->FontSize)) *
                    fb->FontSize;
                const float snipH = snippet.empty() ? 0 : richTextHeight(snippet, st, innerW) + m.mm(1.0f);
                const float bodyH = h.bodyName.empty() ? 0 : fs->FontSize * 1.15f;
                const ImVec2 size(width, std::max(m.touchMin, 2 * pad + titleH + bodyH + snipH));
                const ImVec2 pos = ImGui::GetCursorScreenPos();
                ImGui::PushID((h.kind + ":" + h.key).c_str());
                const bool tapped = widgets::card(
                    ui, "##hit", size, opens(h) ? widgets::CardStyle::List : widgets::CardStyle::Static);
                ImGui::PopID();
                if (!ImGui::IsItemVisible()) continue;
                ImDrawList* dl = ImGui::GetWindowDrawList();
                const ImVec2 max(pos.x + size.x, pos.y + size.y);
                const float x = pos.x + pad + m.mm(1.5f);
                float y = pos.y + pad;
                y += widgets::clampedText(dl, fb, p.text, ImVec2(x, y), innerW, title, 2);
                if (!h.bodyName.empty()) {
                    widgets::clampedText(dl, fs, p.textMuted, ImVec2(x, y), innerW,
                                         widgets::displayable(h.bodyName), 1);
                    y += fs->FontSize * 1.15f;
                }
                if (!snippet.empty()) drawRichText(dl, snippet, st, ImVec2(x, y + m.mm(1.0f)), innerW);
                ui.tree.add(Role::ListItem, title,
                            widgets::displayable(h.bodyName) + ". " + plainText(snippet),
                            widgets::visibleRect(pos, max), opens(h));
                if (tapped) {
                    if (h.kind == "sheet") {
                        env.nav.open({ScreenId::SheetDetail, 0, h.key});
                    } else if (h.kind == "office") {
                        env.nav.open({ScreenId::Offices, 0, h.key});
                    } else if (h.kind == "event") {
                        env.nav.open({ScreenId::EventDetail, 0, h.key});
                    } else {
                        std::int64_t id = 0;
                        std::from_chars(h.key.data(), h.key.data() + h.key.size(), id);
                        if (id > 0)
                            env.nav.open(
                                {h.kind == "notice" ? ScreenId::NoticeDetail : ScreenId::ActDetail, id, {}});
                    }
                }
            }
            ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
        }
    }
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
    ImGui::EndGroup();
}

void SearchScreen::draw(ScreenEnv& env, const std::string& startQuery) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    if (startQuery != m_appliedStart) {
        m_query.text = startQuery.substr(0, QueryText::kMaxBytes);
        m_appliedStart = startQuery;
    }
    const std::string lang = env.session.language == Language::English ? "en" : "it";
    // One query per change of the text (never per frame); the store answers in milliseconds.
    if (m_query.text != m_searched || m_searchedVersion != env.contentVersion || m_searchedLang != lang) {
        if (trim(m_query.text).empty() && !trim(m_searched).empty()) finishQuery(env.actions);  // cleared
        runSearch(env);
        m_lastEditAt = ui.now;
    } else if (ui.now - m_lastEditAt >= kMissPause) {
        finishQuery(env.actions);
    }

    const float fullW = env.size.x - 2 * m.margin;
    const float top = env.pos.y + m.mm(4.0f);
    const float fieldH = std::round(std::max(m.touchMin * 1.5f, ui.fonts().title->FontSize * 1.6f));
    // Portrait: results over the keyboard. Landscape: results on the left, the keyboard on the
    // right, both at full height (stacked, the results would get a few lines only).
    const bool sideBySide = env.size.x > env.size.y * 1.3f;
    const float kbW =
        sideBySide ? std::min(m.mm(330.0f), std::floor(fullW * 0.5f)) : std::min(fullW, m.mm(420.0f));
    // Portrait has room to spare: taller keys are easier to hit.
    const float minKeyH = sideBySide ? 0.0f : m.mm(24.0f);
    const float kbH = m_keyboard.height(ui, minKeyH);
    const float kbTop = env.pos.y + env.size.y - kbH - m.mm(3.0f);
    const float kbLeft = sideBySide ? env.pos.x + env.size.x - m.margin - kbW
                                    : env.pos.x + std::floor((env.size.x - kbW) * 0.5f);
    const float areaW = sideBySide ? kbLeft - m.mm(6.0f) - env.pos.x : env.size.x;
    const float width = widgets::readableWidth(ui, areaW - 2 * m.margin);
    const float left =
        sideBySide ? env.pos.x + m.margin : env.pos.x + std::floor((env.size.x - width) * 0.5f);
    drawField(ui, ImVec2(left, top), sideBySide ? kbLeft + kbW - left : width, fieldH);

    const float listTop = top + fieldH + m.mm(2.0f);
    const float listBottom = sideBySide ? env.pos.y + env.size.y : kbTop - m.mm(3.0f);
    ImGui::SetCursorScreenPos(ImVec2(env.pos.x, listTop));
    ImGui::BeginChild("##search-results", ImVec2(areaW, std::max(1.0f, listBottom - listTop)), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    if (m_scrollToTop) ImGui::SetScrollY(0);
    m_scrollToTop = false;
    drawResults(env, left - env.pos.x, width);
    m_scroller.update(ui);
    ImGui::EndChild();
    // A line between the results and the keyboard.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float lw = std::max(1.0f, m.mm(0.4f));
    if (sideBySide)
        dl->AddLine(ImVec2(kbLeft - m.mm(3.0f), listTop), ImVec2(kbLeft - m.mm(3.0f), env.pos.y + env.size.y),
                    ui.pal().border, lw);
    else
        dl->AddLine(ImVec2(env.pos.x, kbTop - m.mm(1.5f)), ImVec2(env.pos.x + env.size.x, kbTop - m.mm(1.5f)),
                    ui.pal().border, lw);
    ImGui::SetCursorScreenPos(ImVec2(kbLeft, kbTop));
    m_keyboard.draw(ui, m_query, kbW, minKeyH);
}

}  // namespace vt
