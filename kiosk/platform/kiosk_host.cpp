#include "platform/kiosk_host.h"

#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb_image_write.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <optional>
#include <thread>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace vt {

namespace {

std::atomic<bool> g_stopRequested{false};

void onStopSignal(int) {
    g_stopRequested = true;
}

}  // namespace

void KioskHost::requestStop() {
    g_stopRequested = true;
}
bool KioskHost::stopRequested() {
    return g_stopRequested;
}
void KioskHost::clearStop() {
    g_stopRequested = false;
}

bool KioskHost::handleEvent(const SDL_Event& e) {
    if (m_input.handleSdlEvent(e, m_opt.width, m_opt.height)) return true;
    switch (e.type) {
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED && m_window)
                SDL_GetWindowSize(m_window, &m_opt.width, &m_opt.height);
            return true;
        case SDL_QUIT:
            if (!m_opt.fullscreen) g_stopRequested = true;  // a development window may be closed
            return false;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
        case SDL_TEXTINPUT:
            return false;  // no keyboard shortcut leaves or changes the kiosk
        default:
            return e.type == wakeEventType();
    }
}

Uint32 KioskHost::wakeEventType() {
    static const Uint32 type = SDL_RegisterEvents(1);
    return type;
}

std::unique_ptr<KioskHost> KioskHost::create(const HostOptions& opt, std::string& error) {
    std::unique_ptr<KioskHost> host(new KioskHost(opt));
    if (!host->init(error)) return nullptr;
    return host;
}

bool KioskHost::init(std::string& error) {
    // The same behaviour on KMSDRM (fingers only) and Wayland (fingers + synthesised mouse).
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    // SIGTERM from systemd is ours to handle; SDL would turn it into a quit request that a
    // locked-down kiosk ignores.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (m_opt.headless) {
        if (SDL_Init(0) != 0) return error = SDL_GetError(), false;
        m_sdlInited = true;
        m_surface =
            SDL_CreateRGBSurfaceWithFormat(0, m_opt.width, m_opt.height, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!m_surface) return error = SDL_GetError(), false;
        m_renderer = SDL_CreateSoftwareRenderer(m_surface);
        if (!m_renderer) return error = SDL_GetError(), false;
    } else {
        // Only the video subsystem: with timers or joysticks SDL would poll every millisecond.
        if (SDL_Init(SDL_INIT_VIDEO) != 0)
            return error = std::string("no display available (") + SDL_GetError() + ")", false;
        m_sdlInited = true;
        const Uint32 flags = SDL_WINDOW_SHOWN | (m_opt.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        m_window = SDL_CreateWindow("Vetrina", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, m_opt.width,
                                    m_opt.height, flags);
        if (!m_window) return error = std::string("cannot open the window: ") + SDL_GetError(), false;
        SDL_GetWindowSize(m_window, &m_opt.width, &m_opt.height);
        m_renderer = SDL_CreateRenderer(m_window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        if (!m_renderer) m_renderer = SDL_CreateRenderer(m_window, -1, SDL_RENDERER_SOFTWARE);
        if (!m_renderer) return error = std::string("cannot create a renderer: ") + SDL_GetError(), false;
        if (m_opt.fullscreen) SDL_ShowCursor(SDL_DISABLE);
    }
    IMGUI_CHECKVERSION();
    m_imgui = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no disk writes, no state drift
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen;
    io.MouseDragThreshold = std::max(6.0f, m_opt.pxPerMm * 1.5f);
    io.DisplaySize = ImVec2(float(m_opt.width), float(m_opt.height));
    m_theme = makeTheme(m_opt.pxPerMm);
    if (!loadFonts(m_theme, m_opt.fontDir.c_str()))
        return error = "no usable font (Titillium Web or DejaVu Sans)", false;
    applyImGuiStyle(m_theme);
    if (!ImGui_ImplSDLRenderer_Init(m_renderer)) return error = "cannot initialise the ImGui renderer", false;
    m_images = std::make_unique<SdlImages>(m_renderer);
    return true;
}

KioskHost::~KioskHost() {
    m_images.reset();
    if (m_imgui) {
        // A host that failed half-way (no usable font) never started the backend: shutting it
        // down would dereference its missing data.
        if (ImGui::GetIO().BackendRendererUserData) ImGui_ImplSDLRenderer_Shutdown();
        ImGui::DestroyContext(m_imgui);
    }
    if (m_renderer) SDL_DestroyRenderer(m_renderer);
    if (m_surface) SDL_FreeSurface(m_surface);
    if (m_window) SDL_DestroyWindow(m_window);
    if (m_sdlInited) SDL_Quit();
}

void KioskHost::applySession(const Session& s) {
    const float scale = textScaleOf(s.textSize);
    if (scale == m_theme.textScale && s.highContrast == m_theme.highContrast) return;
    const bool fontsChange = scale != m_theme.textScale;
    const Fonts fonts = m_theme.fonts;
    m_theme = makeTheme(m_opt.pxPerMm, scale, s.highContrast);
    if (fontsChange) {
        // Between frames, so no draw list still points at the old atlas.
        ImGui_ImplSDLRenderer_DestroyFontsTexture();
        loadFonts(m_theme, m_opt.fontDir.c_str());
        ImGui_ImplSDLRenderer_CreateFontsTexture();
    } else {
        m_theme.fonts = fonts;
    }
    applyImGuiStyle(m_theme);
}

bool KioskHost::frame(KioskUi& ui, UnixSeconds now, float dt, bool rasterize) {
    applySession(ui.session());
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(m_opt.width), float(m_opt.height));
    io.DeltaTime = std::clamp(dt, 1e-4f, 0.1f);  // after a long idle, animations must not jump
    m_input.applyToImGui(io);
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui::NewFrame();
    m_images->beginFrame();
    m_time += std::max(0.0f, dt);
    Ui u{m_theme, m_tree, m_images.get(), now, io.DeltaTime, false, false};
    u.time = m_time;
    ui.frame(u);
    m_backgroundBusy = u.backgroundBusy;
    m_nextFrameIn = u.nextFrameIn;
    m_asleep = u.asleep;
    ImGui::Render();
    if (rasterize) rasterizeLast();
    return u.wantsFrames || m_input.hasPending() || ImGui::GetIO().MouseDown[0];
}

void KioskHost::rasterizeLast() {
    const ImU32 bg = m_asleep ? IM_COL32(0, 0, 0, 255) : m_theme.palette.background;
    SDL_SetRenderDrawColor(m_renderer, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 0xFF);
    SDL_RenderClear(m_renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    if (m_window) SDL_RenderPresent(m_renderer);
}

bool KioskHost::savePng(const std::string& path) {
    // Draw the last frame again into the back buffer and read it back.
    const ImU32 bg = m_theme.palette.background;
    SDL_SetRenderDrawColor(m_renderer, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 0xFF);
    SDL_RenderClear(m_renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    std::vector<unsigned char> px(size_t(m_opt.width) * size_t(m_opt.height) * 4);
    if (SDL_RenderReadPixels(m_renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, px.data(), m_opt.width * 4) != 0)
        return false;
    return stbi_write_png(path.c_str(), m_opt.width, m_opt.height, 4, px.data(), m_opt.width * 4) != 0;
}

std::string KioskHost::pngThumbnail(int maxWidth) {
    const ImU32 bg = m_theme.palette.background;
    SDL_SetRenderDrawColor(m_renderer, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 0xFF);
    SDL_RenderClear(m_renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    const int w = m_opt.width, h = m_opt.height;
    std::vector<unsigned char> px(size_t(w) * size_t(h) * 4);
    if (SDL_RenderReadPixels(m_renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, px.data(), w * 4) != 0) return {};
    // Box filter by an integer factor: cheap, and sharp enough to see what is on screen.
    const int f = std::max(1, (w + maxWidth - 1) / std::max(1, maxWidth));
    const int tw = w / f, th = h / f;
    std::vector<unsigned char> thumb(size_t(tw) * size_t(th) * 4);
    for (int y = 0; y < th; ++y)
        for (int x = 0; x < tw; ++x)
            for (int c = 0; c < 4; ++c) {
                unsigned sum = 0;
                for (int dy = 0; dy < f; ++dy)
                    for (int dx = 0; dx < f; ++dx)
                        sum += px[(size_t(y * f + dy) * size_t(w) + size_t(x * f + dx)) * 4 + size_t(c)];
                thumb[(size_t(y) * size_t(tw) + size_t(x)) * 4 + size_t(c)] =
                    static_cast<unsigned char>(sum / unsigned(f * f));
            }
    std::string out;
    auto sink = [](void* ctx, void* data, int size) {
        static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<size_t>(size));
    };
    if (!stbi_write_png_to_func(sink, &out, tw, th, 4, thumb.data(), tw * 4)) return {};
    return out;
}

long KioskHost::run(KioskUi& ui, const LoopHooks& hooks) {
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    using Clock = std::chrono::steady_clock;
    auto last = Clock::now();
    int needFrames = 3;
    long frames = 0;
    UnixSeconds drawnMinute = -1;
    bool firstFrameDone = false;
    bool panelOff = false;
    bool frameAsked = false;  // by the UI (requestFrameIn), due at frameDue
    Clock::time_point frameDue = Clock::now();
    while (!g_stopRequested) {
        if (hooks.onLoopIteration) hooks.onLoopIteration();
        const UnixSeconds now = hooks.now();
        // Sleep until input, a wake-up from the sync thread, a frame the UI asked for, or the next
        // minute for the clock. The cap keeps SIGTERM and the watchdog ping (onLoopIteration) responsive.
        int timeoutMs = 0;
        if (needFrames == 0) {
            long ms = 500;
            if (!m_asleep) ms = std::min(ms, (60 - (now % 60)) * 1000L);
            // Work off the UI thread (a PDF page) is polled a few times a second, not spun on.
            if (m_backgroundBusy) ms = std::min(ms, 40L);
            if (frameAsked)
                ms = std::min(ms, static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                                        frameDue - Clock::now())
                                                        .count()));
            timeoutMs = static_cast<int>(std::clamp(ms, 1L, 500L));
        }
        SDL_Event e;
        bool got = false;
        if (m_window) {
            got = SDL_WaitEventTimeout(&e, timeoutMs) != 0;
        } else if (timeoutMs > 0) {
            SDL_Delay(static_cast<Uint32>(timeoutMs));  // off-screen (bench): no event source to wait on
        }
        while (got) {
            if (handleEvent(e)) needFrames = 3;
            got = SDL_PollEvent(&e) != 0;
        }
        if (hooks.onIdle && hooks.onIdle()) needFrames = std::max(needFrames, 1);
        if (hooks.contentChanged && hooks.contentChanged->exchange(false)) {
            ui.contentChanged();
            needFrames = std::max(needFrames, 2);
        }
        const UnixSeconds nowAfter = hooks.now();
        // The header clock changes on the minute; a dark screen has no clock to update.
        if ((!m_asleep && nowAfter / 60 != drawnMinute) || m_backgroundBusy)
            needFrames = std::max(needFrames, 1);
        if (frameAsked && Clock::now() >= frameDue) needFrames = std::max(needFrames, 1);
        if (needFrames == 0) continue;
        const auto t = Clock::now();
        const float dt = std::chrono::duration<float>(t - last).count();
        last = t;
        const bool more = frame(ui, nowAfter, dt, true);
        ++frames;
        if (hooks.framesDrawn) ++*hooks.framesDrawn;
        drawnMinute = nowAfter / 60;
        --needFrames;
        if (more) needFrames = std::max(needFrames, 1);
        frameAsked = m_nextFrameIn >= 0;
        if (frameAsked)
            frameDue = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                          std::chrono::duration<double>(m_nextFrameIn));
        if (m_asleep != panelOff) {
            panelOff = m_asleep;
            const auto& cmd = panelOff ? m_opt.screenOffCommand : m_opt.screenOnCommand;
            if (!cmd.empty() && !spawnDetached(cmd))
                std::fprintf(stderr, "vetrina: cannot run %s\n", cmd[0].c_str());
        }
        if (!firstFrameDone) {
            firstFrameDone = true;
            if (hooks.afterFirstFrame) hooks.afterFirstFrame();
        }
        if (hooks.maxFrames >= 0 && frames >= hooks.maxFrames) break;
    }
    return frames;
}

bool spawnDetached(const std::vector<std::string>& argv) {
    if (argv.empty()) return false;
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    // fork/exec through posix_spawnp (vfork-like, safe in a threaded process); the child is reaped
    // by a second, short-lived waiter so no zombie is left behind.
    pid_t pid = 0;
    if (posix_spawnp(&pid, args[0], nullptr, nullptr, args.data(), environ) != 0) return false;
    std::thread([pid] {
        int status = 0;
        waitpid(pid, &status, 0);
    }).detach();
    return true;
}

}  // namespace vt
