#include "core/qr/qr_code.h"

#include <catch2/catch.hpp>

using namespace vt;

namespace {
// The 7x7 finder pattern whose top-left module is at (x, y).
bool finderAt(const QrMatrix& m, int x0, int y0) {
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) {
            const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
            const bool core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            if (m.dark(x0 + x, y0 + y) != (ring || core)) return false;
        }
    return true;
}
}  // namespace

TEST_CASE("QR matrix of an act's link: size, version, quiet zone, finders, determinism", "[qr]") {
    const std::string url = "https://albo.example.invalid/atti/2026/1345?dettaglio=1";
    QrMatrix m;
    std::string error;
    REQUIRE(makeQrCode(url, m, error));
    CHECK(error.empty());
    CHECK(m.quietZone == 4);
    CHECK(m.version >= 1);
    CHECK(m.version <= 40);
    const int symbol = 17 + 4 * m.version;
    CHECK(m.size == symbol + 2 * m.quietZone);
    CHECK(m.modules.size() == static_cast<size_t>(m.size * m.size));
    // The quiet zone is light all around.
    for (int i = 0; i < m.size; ++i)
        for (int q = 0; q < m.quietZone; ++q) {
            CHECK_FALSE(m.dark(i, q));
            CHECK_FALSE(m.dark(q, i));
            CHECK_FALSE(m.dark(i, m.size - 1 - q));
            CHECK_FALSE(m.dark(m.size - 1 - q, i));
        }
    // Three finder patterns in their corners, inside the quiet zone.
    CHECK(finderAt(m, 4, 4));
    CHECK(finderAt(m, m.size - 4 - 7, 4));
    CHECK(finderAt(m, 4, m.size - 4 - 7));
    // Timing pattern on row 6 of the symbol: alternating between the finders.
    for (int x = 8; x < symbol - 8; ++x) CHECK(m.dark(4 + x, 4 + 6) == (x % 2 == 0));

    QrMatrix again;
    REQUIRE(makeQrCode(url, again, error));
    CHECK(again.modules == m.modules);
    QrMatrix other;
    REQUIRE(makeQrCode("https://albo.example.invalid/atti/2026/1346?dettaglio=1", other, error));
    CHECK(other.modules != m.modules);
    // A longer link needs a larger version.
    QrMatrix longer;
    REQUIRE(makeQrCode("http://example.invalid/" + std::string(300, 'a'), longer, error));
    CHECK(longer.version > m.version);
}

TEST_CASE("QR codes only for http(s) links", "[qr]") {
    QrMatrix m;
    std::string error;
    for (const char* bad : {"mailto:urp@comune.example.invalid", "javascript:alert(1)", "file:///etc/passwd",
                            "ftp://example.invalid/a", "/atti/12", "https://", "http:// example.invalid",
                            "https://exa mple.invalid/", "tel:+390000000", "HTTPS:/x", ""}) {
        INFO(bad);
        CHECK_FALSE(makeQrCode(bad, m, error));
        CHECK(error == "only http:// and https:// links become QR codes");
    }
    CHECK(makeQrCode("HTTPS://Example.invalid/Albo", m, error));
    CHECK(makeQrCode("http://127.0.0.1:8080/albo", m, error));
    CHECK_FALSE(makeQrCode("https://example.invalid/" + std::string(4000, 'x'), m, error));
    CHECK(error == "the link is too long for a QR code");
}
