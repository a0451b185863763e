#include "platform/sdl_images.h"

#include <stb_image.h>

#include <climits>

namespace vt {

SdlImages::~SdlImages() {
    for (auto& [path, e] : m_cache)
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

}  // namespace vt
