#include "ui/screens/pdf_screen.h"
#include "ui/i18n.h"

#include "core/albo/albo_store.h"
#include "ui/attachment_files.h"
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace vt {

namespace {

constexpr float kZoomLevels[] = {1.0f, 1.5f, 2.0f, 3.0f};
constexpr float kA4 = 1.4142f;  // height / width until a page tells us
// Translated where drawn.
constexpr const char* kCannotShow = tr("Il documento non pu\xC3\xB2 essere mostrato", kMarkOnly);
constexpr const char* kLoading = tr("Caricamento\xE2\x80\xA6", kMarkOnly);

// The widest render that stays inside the renderer's output cap and a texture every GPU takes.
int maxRenderWidth(float aspect) {
    const double byBytes = std::sqrt(double(48u << 20) / (4.0 * double(aspect)));
    const double byHeight = 4096.0 / double(aspect);
    return static_cast<int>(std::min({3000.0, byBytes, byHeight}));
}

std::string pageWord(int page, int count) {
    return fillIn(tr("Pagina {0} di {1}"), {std::to_string(page + 1), std::to_string(count)});
}

}  // namespace

std::string PdfScreen::pageKey(int page, int width) const {
    return "pdf:" + std::to_string(m_generation) + ":p" + std::to_string(page) + "@" + std::to_string(width);
}

std::string PdfScreen::thumbKey(int page) const {
    return "pdf:" + std::to_string(m_generation) + ":t" + std::to_string(page);
}

float PdfScreen::aspect(int page) const {
    const auto it = m_aspect.find(page);
    if (it != m_aspect.end()) return it->second;
    return m_aspect.empty() ? kA4 : m_aspect.begin()->second;  // documents rarely change format
}

void PdfScreen::load(ScreenEnv& env, const Route& route) {
    if (m_worker) m_worker->clearQueue();
    if (env.ui.images) env.ui.images->dropPixels("pdf:" + std::to_string(m_generation) + ":");
    ++m_generation;
    m_loadedRoute = route;
    m_loadedVersion = env.contentVersion;
    m_path.clear();
    m_name.clear();
    m_actLine.clear();
    m_state = State::NoFile;
    m_pageCount = 0;
    m_page = 0;
    m_firstPage = std::max(0, route.page - 1);
    m_zoom = 1.0f;
    m_pan = ImVec2(0, 0);
    m_aspect.clear();
    m_widths.clear();
    m_thumbs.clear();
    m_badPages.clear();
    m_badThumbs.clear();
    m_dragging = false;

    const std::optional<Act> act = findAct(env.db, route.id);
    if (!act || !isInPublicationWindow(*act, env.ui.now)) return;
    m_actLine = fillIn(tr("Allegato all'atto n. {0}"), {act->uid}) + " \xC2\xB7 " + tr("Allegato", kOther);
    const std::vector<AttachmentView> views = resolveAttachments(env.db, *act);
    for (size_t i = 0; i < views.size(); ++i) {
        const bool wanted =
            route.attachment > 0 ? static_cast<int>(i) + 1 == route.attachment : !views[i].localPath.empty();
        if (!wanted) continue;
        m_name = views[i].name;
        m_path = views[i].localPath;
        break;
    }
    if (m_path.empty()) return;
    if (!m_worker) m_worker = std::make_unique<PdfWorker>(m_helper);
    m_state = State::Opening;
    PdfWorker::Job job;
    job.kind = PdfWorker::Job::Kind::Open;
    job.path = m_path;
    job.key = "pdf:" + std::to_string(m_generation) + ":open";
    m_worker->request(std::move(job), true);
}

void PdfScreen::poll(Ui& ui) {
    if (!m_worker) return;
    const std::string prefix = "pdf:" + std::to_string(m_generation) + ":";
    for (PdfWorker::Done& d : m_worker->takeDone()) {
        if (d.job.key.compare(0, prefix.size(), prefix) != 0) continue;  // an earlier document
        if (d.job.kind == PdfWorker::Job::Kind::Open) {
            if (d.result.ok && d.result.pageCount > 0) {
                m_pageCount = d.result.pageCount;
                m_page = std::min(m_firstPage, m_pageCount - 1);
                m_state = State::Ready;
            } else {
                m_state = State::Failed;
            }
            continue;
        }
        const bool thumb = d.job.key == thumbKey(d.job.page);
        if (!d.result.ok || d.result.width <= 0 || d.result.height <= 0) {
            (thumb ? m_badThumbs : m_badPages).insert(d.job.page);
            continue;
        }
        if (!ui.images ||
            !ui.images->putPixels(d.job.key, d.result.width, d.result.height, d.result.rgba.data()))
            continue;  // asked again when it is needed
        m_aspect[d.job.page] = float(d.result.height) / float(d.result.width);
        if (thumb)
            m_thumbs.insert(d.job.page);
        else
            m_widths[d.job.page].insert(d.job.width);
    }
}

void PdfScreen::leave(Ui& ui) {
    if (!m_worker) return;
    m_worker->clearQueue();
    poll(ui);
    if (m_worker->busy()) ui.backgroundBusy = true;  // the child running now still answers
}

void PdfScreen::request(int page, int width, bool urgent) {
    if (!m_worker || page < 0 || page >= m_pageCount || m_badPages.count(page)) return;
    PdfWorker::Job job;
    job.kind = PdfWorker::Job::Kind::Page;
    job.path = m_path;
    job.page = page;
    job.width = width;
    job.key = pageKey(page, width);
    m_worker->request(std::move(job), urgent);
}

ImTextureID PdfScreen::pageTexture(Ui& ui, int page, int width, ImVec2& size, bool& exact) {
    exact = false;
    if (!ui.images) return nullptr;
    if (ImTextureID t = ui.images->pixels(pageKey(page, width), size)) return exact = true, t;
    // Meanwhile the sharpest other rendering of the page still cached, scaled.
    ImTextureID best = nullptr;
    auto& widths = m_widths[page];
    for (auto it = widths.begin(); it != widths.end();) {
        ImVec2 s;
        if (ImTextureID t = ui.images->pixels(pageKey(page, *it), s)) {
            best = t, size = s;
            ++it;
        } else {
            it = widths.erase(it);  // evicted
        }
    }
    return best;
}

void PdfScreen::goToPage(int page) {
    if (m_pageCount <= 0) return;
    page = std::clamp(page, 0, m_pageCount - 1);
    if (page == m_page) return;
    m_page = page;
    m_zoom = 1.0f;
    m_pan = ImVec2(0, 0);
    if (m_worker) m_worker->clearQueue();  // thumbnails and pages of the old position
}

void PdfScreen::clampPan(ImVec2 viewSize) {
    const float a = aspect(m_page);
    const float fitW = std::min(viewSize.x, viewSize.y / a);
    const float maxX = std::max(0.0f, (fitW * m_zoom - viewSize.x) * 0.5f);
    const float maxY = std::max(0.0f, (fitW * a * m_zoom - viewSize.y) * 0.5f);
    m_pan.x = std::clamp(m_pan.x, -maxX, maxX);
    m_pan.y = std::clamp(m_pan.y, -maxY, maxY);
}

void PdfScreen::setZoom(float zoom, ImVec2 focus, ImVec2 viewCenter) {
    // The point under `focus` stays where it is.
    const float ratio = zoom / m_zoom;
    const ImVec2 rel(focus.x - viewCenter.x - m_pan.x, focus.y - viewCenter.y - m_pan.y);
    m_pan = ImVec2(focus.x - viewCenter.x - rel.x * ratio, focus.y - viewCenter.y - rel.y * ratio);
    m_zoom = zoom;
    if (m_zoom <= 1.0f) m_pan = ImVec2(0, 0);
    clampPan(m_lastViewSize);
}

void PdfScreen::drawHeader(ScreenEnv& env, float width) {
    Ui& ui = env.ui;
    widgets::text(ui, ui.fonts().bodyBold, ui.pal().text,
                  widgets::displayable(m_name.empty() ? tr("Allegato") : m_name), Role::Heading, width);
    if (!m_actLine.empty())
        widgets::text(ui, ui.fonts().small, ui.pal().textMuted, m_actLine, Role::Text, width);
    if (m_state == State::Ready) {
        std::string status = pageWord(m_page, m_pageCount);
        widgets::text(ui, ui.fonts().title, ui.pal().text, status, Role::Status, width);
    }
}

void PdfScreen::drawPageView(ScreenEnv& env, ImVec2 pos, ImVec2 size) {
    Ui& ui = env.ui;
    const Palette& p = ui.pal();
    const Metrics& m = ui.met();
    ImGuiIO& io = ImGui::GetIO();
    m_lastViewSize = size;
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const ImVec2 center(pos.x + size.x * 0.5f, pos.y + size.y * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, max, p.surfacePressed);

    // Gestures: drag pans a zoomed page, a horizontal swipe turns an unzoomed one, a double tap
    // zooms in where it landed (or back out).
    ImGui::SetCursorScreenPos(pos);
    widgets::pressArea("##pdf-view", size);
    if (ImGui::IsItemActivated()) {
        m_dragging = true;
        m_dragStart = io.MouseClickedPos[0];
        m_panStart = m_pan;
    }
    if (m_dragging && io.MouseDown[0] && m_zoom > 1.0f) {
        m_pan = ImVec2(m_panStart.x + io.MousePos.x - m_dragStart.x,
                       m_panStart.y + io.MousePos.y - m_dragStart.y);
        clampPan(size);
    }
    if (m_dragging && !io.MouseDown[0]) {
        m_dragging = false;
        const float dx = io.MousePos.x - m_dragStart.x, dy = io.MousePos.y - m_dragStart.y;
        if (m_zoom <= 1.0f && std::fabs(dx) > m.mm(15.0f) && std::fabs(dx) > 1.5f * std::fabs(dy))
            goToPage(m_page + (dx < 0 ? 1 : -1));
    }
    if (io.MouseDoubleClicked[0] && ImRect(pos, max).Contains(io.MousePos)) {
        if (m_zoom <= 1.0f)
            setZoom(2.0f, io.MousePos, center);
        else
            setZoom(1.0f, center, center);
    }

    const float a = aspect(m_page);
    const float fitW = std::floor(std::min(size.x - m.mm(4.0f), (size.y - m.mm(4.0f)) / a));
    const float dispW = fitW * m_zoom, dispH = fitW * a * m_zoom;
    const ImVec2 pmin(std::floor(center.x + m_pan.x - dispW * 0.5f),
                      std::floor(center.y + m_pan.y - dispH * 0.5f));
    const ImVec2 pmax(pmin.x + dispW, pmin.y + dispH);
    const int target = std::clamp(static_cast<int>(std::ceil(dispW / 64.0f)) * 64, 64, maxRenderWidth(a));

    dl->PushClipRect(pos, max, true);
    dl->AddRectFilled(pmin, pmax, IM_COL32(255, 255, 255, 255));
    dl->AddRect(pmin, pmax, p.border, 0, 0, std::max(1.0f, m.mm(0.3f)));
    ImVec2 texSize;
    bool exact = false;
    ImTextureID tex = pageTexture(ui, m_page, target, texSize, exact);
    if (tex) dl->AddImage(tex, pmin, pmax);
    dl->PopClipRect();
    const std::string pageName = fillIn(tr("Pagina {0}"), {std::to_string(m_page + 1)});
    if (m_badPages.count(m_page)) {
        ImGui::SetCursorScreenPos(ImVec2(pos.x + m.mm(6.0f), center.y - ui.fonts().body->FontSize));
        widgets::text(ui, ui.fonts().bodyBold, p.text,
                      std::string(tr(kCannotShow)) + ".\n" +
                          tr("Questa pagina non pu\xC3\xB2 essere mostrata.", kOther),
                      Role::Status, size.x - m.mm(12.0f));
    } else {
        if (!exact) request(m_page, target, true);
        if (!tex) {
            ImFont* f = ui.fonts().bodyBold;
            const char* loading = tr(kLoading);
            const ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, loading);
            const ImVec2 tpos(std::floor(center.x - ts.x * 0.5f), std::floor(center.y - ts.y * 0.5f));
            // Dark text on the white page whatever the palette.
            dl->AddText(f, f->FontSize, tpos, IM_COL32(0, 0, 0, 255), loading);
            ui.tree.add(Role::Status, loading, loading,
                        widgets::visibleRect(tpos, ImVec2(tpos.x + ts.x, tpos.y + ts.y)), false);
        } else {
            ui.tree.add(Role::Image, pageName,
                        fillIn(tr("{0} di {1}"), {pageWord(m_page, m_pageCount), m_name}),
                        widgets::visibleRect(ImVec2(std::max(pmin.x, pos.x), std::max(pmin.y, pos.y)),
                                             ImVec2(std::min(pmax.x, max.x), std::min(pmax.y, max.y))),
                        false);
        }
        // The next page at the unzoomed size, so that turning is instant.
        if (exact && m_page + 1 < m_pageCount) {
            const int nextW = std::clamp(static_cast<int>(std::ceil(fitW / 64.0f)) * 64, 64,
                                         maxRenderWidth(aspect(m_page + 1)));
            ImVec2 s;
            if (!ui.images || !ui.images->pixels(pageKey(m_page + 1, nextW), s))
                request(m_page + 1, nextW, false);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(pos.x, max.y));
}

void PdfScreen::drawZoomRow(ScreenEnv& env, float width, bool stacked) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const float bh = std::max(m.touchMin, std::round(ui.fonts().bodyBold->FontSize * 2.0f));
    int level = 0;
    for (int i = 0; i < 4; ++i)
        if (m_zoom >= kZoomLevels[i] - 0.01f) level = i;
    const std::string pct =
        fillIn(tr("Ingrandimento {0}%"), {std::to_string(static_cast<int>(std::lround(m_zoom * 100)))});
    // Side by side: [− Riduci] 150% [+ Ingrandisci]; in a narrow column the words go on top.
    ImFont* fs = ui.fonts().small;
    const float labelW =
        stacked ? 0.0f : std::ceil(fs->CalcTextSizeA(fs->FontSize, FLT_MAX, 0, pct.c_str()).x) + 2 * m.gap;
    float bw = std::floor((width - labelW - m.gap) / 2.0f);
    // Larger text in a narrow column: one button per row rather than words cut at the edge.
    ImFont* fb = ui.fonts().small;
    const bool oneByOne =
        stacked &&
        fb->CalcTextSizeA(fb->FontSize, FLT_MAX, 0, (std::string("+  ") + tr("Ingrandisci")).c_str()).x >
            bw - m.mm(4.0f);
    if (oneByOne) bw = width;
    if (stacked) widgets::text(ui, fs, ui.pal().text, pct, Role::Status, width);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // The buttons zoom about the centre of the view (focus and centre the same point).
    const ImVec2 viewCenter(0, 0);
    if (widgets::button(ui, "##zoom-out", tr("Riduci"), tr("Riduci", kOther), ImVec2(bw, bh),
                        level > 0 ? widgets::ButtonStyle::Secondary : widgets::ButtonStyle::Quiet,
                        "\xE2\x88\x92") &&
        level > 0)
        setZoom(kZoomLevels[level - 1], viewCenter, viewCenter);
    if (!stacked) {
        ImGui::SetCursorScreenPos(
            ImVec2(origin.x + bw + m.gap, origin.y + std::floor((bh - fs->FontSize) * 0.5f)));
        widgets::text(ui, fs, ui.pal().text, pct, Role::Status, labelW);
    }
    const ImVec2 second =
        oneByOne ? ImVec2(origin.x, origin.y + bh + m.gap) : ImVec2(origin.x + width - bw, origin.y);
    ImGui::SetCursorScreenPos(second);
    if (widgets::button(ui, "##zoom-in", tr("Ingrandisci"), tr("Ingrandisci", kOther), ImVec2(bw, bh),
                        level < 3 ? widgets::ButtonStyle::Secondary : widgets::ButtonStyle::Quiet, "+") &&
        level < 3)
        setZoom(kZoomLevels[level + 1], viewCenter, viewCenter);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, second.y + bh + m.gap));
    ImGui::Dummy(ImVec2(width, 0));
}

void PdfScreen::drawPageButtons(ScreenEnv& env, float width, bool stacked) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    const float bh = std::max(m.touchMin, std::round(ui.fonts().bodyBold->FontSize * 2.2f));
    const float bw = stacked ? width : std::floor((width - m.gap) / 2.0f);
    const bool first = m_page <= 0, last = m_page + 1 >= m_pageCount;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    if (widgets::button(
            ui, "##prev-page", tr("Pagina precedente"),
            first ? tr("Questa \xC3\xA8 la prima pagina", kOther) : tr("Pagina precedente", kOther),
            ImVec2(bw, bh), first ? widgets::ButtonStyle::Quiet : widgets::ButtonStyle::Primary,
            "\xE2\x97\x80") &&
        !first)
        goToPage(m_page - 1);
    ImGui::SetCursorScreenPos(stacked ? ImVec2(origin.x, origin.y + bh + m.gap)
                                      : ImVec2(origin.x + bw + m.gap, origin.y));
    // The arrow goes after the words on this one: drawn by hand, as buttons put icons first.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (widgets::button(
            ui, "##next-page", std::string(tr("Pagina successiva")) + " \xE2\x96\xB6",
            last ? tr("Questa \xC3\xA8 l'ultima pagina", kOther) : tr("Pagina successiva", kOther),
            ImVec2(stacked ? width : width - bw - m.gap, bh),
            last ? widgets::ButtonStyle::Quiet : widgets::ButtonStyle::Primary) &&
        !last)
        goToPage(m_page + 1);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, at.y + bh + m.gap));
    ImGui::Dummy(ImVec2(width, 0));
}

void PdfScreen::drawThumbnails(ScreenEnv& env, ImVec2 pos, ImVec2 size) {
    Ui& ui = env.ui;
    const Palette& p = ui.pal();
    const Metrics& m = ui.met();
    ImFont* fs = ui.fonts().small;
    const float labelH = fs->FontSize * 1.1f;
    const float thumbH = std::max(m.mm(26.0f), m.touchMin * 1.5f);
    const float thumbW = std::round(thumbH / aspect(0));
    const int cols = std::max(1, static_cast<int>((size.x + m.gap) / (thumbW + m.gap)));
    // No room left (larger text in landscape): the page buttons are enough.
    const int rows = static_cast<int>((size.y + m.gap) / (thumbH + labelH + m.gap));
    const int n = std::min(m_pageCount, cols * rows);
    if (n <= 0) return;
    // A window of pages around the current one.
    const int start = std::clamp(m_page - n / 2, 0, std::max(0, m_pageCount - n));
    const int usedCols = std::min(cols, n);
    const float x0 =
        pos.x + std::floor((size.x - (static_cast<float>(usedCols) * (thumbW + m.gap) - m.gap)) * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int k = 0; k < n; ++k) {
        const int page = start + k;
        const ImVec2 tpos(x0 + static_cast<float>(k % cols) * (thumbW + m.gap),
                          pos.y + static_cast<float>(k / cols) * (thumbH + labelH + m.gap));
        ImGui::SetCursorScreenPos(tpos);
        ImGui::PushID(page);
        bool held = false;
        const bool tapped = widgets::pressArea("##thumb", ImVec2(thumbW, thumbH + labelH), &held);
        ImGui::PopID();
        const ImVec2 tmax(tpos.x + thumbW, tpos.y + thumbH);
        dl->AddRectFilled(tpos, tmax, IM_COL32(255, 255, 255, 255));
        ImVec2 ts;
        if (ImTextureID t =
                ui.images && m_thumbs.count(page) ? ui.images->pixels(thumbKey(page), ts) : nullptr) {
            // Keep the page's proportions inside the slot.
            const float a = ts.y / std::max(1.0f, ts.x);
            float w = thumbW, h = thumbW * a;
            if (h > thumbH) h = thumbH, w = thumbH / a;
            const ImVec2 imin(tpos.x + std::floor((thumbW - w) * 0.5f),
                              tpos.y + std::floor((thumbH - h) * 0.5f));
            dl->AddImage(t, imin, ImVec2(imin.x + w, imin.y + h));
        } else if (!m_badThumbs.count(page) && m_worker) {
            m_thumbs.erase(page);
            PdfWorker::Job job;
            job.kind = PdfWorker::Job::Kind::Page;
            job.path = m_path;
            job.page = page;
            job.width = kPdfThumbnailWidth;
            job.key = thumbKey(page);
            m_worker->request(std::move(job), false);
        }
        const bool current = page == m_page;
        // The current page: a thick frame and a bold, underlined number (not colour alone).
        dl->AddRect(tpos, tmax, current ? p.primary : p.border, 0, 0,
                    current ? std::max(3.0f, m.mm(1.2f)) : std::max(1.0f, m.mm(0.3f)));
        if (held) dl->AddRectFilled(tpos, tmax, IM_COL32(0, 0, 0, 40));
        const std::string num = std::to_string(page + 1);
        ImFont* lf = current ? ui.fonts().bodyBold : fs;
        const ImVec2 ns = lf->CalcTextSizeA(fs->FontSize, FLT_MAX, 0, num.c_str());
        const ImVec2 npos(tpos.x + std::floor((thumbW - ns.x) * 0.5f), tmax.y + 1);
        dl->AddText(lf, fs->FontSize, npos, current ? p.primary : p.text, num.c_str());
        if (current)
            dl->AddLine(ImVec2(npos.x, npos.y + ns.y), ImVec2(npos.x + ns.x, npos.y + ns.y), p.primary,
                        std::max(2.0f, m.mm(0.5f)));
        ui.tree.add(
            Role::Button, fillIn(tr("Pagina {0}"), {num}),
            current ? fillIn(tr("Pagina {0}, mostrata ora"), {num}) : fillIn(tr("Vai a pagina {0}"), {num}),
            widgets::visibleRect(tpos, ImVec2(tmax.x, tmax.y + labelH)), true);
        if (tapped) goToPage(page);
    }
}

void PdfScreen::drawError(ScreenEnv& env, float width) {
    Ui& ui = env.ui;
    ImGui::Dummy(ImVec2(0, ui.met().mm(6.0f)));
    widgets::text(
        ui, ui.fonts().title, ui.pal().text,
        m_state == State::Failed ? tr(kCannotShow) : tr("Il documento non \xC3\xA8 disponibile qui"),
        Role::Heading, width);
    widgets::text(ui, ui.fonts().body, ui.pal().text,
                  m_state == State::Failed ? tr("Il documento non pu\xC3\xB2 essere mostrato", kOther)
                                           : tr("Il documento non \xC3\xA8 disponibile qui", kOther),
                  Role::Text, width);
    ImGui::Dummy(ImVec2(0, ui.met().mm(3.0f)));
    widgets::text(ui, ui.fonts().body, ui.pal().text,
                  std::string(tr("Puoi consultarlo sull'albo pretorio online del Comune.")) + "\n" +
                      tr("Puoi consultarlo sull'albo pretorio online del Comune.", kOther),
                  Role::Text, width);
}

void PdfScreen::draw(ScreenEnv& env, const Route& route) {
    Ui& ui = env.ui;
    const Metrics& m = ui.met();
    if (!(m_loadedRoute == route) || m_loadedVersion != env.contentVersion) load(env, route);
    poll(ui);

    const bool landscape = env.size.x > env.size.y * 1.2f;
    const float top = env.pos.y + m.mm(3.0f);
    const float bottom = env.pos.y + env.size.y - m.mm(2.0f);
    if (m_state != State::Ready) {
        const float width = widgets::readableWidth(ui, env.size.x - 2 * m.margin);
        ImGui::SetCursorScreenPos(ImVec2(env.pos.x + std::floor((env.size.x - width) * 0.5f), top));
        ImGui::BeginGroup();
        drawHeader(env, width);
        if (m_state == State::Opening) {
            ImGui::Dummy(ImVec2(0, m.mm(6.0f)));
            widgets::text(ui, ui.fonts().title, ui.pal().text, tr(kLoading), Role::Status, width);
        } else {
            drawError(env, width);
        }
        ImGui::EndGroup();
    } else if (landscape) {
        // The page with its page buttons on the left, the rest in a column on the right.
        const float colW = std::floor(std::min(m.mm(170.0f), env.size.x * 0.36f));
        const float colX = env.pos.x + env.size.x - m.margin - colW;
        const float viewX = env.pos.x + m.margin;
        const float viewW = colX - m.margin - viewX;
        const float pageBtnH = std::max(m.touchMin, std::round(ui.fonts().bodyBold->FontSize * 2.2f));
        const float pageBtnTop = bottom - pageBtnH;
        drawPageView(env, ImVec2(viewX, top), ImVec2(viewW, pageBtnTop - m.gap - top));
        ImGui::SetCursorScreenPos(ImVec2(viewX, pageBtnTop));
        drawPageButtons(env, viewW, false);
        ImGui::SetCursorScreenPos(ImVec2(colX, top));
        ImGui::BeginGroup();
        drawHeader(env, colW);
        ImGui::Dummy(ImVec2(0, m.mm(1.0f)));
        drawZoomRow(env, colW, true);
        ImGui::EndGroup();
        const float thumbsTop = ImGui::GetCursorScreenPos().y + m.mm(1.0f);
        drawThumbnails(env, ImVec2(colX, thumbsTop), ImVec2(colW, bottom - thumbsTop));
    } else {
        const float width = env.size.x - 2 * m.margin;
        const float left = env.pos.x + m.margin;
        ImGui::SetCursorScreenPos(ImVec2(left, top));
        ImGui::BeginGroup();
        drawHeader(env, width);
        ImGui::EndGroup();
        const float viewTop = ImGui::GetCursorScreenPos().y + m.mm(1.0f);
        // Controls from the bottom up: page buttons, thumbnails, zoom.
        const float pageBtnH = std::max(m.touchMin, std::round(ui.fonts().bodyBold->FontSize * 2.2f));
        const float zoomH = std::max(m.touchMin, std::round(ui.fonts().bodyBold->FontSize * 2.0f));
        const float thumbsH = std::max(m.mm(26.0f), m.touchMin * 1.5f) + ui.fonts().small->FontSize * 1.1f;
        const float pageBtnTop = bottom - pageBtnH;
        const float thumbsTop = pageBtnTop - m.gap - thumbsH;
        const float zoomTop = thumbsTop - m.gap - zoomH;
        drawPageView(env, ImVec2(left, viewTop), ImVec2(width, zoomTop - m.gap - viewTop));
        ImGui::SetCursorScreenPos(ImVec2(left, zoomTop));
        drawZoomRow(env, width, false);
        drawThumbnails(env, ImVec2(left, thumbsTop), ImVec2(width, thumbsH));
        ImGui::SetCursorScreenPos(ImVec2(left, pageBtnTop));
        drawPageButtons(env, width, false);
    }
    if (m_worker && m_worker->busy()) ui.backgroundBusy = true;
}

}  // namespace vt
