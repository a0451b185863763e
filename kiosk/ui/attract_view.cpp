#include "ui/attract_view.h"
#include "ui/i18n.h"

#include "core/util/italian_format.h"
#include "ui/screens/events_screen.h"
#include "ui/screens/notices_screen.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace vt {

namespace {

ImU32 faded(ImU32 c, float a) {
    const auto alpha =
        static_cast<ImU32>(std::lround(float((c >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(a, 0.0f, 1.0f)));
    return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

// Wrapped text at `size` pixels, at most `maxLines` lines (cut below); returns the height used.
float wrapped(Ui& ui, ImDrawList* dl, ImFont* f, float size, ImU32 col, ImVec2 pos, float width,
              const std::string& s, int maxLines, bool announce, Role role = Role::Text) {
    if (s.empty()) return 0;
    const char* b = s.c_str();
    const char* e = b + s.size();
    const float lineH = size;
    const float h = std::min(f->CalcTextSizeA(size, FLT_MAX, width, b, e).y, lineH * float(maxLines));
    const ImVec4 clip(pos.x, pos.y, pos.x + width, pos.y + h);
    dl->AddText(f, size, pos, col, b, e, width, &clip);
    if (announce) ui.tree.add(role, s, s, widgets::visibleRect(pos, ImVec2(pos.x + width, pos.y + h)), false);
    return h;
}

}  // namespace

void AttractView::setContent(const AttractPlaylist& playlist, std::vector<EventOccurrence> todayEvents) {
    m_notices.clear();
    m_slides.clear();
    for (const Slide& s : playlist.slides) {
        m_slides.push_back({Kind::Notice, m_notices.size(), double(std::max(3, s.seconds))});
        m_notices.push_back(s.notice);
    }
    m_events = std::move(todayEvents);
    if (!m_events.empty()) m_slides.push_back({Kind::Events, 0, 10.0});
    m_slides.push_back({Kind::Clock, 0, 8.0});
}

void AttractView::draw(ScreenEnv& env, double elapsed) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(env.pos, ImVec2(env.pos.x + env.size.x, env.pos.y + env.size.y), p.background);
    if (m_slides.empty()) m_slides.push_back({Kind::Clock, 0, 8.0});

    // Burn-in protection: everything moves by up to 1 mm in a 3x3 pattern, one step a minute.
    const long minute = static_cast<long>(ui.now / 60);
    const ImVec2 shift(m.mm(1.0f) * float(minute % 3 - 1), m.mm(1.0f) * float((minute / 3) % 3 - 1));

    // The prompt at the bottom: the whole screen answers a touch (KioskUi handles it).
    ImFont* ft = ui.fonts().title;
    const std::string touch = tr("Tocca lo schermo per iniziare");
    const std::string touchEn = tr("Tocca lo schermo per iniziare", kOther);
    const float footH = std::round(ft->FontSize * 1.2f + ui.fonts().body->FontSize * 1.2f + m.mm(12.0f));
    const ImVec2 footPos(env.pos.x, env.pos.y + env.size.y - footH);
    dl->AddRectFilled(footPos, ImVec2(env.pos.x + env.size.x, env.pos.y + env.size.y), p.primary);
    {
        const ImVec2 s1 = ft->CalcTextSizeA(ft->FontSize, FLT_MAX, 0, touch.c_str());
        const ImVec2 s2 =
            ui.fonts().body->CalcTextSizeA(ui.fonts().body->FontSize, FLT_MAX, 0, touchEn.c_str());
        const float y = footPos.y + m.mm(6.0f) + shift.y;
        dl->AddText(ft, ft->FontSize, ImVec2(env.pos.x + (env.size.x - s1.x) * 0.5f + shift.x, y),
                    p.textOnPrimary, touch.c_str());
        dl->AddText(ui.fonts().body, ui.fonts().body->FontSize,
                    ImVec2(env.pos.x + (env.size.x - s2.x) * 0.5f + shift.x, y + ft->FontSize * 1.1f),
                    p.textOnPrimary, touchEn.c_str());
        ui.tree.add(Role::Button, touch, touchEn,
                    widgets::visibleRect(env.pos, ImVec2(env.pos.x + env.size.x, env.pos.y + env.size.y)),
                    true);
    }

    // Which slide, and how far into it.
    double total = 0;
    for (const Item& s : m_slides) total += s.seconds;
    double t = std::fmod(std::max(0.0, elapsed), total);
    size_t i = 0;
    while (i + 1 < m_slides.size() && t >= m_slides[i].seconds) t -= m_slides[i++].seconds;
    const double left = m_slides[i].seconds - t;
    const ImVec2 area(env.pos.x + shift.x, env.pos.y + shift.y);
    const ImVec2 areaSize(env.size.x, env.size.y - footH);
    const bool fading = elapsed >= kCrossfadeSeconds && t < kCrossfadeSeconds && m_slides.size() > 1;
    if (fading) {
        const float a = static_cast<float>(t / kCrossfadeSeconds);
        const size_t prev = (i + m_slides.size() - 1) % m_slides.size();
        drawSlide(env, m_slides[prev], area, areaSize, 1.0f - a, false);
        drawSlide(env, m_slides[i], area, areaSize, a, true);
        ui.requestFrameIn(1.0 / kCrossfadeFps);
    } else {
        drawSlide(env, m_slides[i], area, areaSize, 1.0f, true);
        // Nothing moves until the next slide or the clock's minute.
        const double toMinute = 60.0 - double(ui.now % 60);
        ui.requestFrameIn(std::min(left, toMinute));
    }
}

void AttractView::drawSlide(ScreenEnv& env, const Item& s, ImVec2 pos, ImVec2 size, float alpha,
                            bool announce) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const Palette& p = ui.pal();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float width = std::min(size.x - 2 * m.margin, ui.fonts().title->FontSize * 30.0f);
    const float x = pos.x + std::floor((size.x - width) * 0.5f);
    float y = pos.y + m.mm(8.0f);
    const CivilDateTime local = romeLocal(ui.now);
    const std::string clock = formatTime(local.hour, local.minute);
    const std::string date = formatDateWithWeekday(local.date, uiLanguage());
    ImFont* ft = ui.fonts().title;
    ImFont* fb = ui.fonts().body;
    ImFont* fbb = ui.fonts().bodyBold;

    if (s.kind == Kind::Clock) {
        ImFont* fh = ui.fonts().huge;
        const float hs = fh->FontSize * 2.0f;
        const ImVec2 cs = fh->CalcTextSizeA(hs, FLT_MAX, 0, clock.c_str());
        const float cy = pos.y + std::max(m.mm(10.0f), (size.y - cs.y - ft->FontSize * 3.0f) * 0.4f);
        dl->AddText(fh, hs, ImVec2(pos.x + (size.x - cs.x) * 0.5f, cy), faded(p.text, alpha), clock.c_str());
        const ImVec2 ds = ft->CalcTextSizeA(ft->FontSize, FLT_MAX, 0, date.c_str());
        dl->AddText(ft, ft->FontSize, ImVec2(pos.x + (size.x - ds.x) * 0.5f, cy + cs.y), faded(p.text, alpha),
                    date.c_str());
        const std::string& town = env.config.town.name;
        const ImVec2 ts = fb->CalcTextSizeA(fb->FontSize, FLT_MAX, 0, town.c_str());
        dl->AddText(fb, fb->FontSize, ImVec2(pos.x + (size.x - ts.x) * 0.5f, cy + cs.y + ft->FontSize * 1.6f),
                    faded(p.textMuted, alpha), town.c_str());
        if (announce)
            ui.tree.add(Role::Status, tr("Ora"), clock + ", " + date,
                        widgets::visibleRect(pos, ImVec2(pos.x + size.x, cy + cs.y + ds.y)), false);
        return;
    }

    // Notice and events slides carry the time and date at the top.
    const std::string line = clock + "  \xC2\xB7  " + date;
    y += wrapped(ui, dl, fbb, fbb->FontSize, faded(p.textMuted, alpha), ImVec2(x, y), width, line, 1, false);
    y += m.mm(6.0f);
    // The slide's content is centred in the space left: drawn from the top, then moved down.
    const int firstVertex = dl->VtxBuffer.Size;
    const float contentTop = y;
    const auto centre = [&](float contentBottom) {
        const float dy =
            std::floor(std::max(0.0f, (pos.y + size.y - contentTop) - (contentBottom - contentTop)) * 0.4f);
        for (int v = firstVertex; v < dl->VtxBuffer.Size; ++v) dl->VtxBuffer[v].pos.y += dy;
    };

    if (s.kind == Kind::Events) {
        y += wrapped(ui, dl, ft, ft->FontSize * 1.2f, faded(p.text, alpha), ImVec2(x, y), width,
                     fillIn(tr("Oggi a {0}"), {env.config.town.name}), 2, announce, Role::Heading);
        y += wrapped(ui, dl, fb, fb->FontSize, faded(p.textMuted, alpha), ImVec2(x, y), width,
                     tr("Gli eventi di oggi", kOther), 1, false);
        y += m.mm(6.0f);
        const float bottom = pos.y + size.y - m.mm(6.0f);
        for (const EventOccurrence& e : m_events) {
            const float need = fbb->FontSize * 1.2f + ft->FontSize * 1.1f + fb->FontSize * 1.2f + m.mm(6.0f);
            if (y + need > bottom) break;
            y += wrapped(ui, dl, fbb, fbb->FontSize, faded(p.primary, alpha), ImVec2(x, y), width,
                         eventTimeIt(e), 1, announce);
            y += wrapped(ui, dl, ft, ft->FontSize, faded(p.text, alpha), ImVec2(x, y), width,
                         widgets::displayable(e.summary), 1, announce);
            if (!e.location.empty())
                y += wrapped(ui, dl, fb, fb->FontSize, faded(p.textMuted, alpha), ImVec2(x, y), width,
                             widgets::displayable(e.location), 1, announce);
            y += m.mm(6.0f);
        }
        centre(y);
        return;
    }

    const Notice& n = m_notices[s.notice];
    const NoticeText& t = n.textFor(uiLanguageCode());
    y += wrapped(ui, dl, fbb, fbb->FontSize, faded(p.primary, alpha), ImVec2(x, y), width,
                 std::string(tr("AVVISO")) + " \xC2\xB7 " + tr("AVVISO", kOther), 1, false);
    y += m.mm(2.0f);
    y += wrapped(ui, dl, ft, ft->FontSize * 1.3f, faded(p.text, alpha), ImVec2(x, y), width,
                 widgets::displayable(t.title), 3, announce, Role::Heading);
    y += m.mm(5.0f);
    const float imageBox = std::min(width * 0.62f, (pos.y + size.y - y) * 0.45f);
    if (!n.imageHash.empty()) {
        const float h = drawNoticeImage(ui, env, n, ImVec2(x, y), ImVec2(width, imageBox), alpha);
        if (h > 0) y += h + m.mm(5.0f);
    }
    const std::string text =
        widgets::displayable(t.shortText.empty() ? noticePlainText(t.body) : t.shortText);
    const int lines =
        std::max(1, static_cast<int>((pos.y + size.y - y - m.mm(6.0f)) / (fb->FontSize * 1.25f)));
    y += wrapped(ui, dl, fb, fb->FontSize * 1.25f, faded(p.text, alpha), ImVec2(x, y), width, text,
                 std::min(lines, 6), announce);
    centre(y);
}

}  // namespace vt
