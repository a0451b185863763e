#include "platform/sdl_images.h"

#include <stb_image.h>

#include <climits>
#include <iterator>

namespace vt {

SdlImages::~SdlImages() {
    for (auto& [path, e] : m_cache)
        if (e.texture) SDL_DestroyTexture(e.texture);
    for (auto& [name, e] : m_pixels)
        if (e.texture) SDL_DestroyTexture(e.texture);
}

SdlImages::Entry SdlImages::decode(const unsigned char* bytes, size_t n, const std::string& path) {
    Entry e;
    int w = 0, h = 0, ch = 0;
    const bool fromMemory = bytes != nullptr;
    if (fromMemory && n > INT_MAX) return e;
    const int len = static_cast<int>(n);
    // Images come from the town's signed content; still, refuse absurd sizes before decoding.
    const bool info =
        fromMemory ? stbi_info_from_memory(bytes, len, &w, &h, &ch) : stbi_info(path.c_str(), &w, &h, &ch);
    if (!info || w <= 0 || h <= 0 || w > 4096 || h > 4096) return e;
    unsigned char* px = fromMemory ? stbi_load_from_memory(bytes, len, &w, &h, &ch, 4)
                                   : stbi_load(path.c_str(), &w, &h, &ch, 4);
    if (!px) return e;
    e.texture = SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, w, h);
    if (e.texture) {
        SDL_UpdateTexture(e.texture, nullptr, px, w * 4);
        SDL_SetTextureBlendMode(e.texture, SDL_BLENDMODE_BLEND);
        SDL_SetTextureScaleMode(e.texture, SDL_ScaleModeLinear);
        e.size = ImVec2(float(w), float(h));
    }
    stbi_image_free(px);
    return e;
}

ImTextureID SdlImages::image(const std::string& path, ImVec2& size) {
    auto it = m_cache.find(path);
    if (it == m_cache.end()) it = m_cache.emplace(path, decode(nullptr, 0, path)).first;
    size = it->second.size;
    return it->second.texture;
}

ImTextureID SdlImages::imageFromBytes(const std::string& key,
                                      const std::function<std::optional<std::string>()>& load, ImVec2& size) {
    auto it = m_cache.find(key);
    if (it == m_cache.end()) {
        Entry e;
        if (const std::optional<std::string> bytes = load(); bytes && !bytes->empty())
            e = decode(reinterpret_cast<const unsigned char*>(bytes->data()), bytes->size(), key);
        it = m_cache.emplace(key, e).first;
    }
    size = it->second.size;
    return it->second.texture;
}

void SdlImages::erase(std::map<std::string, PixelEntry>::iterator it) {
    if (it->second.texture) SDL_DestroyTexture(it->second.texture);
    m_pixelBytes -= it->second.bytes;
    m_pixels.erase(it);
}

void SdlImages::evictFor(std::uint64_t incoming) {
    while (m_pixelBytes + incoming > m_budget) {
        auto oldest = m_pixels.end();
        for (auto it = m_pixels.begin(); it != m_pixels.end(); ++it)
            if (it->second.lastUsed < m_frame &&
                (oldest == m_pixels.end() || it->second.lastUsed < oldest->second.lastUsed))
                oldest = it;
        if (oldest == m_pixels.end()) return;  // everything left is on screen now
        erase(oldest);
    }
}

ImTextureID SdlImages::putPixels(const std::string& name, int width, int height, const std::uint8_t* rgba) {
    if (width <= 0 || height <= 0 || !rgba) return nullptr;
    if (auto it = m_pixels.find(name); it != m_pixels.end()) {
        if (it->second.lastUsed >= m_frame) return nullptr;  // still in this frame's draw list
        erase(it);
    }
    const std::uint64_t bytes = std::uint64_t(width) * std::uint64_t(height) * 4u;
    evictFor(bytes);
    SDL_Texture* t =
        SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, width, height);
    if (!t) return nullptr;
    SDL_UpdateTexture(t, nullptr, rgba, width * 4);
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear);
    m_pixels[name] = PixelEntry{t, ImVec2(float(width), float(height)), bytes, m_frame};
    m_pixelBytes += bytes;
    return t;
}

ImTextureID SdlImages::pixels(const std::string& name, ImVec2& size) {
    const auto it = m_pixels.find(name);
    if (it == m_pixels.end()) return nullptr;
    it->second.lastUsed = m_frame;
    size = it->second.size;
    return it->second.texture;
}

void SdlImages::dropPixels(const std::string& prefix) {
    for (auto it = m_pixels.lower_bound(prefix);
         it != m_pixels.end() && it->first.compare(0, prefix.size(), prefix) == 0;) {
        auto next = std::next(it);
        if (it->second.lastUsed < m_frame) erase(it);
        it = next;
    }
}

}  // namespace vt
