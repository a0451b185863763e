#include "ui/screens/notices_screen.h"
#include "ui/i18n.h"

#include "core/notices/notice_store.h"
#include "core/schedule/signage.h"
#include "core/util/text.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace vt {

namespace {

const char* langOf(const Session& s) {
    return s.language == Language::English ? "en" : "it";
}

float noticeCardHeight(const Ui& ui) {
    return std::round(ui.met().mm(8.0f) + ui.fonts().bodyBold->FontSize * 2.1f +
                      ui.fonts().body->FontSize * 2.0f);
}

}  // namespace

std::string noticePlainText(std::string_view md) {
    std::string out;
    size_t i = 0;
    while (i <= md.size()) {
        size_t eol = md.find('\n', i);
        if (eol == std::string_view::npos) eol = md.size();
        std::string line(md.substr(i, eol - i));
        i = eol + 1;
        std::string_view t = line;
        while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
        std::string prefix;
        if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ') {
            prefix = "\xE2\x80\xA2 ";
            t.remove_prefix(2);
        }
        while (!t.empty() && t.front() == '#') t.remove_prefix(1);
        std::string clean;
        for (size_t k = 0; k < t.size(); ++k) {
            if ((t[k] == '*' || t[k] == '_') && k + 1 < t.size() && t[k + 1] == t[k]) {
                ++k;
                continue;
            }
            if (t[k] == '[') {  // [text](url) -> text
                const size_t close = t.find("](", k);
                const size_t end = close == std::string_view::npos ? close : t.find(')', close);
                if (end != std::string_view::npos) {
                    clean += t.substr(k + 1, close - k - 1);
                    k = end;
                    continue;
                }
            }
            clean += t[k];
        }
        out += prefix + trim(clean) + "\n";
        if (eol == md.size()) break;
    }
    // At most one empty line between paragraphs.
    std::string squeezed;
    for (char c : trim(out)) {
        if (c == '\n' && squeezed.size() >= 2 && squeezed[squeezed.size() - 1] == '\n' &&
            squeezed[squeezed.size() - 2] == '\n')
            continue;
        squeezed += c;
    }
    return widgets::displayable(squeezed);
}

float drawNoticeImage(Ui& ui, const ScreenEnv& env, const Notice& n, ImVec2 pos, ImVec2 box, float alpha) {
    if (n.imageHash.empty() || !ui.images || box.x <= 0 || box.y <= 0) return 0;
    ImVec2 isz;
    const Database& db = env.db;
    const std::string hash = n.imageHash;
    ImTextureID tex = ui.images->imageFromBytes(
        "media:" + hash, [&db, hash] { return noticeImage(db, hash); }, isz);
    if (!tex || isz.x <= 0 || isz.y <= 0) return 0;
    const float scale = std::min(box.x / isz.x, box.y / isz.y);
    const ImVec2 s(std::floor(isz.x * scale), std::floor(isz.y * scale));
    const ImVec2 p(pos.x + std::floor((box.x - s.x) * 0.5f), pos.y);
    const ImU32 tint = IM_COL32(255, 255, 255, static_cast<int>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f));
    ImGui::GetWindowDrawList()->AddImage(tex, p, ImVec2(p.x + s.x, p.y + s.y), ImVec2(0, 0), ImVec2(1, 1),
                                         tint);
    ui.tree.add(Role::Image, tr("Immagine"), n.texts.empty() ? "" : n.texts[0].title,
                widgets::visibleRect(p, ImVec2(p.x + s.x, p.y + s.y)), false);
    return s.y;
}

void NoticesScreen::reloadIfNeeded(ScreenEnv& env) {
    // Notices start and stop by the hour (dayparting): reload each minute as well as on new content.
    if (m_loadedVersion == env.contentVersion && env.ui.now / 60 == m_loadedAt / 60) return;
    m_notices = listNoticesAt(env.db, env.ui.now, HolidayCalendar(env.config.town.patronDay));
    m_loadedVersion = env.contentVersion;
    m_loadedAt = env.ui.now;
}

int NoticesScreen::count(ScreenEnv& env) {
    reloadIfNeeded(env);
    return static_cast<int>(m_notices.size());
}

void NoticesScreen::drawList(ScreenEnv& env) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    reloadIfNeeded(env);
    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(left, env.pos.y + m.mm(5.0f)));
    ImGui::BeginGroup();
    widgets::text(ui, ui.fonts().title, p.text, tr("Avvisi"), Role::Heading, width);
    const std::string count = fillIn(m_notices.size() == 1 ? tr("{0} avviso") : tr("{0} avvisi"),
                                     {std::to_string(m_notices.size())});
    widgets::text(ui, ui.fonts().small, p.textMuted, count + " \xC2\xB7 " + tr("Avvisi", kOther), Role::Text,
                  width);
    ImGui::EndGroup();

    const float top = ImGui::GetCursorScreenPos().y + m.mm(3.0f);
    ImGui::SetCursorScreenPos(ImVec2(env.pos.x, top));
    ImGui::BeginChild("##notices-list", ImVec2(env.size.x, env.pos.y + env.size.y - top), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    if (m_notices.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(left, top + m.mm(6.0f)));
        widgets::text(ui, ui.fonts().body, p.text,
                      std::string(tr("Nessun avviso in questo momento.")) + "\n" +
                          tr("Nessun avviso in questo momento.", kOther),
                      Role::Text, width);
    }
    const float cardH = noticeCardHeight(ui);
    const std::string lang = langOf(env.session);
    for (const Notice& n : m_notices) {
        ImGui::SetCursorPosX(left - env.pos.x);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        ImGui::PushID(static_cast<int>(n.id));
        const bool pressed = widgets::card(ui, "##notice", ImVec2(width, cardH), widgets::CardStyle::List);
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, m.gap));
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 max(pos.x + width, pos.y + cardH);
        const float pad = m.mm(4.0f);
        float textW = width - 2 * pad - m.mm(1.5f);
        if (!n.imageHash.empty()) {
            const float thumb = cardH - 2 * pad;
            const float used = drawNoticeImage(ui, env, n, ImVec2(max.x - pad - thumb * 1.5f, pos.y + pad),
                                               ImVec2(thumb * 1.5f, thumb));
            if (used > 0) textW -= thumb * 1.5f + m.mm(3.0f);
        }
        const NoticeText& t = n.textFor(lang);
        const std::string title = widgets::displayable(t.title);
        const std::string shortText =
            widgets::displayable(t.shortText.empty() ? noticePlainText(t.body) : t.shortText);
        const float x = pos.x + pad + m.mm(1.5f);
        float y = pos.y + pad;
        y += widgets::clampedText(dl, ui.fonts().bodyBold, p.text, ImVec2(x, y), textW, title, 2);
        widgets::clampedText(
            dl, ui.fonts().body, p.textMuted, ImVec2(x, y + m.mm(1.0f)), textW, shortText,
            std::max(1, 2 - (y > pos.y + pad + ui.fonts().bodyBold->FontSize * 1.5f ? 1 : 0)));
        ui.tree.add(Role::ListItem, title, shortText, widgets::visibleRect(pos, max), true);
        if (pressed) env.nav.open({ScreenId::NoticeDetail, n.id});
    }
    ImGui::Dummy(ImVec2(0, m.mm(4.0f)));
    m_listScroller.update(ui);
    ImGui::EndChild();
}

void NoticesScreen::drawDetail(ScreenEnv& env, std::int64_t id) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    reloadIfNeeded(env);
    if (m_detailId != id) {
        m_detailId = id;
        m_detailScroller.stop();
    }
    const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
    const float left = env.pos.x + std::floor((env.size.x - width) * 0.5f);
    ImGui::SetCursorScreenPos(env.pos);
    ImGui::BeginChild("##notice", env.size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoMove);
    ImGui::SetCursorPos(ImVec2(left - env.pos.x, m.mm(5.0f)));
    ImGui::BeginGroup();
    const auto it =
        std::find_if(m_notices.begin(), m_notices.end(), [&](const Notice& n) { return n.id == id; });
    if (it == m_notices.end()) {
        widgets::text(ui, ui.fonts().title, p.text, tr("Avviso non disponibile"), Role::Heading, width);
        widgets::text(ui, ui.fonts().body, p.text,
                      std::string(tr("Questo avviso non \xC3\xA8 pi\xC3\xB9 esposto.")) + "\n" +
                          tr("Questo avviso non \xC3\xA8 pi\xC3\xB9 esposto.", kOther),
                      Role::Text, width);
    } else {
        const NoticeText& t = it->textFor(langOf(env.session));
        widgets::text(ui, ui.fonts().small, p.primary,
                      it->kind == "news" ? tr("NOTIZIA", kBoth) : tr("AVVISO", kBoth), Role::Text, width);
        widgets::text(ui, ui.fonts().title, p.text, widgets::displayable(t.title), Role::Heading, width);
        ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float h =
            drawNoticeImage(ui, env, *it, at, ImVec2(width, std::min(env.size.y * 0.35f, width * 0.6f)));
        if (h > 0) ImGui::Dummy(ImVec2(width, h + m.mm(3.0f)));
        if (!t.shortText.empty())
            widgets::text(ui, ui.fonts().bodyBold, p.text, widgets::displayable(t.shortText), Role::Text,
                          width);
        ImGui::Dummy(ImVec2(0, m.mm(2.0f)));
        if (!t.body.empty())
            widgets::text(ui, ui.fonts().body, p.text, noticePlainText(t.body), Role::Text, width);
        if (t.lang != langOf(env.session))
            widgets::text(ui, ui.fonts().small, p.textMuted,
                          tr("(Non disponibile in inglese: testo in italiano.)"), Role::Text, width);
        ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
    }
    ImGui::EndGroup();
    m_detailScroller.update(ui);
    ImGui::EndChild();
}

}  // namespace vt
