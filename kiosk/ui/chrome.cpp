#include "ui/chrome.h"

#include "core/util/italian_format.h"
#include "ui/i18n.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <cmath>

namespace vt {

void drawHeader(ScreenEnv& env, ImVec2 pos, ImVec2 size) {
    Ui& ui = env.ui;
    const Palette& p = ui.pal();
    const Metrics& m = ui.met();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    dl->AddRectFilled(pos, max, p.primary);

    float x = pos.x + m.margin;
    const float pad = m.mm(4.0f);
    if (ui.images && !env.config.town.coatOfArms.empty()) {
        ImVec2 isz;
        if (ImTextureID tex = ui.images->image(env.config.town.coatOfArms, isz); tex && isz.y > 0) {
            const float h = size.y - 2 * pad;
            const float w = h * isz.x / isz.y;
            dl->AddImage(tex, ImVec2(x, pos.y + pad), ImVec2(x + w, pos.y + pad + h));
            ui.tree.add(Role::Image, tr("Stemma"), env.config.town.name,
                        widgets::visibleRect(ImVec2(x, pos.y + pad), ImVec2(x + w, pos.y + pad + h)), false);
            x += w + m.mm(4.0f);
        }
    }

    // Clock and date on the right; the town name takes the rest.
    const CivilDateTime local = romeLocal(ui.now);
    const std::string clock = formatTime(local.hour, local.minute);
    const std::string date = formatDateWithWeekday(local.date, uiLanguage());
    ImFont* fc = ui.fonts().title;
    ImFont* fs = ui.fonts().small;
    const ImVec2 cs = fc->CalcTextSizeA(fc->FontSize, FLT_MAX, 0, clock.c_str());
    const ImVec2 ds = fs->CalcTextSizeA(fs->FontSize, FLT_MAX, 0, date.c_str());
    const float right = max.x - m.margin;
    const float blockH = cs.y + ds.y;
    const float top = pos.y + (size.y - blockH) * 0.5f;
    dl->AddText(fc, fc->FontSize, ImVec2(right - cs.x, top), p.textOnPrimary, clock.c_str());
    dl->AddText(fs, fs->FontSize, ImVec2(right - ds.x, top + cs.y), p.textOnPrimary, date.c_str());
    ui.tree.add(Role::Status, tr("Ora"), clock + ", " + date,
                widgets::visibleRect(ImVec2(right - std::max(cs.x, ds.x), top), ImVec2(right, top + blockH)),
                false);

    const float nameWidth = right - std::max(cs.x, ds.x) - m.mm(4.0f) - x;
    ImFont* fn = ui.fonts().title;
    const std::string& name = env.config.town.name;
    const float nameTop = pos.y + (size.y - fn->FontSize - fs->FontSize) * 0.5f;
    widgets::clampedText(dl, fn, p.textOnPrimary, ImVec2(x, nameTop), nameWidth, name, 1);
    // Under the town's name, discreetly: when the content was last updated, and in words when the
    // kiosk is offline or a source fails (the details are in maintenance and `vetrina status`).
    std::string line = std::string(tr("Punto informativo")) + " \xC2\xB7 " + tr("Punto informativo", kOther);
    {
        const SyncOverview& ov = env.sync;
        // The last successful check: content that did not change but was checked a minute ago
        // is up to date.
        const UnixSeconds when = ov.lastSuccess > 0 ? ov.lastSuccess : ov.contentUpdatedAt;
        if (when > 0) {
            const CivilDateTime u = romeLocal(when);
            const std::string at = formatTime(u.hour, u.minute);
            line = u.date == local.date ? fillIn(tr("Aggiornato oggi alle {0}"), {at})
                                        : fillIn(tr("Aggiornato il {0} alle {1}"),
                                                 {formatDateShort(u.date, uiLanguage()), at});
        }
        if (ov.offline || ov.anyFailing) {
            const std::string badge = std::string("\xE2\x9A\xA0 ") +
                                      (ov.offline ? tr("Non in linea") : tr("Aggiornamento non riuscito"));
            line = badge + " \xC2\xB7 " + line;
        }
    }
    ui.tree.add(Role::Status, line, line,
                widgets::visibleRect(ImVec2(x, nameTop + fn->FontSize),
                                     ImVec2(x + nameWidth, nameTop + fn->FontSize + fs->FontSize)),
                false);
    widgets::clampedText(dl, fs, p.textOnPrimary, ImVec2(x, nameTop + fn->FontSize), nameWidth, line, 1);
    ui.tree.add(Role::Heading, name, name,
                widgets::visibleRect(ImVec2(x, nameTop), ImVec2(x + nameWidth, nameTop + fn->FontSize)),
                false);
}

bool hasReadAloud(const ScreenEnv& env) {
    return static_cast<bool>(env.actions.speak);
}

void listenButton(ScreenEnv& env, ImVec2 size) {
    const bool speaking = env.actions.isSpeaking && env.actions.isSpeaking();
    const bool english = env.session.language == Language::English;
    if (speaking) {
        if (widgets::button(env.ui, "##listen", tr("Ferma"), tr("Ferma", kOther), size,
                            widgets::ButtonStyle::Secondary, "\xE2\x96\xA0"))
            env.actions.stopSpeaking();
    } else if (widgets::button(env.ui, "##listen", tr("Ascolta"), tr("Ascolta", kOther), size,
                               widgets::ButtonStyle::Secondary, "\xE2\x96\xB6")) {
        env.actions.speak(env.ui.tree.readingText(english), english);
    }
}

void drawNavBar(ScreenEnv& env, ImVec2 pos, ImVec2 size) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ui.pal().surface);
    dl->AddLine(pos, ImVec2(pos.x + size.x, pos.y), ui.pal().border, std::max(1.0f, m.mm(0.4f)));
    const float pad = m.mm(3.0f);
    const int count = hasReadAloud(env) ? 3 : 2;
    const float bw = std::floor((size.x - 2 * m.margin - float(count - 1) * m.gap) / float(count));
    const float bh = size.y - 2 * pad;
    float x = pos.x + m.margin;
    ImGui::SetCursorScreenPos(ImVec2(x, pos.y + pad));
    if (widgets::button(ui, "##back", tr("Indietro"), tr("Indietro", kOther), ImVec2(bw, bh),
                        widgets::ButtonStyle::Secondary, "\xE2\x97\x80"))
        env.nav.back();
    if (count == 3) {
        x += bw + m.gap;
        ImGui::SetCursorScreenPos(ImVec2(x, pos.y + pad));
        listenButton(env, ImVec2(bw, bh));
    }
    x += bw + m.gap;
    ImGui::SetCursorScreenPos(ImVec2(x, pos.y + pad));
    if (widgets::button(ui, "##home", tr("Inizio"), tr("Inizio", kOther), ImVec2(bw, bh),
                        widgets::ButtonStyle::Secondary))
        env.nav.home();
}

}  // namespace vt
