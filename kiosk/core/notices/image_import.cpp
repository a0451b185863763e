#include "core/notices/image_import.h"

#include <sodium.h>
#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace vt {

namespace {

void appendPng(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
}

std::string sha256Hex(std::string_view data) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : digest) {
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return out;
}

}  // namespace

std::optional<StoredImage> prepareImage(std::string_view bytes, const ImageLimits& limits,
                                        std::string& error) {
    if (bytes.size() > limits.maxBytes) {
        error = "image of " + std::to_string(bytes.size()) + " bytes is larger than " +
                std::to_string(limits.maxBytes);
        return std::nullopt;
    }
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int len = static_cast<int>(bytes.size());
    int w = 0, h = 0, comp = 0;
    if (!stbi_info_from_memory(data, len, &w, &h, &comp)) {
        error = std::string("not a readable image (") + stbi_failure_reason() + ")";
        return std::nullopt;
    }
    if (w <= 0 || h <= 0 || w > limits.maxSide || h > limits.maxSide ||
        static_cast<long long>(w) * h > limits.maxPixels) {
        error = "image of " + std::to_string(w) + "x" + std::to_string(h) + " pixels is too large";
        return std::nullopt;
    }
    const int channels = (comp == 2 || comp == 4) ? 4 : 3;
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
        stbi_load_from_memory(data, len, &w, &h, &comp, channels), stbi_image_free);
    if (!pixels) {
        error = std::string("cannot decode the image (") + stbi_failure_reason() + ")";
        return std::nullopt;
    }
    const double scale = std::min({1.0, double(limits.outWidth) / w, double(limits.outHeight) / h});
    const int ow = std::max(1, static_cast<int>(w * scale + 0.5)),
              oh = std::max(1, static_cast<int>(h * scale + 0.5));
    std::vector<stbi_uc> scaled;
    const stbi_uc* out = pixels.get();
    if (ow != w || oh != h) {
        scaled.resize(static_cast<size_t>(ow) * static_cast<size_t>(oh) * static_cast<size_t>(channels));
        if (!stbir_resize_uint8(pixels.get(), w, h, 0, scaled.data(), ow, oh, 0, channels)) {
            error = "cannot scale the image";
            return std::nullopt;
        }
        out = scaled.data();
    }
    StoredImage img;
    img.width = ow;
    img.height = oh;
    if (!stbi_write_png_to_func(appendPng, &img.png, ow, oh, channels, out, ow * channels)) {
        error = "cannot encode the image as PNG";
        return std::nullopt;
    }
    img.hash = sha256Hex(img.png);
    return img;
}

}  // namespace vt
