// What every screen and widget needs for one frame: the theme, the semantic tree, images, and a
// way to ask for more frames (animations, kinetic scroll) so the loop can otherwise sleep.
#pragma once

#include "core/util/civil_time.h"
#include "ui/semantic_tree.h"
#include "ui/theme.h"

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace vt {

// Implemented by the platform layer (SDL textures); screens only ask for an image by path.
class ImageSource {
public:
    virtual ~ImageSource() = default;
    // A texture for the image at `path`, or nullptr when it cannot be loaded. Size in pixels.
    virtual ImTextureID image(const std::string& path, ImVec2& size) = 0;

    // Pixels made by the kiosk itself (PDF pages), kept under a byte budget: the least recently
    // used are evicted, so a screen must be ready to ask for a buffer again.
    // Uploads `width` x `height` RGBA (8 bits each, no padding) under `name`, replacing any
    // buffer of that name; nullptr when the texture cannot be created.
    virtual ImTextureID putPixels(const std::string& name, int width, int height, const std::uint8_t* rgba) {
        (void)name, (void)width, (void)height, (void)rgba;
        return nullptr;
    }
    // The texture named `name` if it is still cached (marks it used this frame), else nullptr.
    virtual ImTextureID pixels(const std::string& name, ImVec2& size) {
        (void)name, (void)size;
        return nullptr;
    }
    // Frees every buffer whose name starts with `prefix`, except those drawn in this frame
    // (their textures are in the frame's draw list); those go at the next eviction.
    virtual void dropPixels(const std::string& prefix) { (void)prefix; }
    // An image kept in the store (e.g. key "media:<hash>"): `load` gives its PNG bytes and is called
    // only the first time a key is asked for, so screens may call this every frame.
    virtual ImTextureID imageFromBytes(const std::string& key,
                                       const std::function<std::optional<std::string>()>& load,
                                       ImVec2& size) = 0;
};

struct Ui {
    Theme& theme;
    SemanticTree& tree;
    ImageSource* images = nullptr;
    UnixSeconds now = 0;
    float dt = 1.0f / 60.0f;
    bool wantsFrames = false;  // set by anything still moving
    // Set by a screen waiting for work off the UI thread (PDF pages): the loop polls at a low
    // rate instead of spinning, and journeys wait for it before they look at the screen.
    bool backgroundBusy = false;
    double time = 0;          // seconds since start, for animations (not clamped like dt)
    double nextFrameIn = -1;  // a frame wanted after this many seconds (-1: none asked)
    bool asleep = false;      // the screen is dark: no frames except to wake

    // Asks the loop for a frame after `seconds` (slow animations, timers) without redrawing at full rate.
    void requestFrameIn(double seconds) {
        if (seconds < 0) seconds = 0;
        if (nextFrameIn < 0 || seconds < nextFrameIn) nextFrameIn = seconds;
    }

    const Palette& pal() const { return theme.palette; }
    const Metrics& met() const { return theme.metrics; }
    const Fonts& fonts() const { return theme.fonts; }
};

}  // namespace vt
