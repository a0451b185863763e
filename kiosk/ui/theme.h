// The look of the kiosk in one place: the palette and type of the Italian public-administration
// design system (Blu Italia #0066CC, Titillium Web), and every size derived from the panel's
// physical scale so that touch targets and text have the same size in millimetres on any panel.
#pragma once

#include <imgui.h>

#include <vector>

namespace vt {

struct Palette {
    ImU32 primary;       // Blu Italia #0066CC
    ImU32 primaryDark;   // pressed state, header
    ImU32 primaryLight;  // tinted backgrounds
    ImU32 background;
    ImU32 surface;  // cards, tiles
    ImU32 surfacePressed;
    ImU32 border;
    ImU32 text;
    ImU32 textMuted;
    ImU32 textOnPrimary;
    ImU32 warning;  // banners (with an icon and a word, never colour alone)
    ImU32 danger;
};

struct Metrics {
    float pxPerMm = 3.0f;
    float touchMin;  // 12 mm: the smallest target
    float gap;       // 2 mm at least between targets
    float margin;    // screen side margin
    float radius;    // corner radius of cards
    float headerHeight;
    float navHeight;
    float mm(float v) const { return v * pxPerMm; }
};

struct Fonts {
    ImFont* small = nullptr;     // dates, secondary lines
    ImFont* body = nullptr;      // reading text
    ImFont* bodyBold = nullptr;  // labels, buttons
    ImFont* title = nullptr;     // screen titles
    ImFont* huge = nullptr;      // the clock
};

struct Theme {
    Palette palette;
    bool highContrast = false;
    float textScale = 1.0f;
    Metrics metrics;
    Fonts fonts;
    // Font sizes in pixels, derived from millimetres (em size).
    float smallPx = 0, bodyPx = 0, titlePx = 0, hugePx = 0;
};

// Sizes from the panel scale (pixels per millimetre) and a text scale step (1.0 = normal);
// the high-contrast palette gives every text at least 7:1 against its background.
Theme makeTheme(float pxPerMm, float textScale = 1.0f, bool highContrast = false);

Palette normalPalette();
Palette highContrastPalette();

// Every foreground/background pair the widgets draw text with, for the contrast test.
struct ColorPair {
    const char* use;
    ImU32 fg, bg;
};
std::vector<ColorPair> textColorPairs(const Palette& p);
// WCAG 2 contrast ratio of two opaque colours (1..21).
double contrastRatio(ImU32 a, ImU32 b);
// Applies spacing and colours to ImGui's style (no rounding on the software renderer's hot path).
void applyImGuiStyle(const Theme& theme);

// Loads the fonts at the theme's sizes into ImGui's atlas with the FreeType builder: Titillium
// Web from `fontDir` when present, DejaVu Sans from Debian otherwise. Returns false when no font
// could be loaded at all.
bool loadFonts(Theme& theme, const char* fontDir);

}  // namespace vt
