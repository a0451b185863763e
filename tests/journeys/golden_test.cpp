// Golden screenshots: Home, the albo, a service sheet and a search with a query, in portrait and
// landscape, normal and high contrast, Italian and English (32 images), against the PNGs in
// tests/golden/. Content is imported at a fixed instant, so the screens are deterministic.
// Images are stored at half size (a 2x2 box filter) with 32 levels a channel: still enough to see
// a layout break, a clipped word or a wrong palette, at a small fraction of the bytes. The comparison
// tolerates what antialiasing and font hinting change: a pixel differs when a channel moves by more than
// kChannelTolerance, and an image fails when more than kMaxDifferingShare of its pixels differ.
//
//   VETRINA_UPDATE_GOLDEN=1 ./build/tests/vetrina_journeys "[golden]"   rewrites tests/golden/
//
// On failure the actual image and a diff (differing pixels in red) go to
// build/test-output/golden/ and the failure names them.
#include <catch2/catch.hpp>

#include "journey_support.h"
#include "services_test_config.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

using vt::test::HeadlessKiosk;
namespace fs = std::filesystem;

namespace {

constexpr int kChannelTolerance = 48;
constexpr double kMaxDifferingShare = 0.001;

struct Rgb {
    int w = 0, h = 0;
    std::vector<unsigned char> px;  // 3 bytes a pixel
};

Rgb loadRgb(const std::string& path) {
    Rgb img;
    int n = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> data(stbi_load(path.c_str(), &img.w, &img.h, &n, 3),
                                                         stbi_image_free);
    if (!data) return {};
    img.px.assign(data.get(), data.get() + size_t(img.w) * size_t(img.h) * 3);
    return img;
}

Rgb halve(const Rgb& in) {
    Rgb out;
    out.w = in.w / 2;
    out.h = in.h / 2;
    out.px.resize(size_t(out.w) * size_t(out.h) * 3);
    for (int y = 0; y < out.h; ++y)
        for (int x = 0; x < out.w; ++x)
            for (int c = 0; c < 3; ++c) {
                auto at = [&](int xx, int yy) {
                    return int(in.px[(size_t(yy) * size_t(in.w) + size_t(xx)) * 3 + size_t(c)]);
                };
                const int sum =
                    at(2 * x, 2 * y) + at(2 * x + 1, 2 * y) + at(2 * x, 2 * y + 1) + at(2 * x + 1, 2 * y + 1);
                // 32 levels a channel (steps of 8: no visible tint, far inside the tolerance): a smaller PNG.
                const int v = (sum + 2) / 4;
                out.px[(size_t(y) * size_t(out.w) + size_t(x)) * 3 + size_t(c)] =
                    static_cast<unsigned char>(std::min(255, (v + 4) / 8 * 8));
            }
    return out;
}

bool writeRgb(const std::string& path, const Rgb& img) {
    fs::create_directories(fs::path(path).parent_path());
    stbi_write_png_compression_level = 9;
    return stbi_write_png(path.c_str(), img.w, img.h, 3, img.px.data(), img.w * 3) != 0;
}

// Share of differing pixels, and the diff picture: differing pixels red, the rest a pale grey.
double compare(const Rgb& expected, const Rgb& actual, Rgb& diff) {
    diff = actual;
    size_t differing = 0;
    const size_t n = size_t(actual.w) * size_t(actual.h);
    for (size_t i = 0; i < n; ++i) {
        int worst = 0;
        for (size_t c = 0; c < 3; ++c)
            worst = std::max(worst, std::abs(int(expected.px[i * 3 + c]) - int(actual.px[i * 3 + c])));
        if (worst > kChannelTolerance) {
            ++differing;
            diff.px[i * 3] = 255, diff.px[i * 3 + 1] = 0, diff.px[i * 3 + 2] = 0;
        } else {
            const auto grey = static_cast<unsigned char>(
                200 + (int(actual.px[i * 3]) + int(actual.px[i * 3 + 1]) + int(actual.px[i * 3 + 2])) / 3 *
                          55 / 255);
            diff.px[i * 3] = diff.px[i * 3 + 1] = diff.px[i * 3 + 2] = grey;
        }
    }
    return n ? double(differing) / double(n) : 1.0;
}

void checkGolden(HeadlessKiosk& k, const std::string& name) {
    const bool update =
        std::getenv("VETRINA_UPDATE_GOLDEN") && std::string(std::getenv("VETRINA_UPDATE_GOLDEN")) == "1";
    // Updating writes the images and compares nothing: under CI that would pass any screen.
    if (update && std::getenv("CI"))
        FAIL("VETRINA_UPDATE_GOLDEN=1 is refused under CI: it would compare nothing");
    const fs::path outDir = fs::path(VETRINA_TEST_OUTPUT) / "golden";
    const fs::path golden = fs::path(VETRINA_SOURCE_DIR) / "tests/golden" / (name + ".png");
    const std::string full = k.shot("golden-" + name);
    const Rgb actual = halve(loadRgb(full));
    REQUIRE(actual.w > 0);
    if (update) {
        REQUIRE(writeRgb(golden.string(), actual));
        return;
    }
    const Rgb expected = loadRgb(golden.string());
    const std::string actualPath = (outDir / (name + ".actual.png")).string();
    if (expected.w != actual.w || expected.h != actual.h) {
        writeRgb(actualPath, actual);
        FAIL_CHECK(name << ": " << (expected.w ? "size changed" : "no golden image at " + golden.string())
                        << "; actual image in " << actualPath
                        << " (VETRINA_UPDATE_GOLDEN=1 rewrites tests/golden/)");
        return;
    }
    Rgb diff;
    const double share = compare(expected, actual, diff);
    if (share > kMaxDifferingShare) {
        const std::string diffPath = (outDir / (name + ".diff.png")).string();
        writeRgb(actualPath, actual);
        writeRgb(diffPath, diff);
        FAIL_CHECK(name << ": " << share * 100 << "% of the pixels differ from " << golden.string()
                        << " (at most " << kMaxDifferingShare * 100 << "%); actual: " << actualPath
                        << ", diff: " << diffPath);
    }
}

void shootAll(int w, int h, const std::string& orientation) {
    HeadlessKiosk k("golden-" + orientation, vt::test::servicesConfig(), vt::test::kServicesAt, w, h);
    for (const bool contrast : {false, true}) {
        for (const vt::Language lang : {vt::Language::Italian, vt::Language::English}) {
            vt::Session& s = k.ui->session();
            s = vt::Session{};
            s.highContrast = contrast;
            s.language = lang;
            const std::string suffix = "-" + orientation + (contrast ? "-contrast" : "-normal") +
                                       (lang == vt::Language::English ? "-en" : "-it");
            const bool en = lang == vt::Language::English;
            const std::pair<std::string, std::string> screens[] = {
                {"home", "home"},
                {"albo", "albo"},
                {"sheet", "sheet:carta-identita-elettronica"},
                {"search", en ? "search:identity card" : "search:carta identit\xC3\xA0"},
            };
            for (const auto& [name, route] : screens) {
                k.ui->nav().home();
                k.ui->nav().open(*vt::parseRoute(route));
                k.runner->settle(3);
                INFO(name + suffix);
                checkGolden(k, name + suffix);
            }
        }
    }
}

}  // namespace

TEST_CASE("golden screenshots in portrait", "[golden][journey]") {
    shootAll(1080, 1920, "portrait");
}

TEST_CASE("golden screenshots in landscape", "[golden][journey]") {
    shootAll(1920, 1080, "landscape");
}
