// Pictures sent with a draft: capped in size and checked by their content, never by their name or
// the type the browser claims. A PNG or JPEG is accepted only when the kiosk's own decoder reads it.
#pragma once

#include "draft_kinds.h"
#include "http_server.h"

namespace vt::console {

constexpr size_t kMaxImageBytes = 5u << 20;
// The largest request the server reads: a picture and its form, or the same picture in base64
// inside a JSON draft of the API.
constexpr size_t kMaxUploadBody = kMaxImageBytes / 3 * 4 + (512u << 10);

struct ImageCheck {
    std::optional<DraftImage> image;
    std::string error;  // "Italiano. / English." when refused
};

ImageCheck checkUploadedImage(std::string_view bytes);

}  // namespace vt::console
