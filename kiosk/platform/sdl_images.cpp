#include "platform/sdl_images.h"

#include <stb_image.h>

namespace vt {

SdlImages::~SdlImages() {
    for (auto& [path, e] : m_cache)
        if (e.texture) SDL_DestroyTexture(e.texture);
}

ImTextureID SdlImages::image(const std::string& path, ImVec2& size) {
    auto it = m_cache.find(path);
    if (it == m_cache.end()) {
        Entry e;
        int w = 0, h = 0, n = 0;
        // Images come from the town's signed content; still, refuse absurd sizes before decoding.
        if (stbi_info(path.c_str(), &w, &h, &n) && w > 0 && h > 0 && w <= 4096 && h <= 4096) {
            if (unsigned char* px = stbi_load(path.c_str(), &w, &h, &n, 4)) {
                e.texture = SDL_CreateTexture(m_renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, w, h);
                if (e.texture) {
                    SDL_UpdateTexture(e.texture, nullptr, px, w * 4);
                    SDL_SetTextureBlendMode(e.texture, SDL_BLENDMODE_BLEND);
                    SDL_SetTextureScaleMode(e.texture, SDL_ScaleModeLinear);
                    e.size = ImVec2(float(w), float(h));
                }
                stbi_image_free(px);
            }
        }
        it = m_cache.emplace(path, e).first;
    }
    size = it->second.size;
    return it->second.texture;
}

}  // namespace vt
