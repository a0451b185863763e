// What every screen and widget needs for one frame: the theme, the semantic tree, images, and a
// way to ask for more frames (animations, kinetic scroll) so the loop can otherwise sleep.
#pragma once

#include "core/util/civil_time.h"
#include "ui/semantic_tree.h"
#include "ui/theme.h"

#include <imgui.h>

#include <string>

namespace vt {

// Implemented by the platform layer (SDL textures); screens only ask for an image by path.
class ImageSource {
public:
    virtual ~ImageSource() = default;
    // A texture for the image at `path`, or nullptr when it cannot be loaded. Size in pixels.
    virtual ImTextureID image(const std::string& path, ImVec2& size) = 0;
};

struct Ui {
    Theme& theme;
    SemanticTree& tree;
    ImageSource* images = nullptr;
    UnixSeconds now = 0;
    float dt = 1.0f / 60.0f;
    bool wantsFrames = false;  // set by anything still moving

    const Palette& pal() const { return theme.palette; }
    const Metrics& met() const { return theme.metrics; }
    const Fonts& fonts() const { return theme.fonts; }
};

}  // namespace vt
