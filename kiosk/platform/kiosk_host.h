// The window (or an off-screen surface), Dear ImGui with the SDL_Renderer backend, fonts, and
// the frame loop that draws only when something changed.
#pragma once

#include "core/util/civil_time.h"
#include "platform/sdl_images.h"
#include "platform/touch_input.h"
#include "ui/kiosk_ui.h"
#include "ui/semantic_tree.h"
#include "ui/theme.h"

#include <SDL.h>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace vt {

struct HostOptions {
    int width = 1080;
    int height = 1920;
    bool fullscreen = true;
    bool headless = false;  // software renderer on a memory surface; no display needed
    float pxPerMm = 3.0f;
    std::string fontDir;
    // Run (fork/exec, no shell) when the screen schedule puts the panel to sleep / wakes it; empty: none.
    std::vector<std::string> screenOffCommand, screenOnCommand;
};

struct LoopHooks {
    std::function<UnixSeconds()> now;             // the kiosk's clock
    std::atomic<bool>* contentChanged = nullptr;  // set by the sync/import thread
    std::function<void()> afterFirstFrame;        // e.g. tell systemd READY=1
    std::function<bool()> onIdle;                 // once per loop iteration, on the UI thread; true: redraw
    std::function<void()> onLoopIteration;        // once per iteration, from this thread (watchdog)
    int maxFrames = -1;                           // stop after this many frames (bench); -1: forever
    std::atomic<std::uint64_t>* framesDrawn = nullptr;  // counted for the fleet report
};

class KioskHost {
public:
    static std::unique_ptr<KioskHost> create(const HostOptions& opt, std::string& error);
    ~KioskHost();
    KioskHost(const KioskHost&) = delete;
    KioskHost& operator=(const KioskHost&) = delete;

    // One frame: input, UI, and (when rasterize) the pixels. Returns true when the UI asks for
    // more frames (something moves or input is still queued).
    bool frame(KioskUi& ui, UnixSeconds now, float dt, bool rasterize = true);
    bool savePng(const std::string& path);
    // The last frame scaled down to at most `maxWidth` pixels wide, as PNG bytes ("" on failure):
    // the fleet report's thumbnail.
    std::string pngThumbnail(int maxWidth);
    // Draws the last frame's ImGui data into the renderer (what frame() does when rasterize).
    void rasterizeLast();
    // Runs until quit; draws only on input, content changes, animations and the clock's minute.
    // Returns the number of frames drawn.
    long run(KioskUi& ui, const LoopHooks& hooks);

    // After the last frame: seconds until the UI wants another (-1: not asked), and whether it is dark.
    double nextFrameIn() const { return m_nextFrameIn; }
    bool asleep() const { return m_asleep; }

    TouchInput& input() { return m_input; }
    SdlImages& images() { return *m_images; }
    // The last frame had work under way off the UI thread (a PDF page being rendered).
    bool backgroundBusy() const { return m_backgroundBusy; }
    SemanticTree& tree() { return m_tree; }
    Theme& theme() { return m_theme; }
    int width() const { return m_opt.width; }
    int height() const { return m_opt.height; }
    static Uint32 wakeEventType();
    // Ends run() after the current frame (from the UI thread or a signal).
    static void requestStop();
    static bool stopRequested();
    static void clearStop();
    // One SDL event: pointer input goes to the touch layer; a close request stops only a
    // development window; keys are never handled, so Alt+F4, Ctrl+Q, Alt+Tab, Escape or F11 do
    // nothing to a kiosk. Returns true when the screen must be redrawn.
    bool handleEvent(const SDL_Event& e);

private:
    explicit KioskHost(const HostOptions& opt) : m_opt(opt) {}
    bool init(std::string& error);
    // Rebuilds palette and fonts when the visitor changed text size or contrast.
    void applySession(const Session& s);

    HostOptions m_opt;
    SDL_Window* m_window = nullptr;
    SDL_Surface* m_surface = nullptr;
    SDL_Renderer* m_renderer = nullptr;
    ImGuiContext* m_imgui = nullptr;
    std::unique_ptr<SdlImages> m_images;
    TouchInput m_input;
    SemanticTree m_tree;
    Theme m_theme;
    bool m_sdlInited = false;
    bool m_backgroundBusy = false;
    double m_time = 0;  // animation clock: the sum of the frames' dt
    double m_nextFrameIn = -1;
    bool m_asleep = false;
};

// Runs a program with its arguments (no shell) without waiting for it; false when it could not start.
bool spawnDetached(const std::vector<std::string>& argv);

}  // namespace vt
