#include "ui/theme.h"

#include "core/util/readable_text.h"

#include <imgui_freetype.h>

#include <sys/stat.h>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace vt {

namespace {

constexpr ImU32 rgb(unsigned v) {
    return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 0xFF);
}

bool fileExists(const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

Palette normalPalette() {
    // primary, primaryDark, primaryLight, background, surface, surfacePressed, border, text,
    // textMuted, textOnPrimary, warning, danger
    return {rgb(0x0066CC), rgb(0x004D99), rgb(0xE5F0FA), rgb(0xF5F7FA), rgb(0xFFFFFF), rgb(0xDDEBF7),
            rgb(0x8A99A8), rgb(0x17202A), rgb(0x3D4956), rgb(0xFFFFFF), rgb(0x8F5500), rgb(0xB3001E)};
}

Palette highContrastPalette() {
    // Yellow and white on black: the classic low-vision scheme, every text pair above 7:1.
    return {rgb(0xFFE600), rgb(0xFFFFFF), rgb(0x262626), rgb(0x000000), rgb(0x000000), rgb(0x333333),
            rgb(0xFFFFFF), rgb(0xFFFFFF), rgb(0xE6E6E6), rgb(0x000000), rgb(0xFFE600), rgb(0xFF8A8A)};
}

std::vector<ColorPair> textColorPairs(const Palette& p) {
    return {
        {"text on background", p.text, p.background},
        {"text on card", p.text, p.surface},
        {"text on pressed card", p.text, p.surfacePressed},
        {"secondary text on background", p.textMuted, p.background},
        {"secondary text on card", p.textMuted, p.surface},
        {"act type on card", p.primary, p.surface},
        {"act type on pressed card", p.primary, p.surfacePressed},
        {"secondary button label", p.primary, p.surface},
        {"header, tile and primary button text", p.textOnPrimary, p.primary},
        {"pressed tile and button text", p.textOnPrimary, p.primaryDark},
        {"badge text", p.textOnPrimary, p.warning},
        {"quiet button label", p.primaryDark, p.primaryLight},
    };
}

namespace {
double linear(unsigned c8) {
    const double c = c8 / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(ImU32 c) {
    return 0.2126 * linear(c & 0xFF) + 0.7152 * linear((c >> 8) & 0xFF) + 0.0722 * linear((c >> 16) & 0xFF);
}
}  // namespace

double contrastRatio(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Theme makeTheme(float pxPerMm, float textScale, bool highContrast) {
    Theme t;
    t.palette = highContrast ? highContrastPalette() : normalPalette();
    t.highContrast = highContrast;
    t.textScale = textScale;
    Metrics& m = t.metrics;
    m.pxPerMm = std::max(1.0f, pxPerMm);
    m.touchMin = std::round(m.mm(12.0f));
    m.gap = std::round(m.mm(3.0f));
    m.margin = std::round(m.mm(6.0f));
    m.radius = std::round(m.mm(1.5f));
    // Read from a metre by someone with weaker sight: ~13 mm em for body text (capitals ~9 mm,
    // over 30 arc minutes at 1 m), never below 10 mm for secondary lines.
    t.smallPx = std::floor(m.mm(10.0f) * textScale);
    t.bodyPx = std::floor(m.mm(13.0f) * textScale);
    t.titlePx = std::floor(m.mm(18.0f) * textScale);
    t.hugePx = std::floor(m.mm(34.0f) * textScale);
    m.headerHeight = std::round(std::max(m.mm(30.0f), t.titlePx * 1.9f));
    m.navHeight = std::round(std::max(m.mm(24.0f), t.bodyPx * 2.4f));
    return t;
}

void applyImGuiStyle(const Theme& theme) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(0, 0);
    s.WindowRounding = 0;
    s.WindowBorderSize = 0;
    s.ChildRounding = 0;
    s.ChildBorderSize = 0;
    s.FrameRounding = theme.metrics.radius;
    s.ItemSpacing = ImVec2(theme.metrics.gap, theme.metrics.gap);
    s.ScrollbarSize = std::round(theme.metrics.mm(4.0f));
    s.ScrollbarRounding = 0;
    s.AntiAliasedFill = true;
    s.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(theme.palette.background);
    s.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    s.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(theme.palette.text);
    s.Colors[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    s.Colors[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(theme.palette.border);
}

bool loadFonts(Theme& theme, const char* fontDir) {
    // $VETRINA_FONT_DIR (the app's findFontDir passes it as fontDir) is then the only place fonts
    // come from, DejaVu included: how a test sees a machine with no usable font.
    const char* env = std::getenv("VETRINA_FONT_DIR");
    const char* fallbackDir = env && *env ? env : "/usr/share/fonts/truetype/dejavu";
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

    const std::string dir = fontDir ? fontDir : "";
    std::string regular = dir + "/TitilliumWeb-Regular.ttf";
    std::string semibold = dir + "/TitilliumWeb-SemiBold.ttf";
    std::string bold = dir + "/TitilliumWeb-Bold.ttf";
    if (!fileExists(regular) || !fileExists(semibold) || !fileExists(bold)) {
        const std::string fallback = fallbackDir;
        regular = fallback + "/DejaVuSans.ttf";
        semibold = bold = fallback + "/DejaVuSans-Bold.ttf";
        if (!fileExists(regular)) return false;
        if (!fileExists(bold)) semibold = bold = regular;
    }

    // Latin-1 plus the typographic punctuation and symbols of Italian text.
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder b;
        // The same ranges core makes imported text fit (core/util/readable_text.h).
        for (const unsigned short* r = kTextGlyphRanges; r[0] != 0; r += 2)
            for (unsigned c = r[0]; c <= r[1]; ++c) b.AddChar(static_cast<ImWchar>(c));
        b.BuildRanges(&ranges);
    }
    // Arrows and marks Titillium lacks come from DejaVu, merged into each size.
    static ImVector<ImWchar> symbols;
    if (symbols.empty()) {
        for (const unsigned short* r = kSymbolGlyphRanges; r[0] != 0; r += 2) {
            symbols.push_back(static_cast<ImWchar>(r[0]));
            symbols.push_back(static_cast<ImWchar>(r[1]));
        }
        symbols.push_back(0);
    }
    const std::string symbolFont = std::string(fallbackDir) + "/DejaVuSans.ttf";
    auto add = [&](const std::string& path, float px, const ImWchar* glyphs = nullptr) {
        ImFontConfig cfg;
        cfg.OversampleH = cfg.OversampleV = 1;
        ImFont* f =
            io.Fonts->AddFontFromFileTTF(path.c_str(), std::floor(px), &cfg, glyphs ? glyphs : ranges.Data);
        if (f && fileExists(symbolFont)) {
            ImFontConfig merge;
            merge.MergeMode = true;
            merge.OversampleH = merge.OversampleV = 1;
            io.Fonts->AddFontFromFileTTF(symbolFont.c_str(), std::floor(px), &merge, symbols.Data);
        }
        return f;
    };
    theme.fonts.body = add(regular, theme.bodyPx);
    theme.fonts.small = add(regular, theme.smallPx);
    theme.fonts.bodyBold = add(semibold, theme.bodyPx);
    theme.fonts.title = add(bold, theme.titlePx);
    // The huge size only shows the clock: digits alone keep the atlas (and start-up) small.
    static const ImWchar clockGlyphs[] = {0x0020, 0x003A, 0};
    theme.fonts.huge = add(semibold, theme.hugePx, clockGlyphs);
    if (!theme.fonts.body || !theme.fonts.small || !theme.fonts.bodyBold || !theme.fonts.title ||
        !theme.fonts.huge)
        return false;
    io.FontDefault = theme.fonts.body;
    return io.Fonts->Build();
}

}  // namespace vt
