// Images for the UI as SDL textures, decoded with stb_image and kept for the life of the renderer.
#pragma once

#include "ui/ui_context.h"

#include <SDL.h>

#include <map>
#include <string>

namespace vt {

class SdlImages : public ImageSource {
public:
    explicit SdlImages(SDL_Renderer* r) : m_renderer(r) {}
    ~SdlImages() override;
    SdlImages(const SdlImages&) = delete;
    SdlImages& operator=(const SdlImages&) = delete;
    ImTextureID image(const std::string& path, ImVec2& size) override;
    ImTextureID imageFromBytes(const std::string& key, const std::function<std::optional<std::string>()>& load,
                               ImVec2& size) override;

private:
    struct Entry {
        SDL_Texture* texture = nullptr;  // nullptr: could not be loaded (not retried every frame)
        ImVec2 size;
    };
    // Decodes with stb_image (file or memory) into a texture; an empty entry when it cannot.
    Entry decode(const unsigned char* bytes, size_t n, const std::string& path);
    SDL_Renderer* m_renderer;
    std::map<std::string, Entry> m_cache;
};

}  // namespace vt
