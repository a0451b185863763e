// An attachment on screen: the pages of a PDF on this disk, rendered by the child renderer on a
// worker thread ("Caricamento…" meanwhile), turned by swipe or by large buttons, zoomed by
// buttons or a double tap, panned by drag, with a strip of page thumbnails. Rendered pages are
// textures under the image source's byte budget; an evicted page is simply rendered again.
#pragma once

#include "ui/pdf_worker.h"
#include "ui/screen_env.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace vt {

class PdfScreen {
public:
    // `helper`: the executable that runs `pdf-render` (the kiosk itself; tests pass theirs).
    void setHelper(std::string helper) { m_helper = std::move(helper); }
    void draw(ScreenEnv& env, const Route& route);
    // The visitor is elsewhere: stop queued renders and take finished ones.
    void leave(Ui& ui);

    int page() const { return m_page; }  // 0-based
    int pageCount() const { return m_pageCount; }
    float zoom() const { return m_zoom; }

private:
    enum class State { NoFile, Opening, Ready, Failed };

    void load(ScreenEnv& env, const Route& route);
    void poll(Ui& ui);
    void goToPage(int page);
    void setZoom(float zoom, ImVec2 focus, ImVec2 viewCenter);
    void clampPan(ImVec2 viewSize);
    float aspect(int page) const;
    // The page's texture at `width` pixels, or the best other width still cached (size in pixels).
    ImTextureID pageTexture(Ui& ui, int page, int width, ImVec2& size, bool& exact);
    void request(int page, int width, bool urgent);
    std::string pageKey(int page, int width) const;
    std::string thumbKey(int page) const;

    void drawHeader(ScreenEnv& env, float width);
    void drawPageView(ScreenEnv& env, ImVec2 pos, ImVec2 size);
    void drawZoomRow(ScreenEnv& env, float width, bool stacked);
    void drawPageButtons(ScreenEnv& env, float width, bool stacked);
    void drawThumbnails(ScreenEnv& env, ImVec2 pos, ImVec2 size);
    void drawError(ScreenEnv& env, float width);

    std::string m_helper = "/proc/self/exe";
    std::unique_ptr<PdfWorker> m_worker;

    Route m_loadedRoute;
    std::uint64_t m_loadedVersion = ~0ull;
    int m_generation = 0;  // names the textures of the document loaded
    std::string m_path;
    std::string m_name;     // file name
    std::string m_actLine;  // "Allegato all'atto n. 2026/45"
    State m_state = State::NoFile;
    int m_pageCount = 0;
    int m_page = 0;
    int m_firstPage = 0;  // where the route asked to start
    float m_zoom = 1.0f;
    ImVec2 m_pan{0, 0};                     // offset of the page centre from the view centre, pixels
    std::map<int, float> m_aspect;          // height / width, known once a page was rendered
    std::map<int, std::set<int>> m_widths;  // widths uploaded per page
    std::set<int> m_thumbs;                 // thumbnails uploaded
    std::set<int> m_badPages, m_badThumbs;  // the renderer refused them

    bool m_dragging = false;
    ImVec2 m_dragStart{0, 0};
    ImVec2 m_panStart{0, 0};
    ImVec2 m_lastViewSize{0, 0};
};

}  // namespace vt
