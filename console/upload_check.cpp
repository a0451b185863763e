#include "upload_check.h"

#include "core/notices/image_import.h"

namespace vt::console {

ImageCheck checkUploadedImage(std::string_view bytes) {
    ImageCheck out;
    if (bytes.size() > kMaxImageBytes) {
        out.error =
            "L'immagine supera i 5 MB: riducila e riprova. / The picture is larger than 5 MB: make it "
            "smaller and try again.";
        return out;
    }
    std::string extension;
    if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8))
        extension = "png";
    else if (bytes.size() > 3 && bytes.substr(0, 3) == std::string_view("\xff\xd8\xff", 3))
        extension = "jpg";
    if (extension.empty()) {
        out.error = "Il file non è un'immagine PNG o JPEG. / The file is not a PNG or JPEG picture.";
        return out;
    }
    // The kiosk's decoder, with its limits: what it cannot read would never reach the screen.
    std::string why;
    if (!prepareImage(bytes, ImageLimits{}, why)) {
        out.error = "L'immagine è danneggiata o non si può leggere (" + why +
                    "). / The picture is damaged or cannot be read.";
        return out;
    }
    out.image = DraftImage{std::string(bytes), extension};
    return out;
}

}  // namespace vt::console
