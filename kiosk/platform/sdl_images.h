// Images for the UI as SDL textures: files decoded with stb_image and kept for the life of the
// renderer, and pixel buffers the kiosk makes (PDF pages) kept under a byte budget.
#pragma once

#include "ui/ui_context.h"

#include <SDL.h>

#include <cstdint>
#include <map>
#include <string>

namespace vt {

// What the pixel buffers may hold at once: a few zoomed pages and a strip of thumbnails.
inline constexpr std::uint64_t kDefaultPixelBudget = 128ull << 20;

class SdlImages : public ImageSource {
public:
    explicit SdlImages(SDL_Renderer* r, std::uint64_t pixelBudget = kDefaultPixelBudget)
        : m_renderer(r), m_budget(pixelBudget) {}
    ~SdlImages() override;
    SdlImages(const SdlImages&) = delete;
    SdlImages& operator=(const SdlImages&) = delete;
    ImTextureID image(const std::string& path, ImVec2& size) override;
    ImTextureID imageFromBytes(const std::string& key,
                               const std::function<std::optional<std::string>()>& load,
                               ImVec2& size) override;

    ImTextureID putPixels(const std::string& name, int width, int height, const std::uint8_t* rgba) override;
    ImTextureID pixels(const std::string& name, ImVec2& size) override;
    void dropPixels(const std::string& prefix) override;

    // Called by the host before each frame: textures used from now on are in this frame's
    // draw list and must not be destroyed until the next one.
    void beginFrame() { ++m_frame; }
    std::uint64_t pixelBytes() const { return m_pixelBytes; }
    std::uint64_t pixelBudget() const { return m_budget; }
    size_t pixelCount() const { return m_pixels.size(); }

private:
    struct Entry {
        SDL_Texture* texture = nullptr;  // nullptr: could not be loaded (not retried every frame)
        ImVec2 size;
    };
    struct PixelEntry {
        SDL_Texture* texture = nullptr;
        ImVec2 size;
        std::uint64_t bytes = 0;
        std::uint64_t lastUsed = 0;  // frame number
    };
    // Destroys least recently used buffers until `incoming` more bytes fit the budget; buffers
    // used in the current frame are kept (the budget may be exceeded for one frame).
    void evictFor(std::uint64_t incoming);
    void erase(std::map<std::string, PixelEntry>::iterator it);

    // Decodes with stb_image (file or memory) into a texture; an empty entry when it cannot.
    Entry decode(const unsigned char* bytes, size_t n, const std::string& path);
    SDL_Renderer* m_renderer;
    std::map<std::string, Entry> m_cache;
    std::map<std::string, PixelEntry> m_pixels;
    std::uint64_t m_budget;
    std::uint64_t m_pixelBytes = 0;
    std::uint64_t m_frame = 1;
};

}  // namespace vt
