// The albo screens complete: filter chips and the "Filtra" keyboard, annulled acts and
// rectifications, the QR code of the official act, the legal note, and attachments in the PDF
// viewer (pages rendered by the child renderer, page turns, zoom, thumbnails, a corrupt file).
#include <catch2/catch.hpp>

#include "../support/tiny_pdf.h"
#include "journey_support.h"

#include "core/util/files.h"
#include "ui/navigation.h"

#include <SDL.h>

#include <filesystem>
#include <string>
#include <vector>

using vt::test::HeadlessKiosk;
namespace fs = std::filesystem;

namespace {

// Fixtures written by the test: two PDFs (20 good pages, one damaged file) and an AlboPOP feed
// whose enclosures name them by path, as a local source does.
struct AlboFixture {
    std::string dir, feed, goodPdf, badPdf;
};

std::string item(const std::string& uid, const std::string& type, const std::string& title,
                 const std::string& enclosure = "") {
    std::string s =
        "<item><title>" + title +
        "</title>"
        "<link>https://albo.example.invalid/atti/" +
        uid +
        "</link>"
        "<guid isPermaLink=\"false\">" +
        uid +
        "</guid>"
        "<category domain=\"http://albopop.it/specs#item-category-pubStart\">20/05/2026</category>"
        "<category domain=\"http://albopop.it/specs#item-category-pubEnd\">04/06/2026</category>"
        "<category domain=\"http://albopop.it/specs#item-category-uid\">" +
        uid +
        "</category>"
        "<category domain=\"http://albopop.it/specs#item-category-type\">" +
        type + "</category>";
    if (!enclosure.empty())
        s += "<enclosure url=\"" + enclosure + "\" length=\"0\" type=\"application/pdf\"/>";
    return s + "</item>\n";
}

AlboFixture writeFixture(const std::string& name) {
    AlboFixture f;
    f.dir = std::string(VETRINA_TEST_OUTPUT) + "/journey-fixtures/" + name;
    fs::remove_all(f.dir);
    fs::create_directories(f.dir);
    f.goodPdf = f.dir + "/ordinanza-101.pdf";
    f.badPdf = f.dir + "/balneazione.pdf";
    vt::writeFileAtomic(f.goodPdf, vt::test::makePdf(20));
    // The start of a real PDF, then noise: passes the kiosk's look at the first bytes, not poppler.
    std::string bad = vt::test::makePdf(2).substr(0, 200);
    for (int i = 0; i < 400; ++i) bad += static_cast<char>((i * 37) % 251);
    vt::writeFileAtomic(f.badPdf, bad);
    std::string rss =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Albo di "
        "prova</title>"
        "<link>https://albo.example.invalid/</link><description>prova</description>\n";
    rss += item("2026-101", "ORDINANZA", "Ordinanza di chiusura al traffico di via dei Tigli per lavori",
                f.goodPdf);
    rss +=
        item("2026-102", "ORDINANZA", "Ordinanza sul divieto di balneazione nel lago", "file://" + f.badPdf);
    rss += item("2026-103", "DECRETO", "Decreto di nomina del responsabile del servizio tributi");
    rss += item("2026-104", "DELIBERA DI GIUNTA", "Approvazione del piano delle manutenzioni stradali");
    rss += item("2026-105", "DETERMINAZIONE", "Affidamento del servizio di pulizia degli uffici");
    rss += item("2026-106", "AVVISO", "Avviso pubblico per i contributi alle associazioni sportive");
    rss += "</channel></rss>\n";
    f.feed = f.dir + "/feed.xml";
    vt::writeFileAtomic(f.feed, rss);
    return f;
}

std::string configFor(const AlboFixture& f) {
    return R"toml(
[town]
name = "Comune di Borgo Vetrina (demo)"
official_albo_url = "https://albo.example.invalid/borgo-vetrina"
[paths]
data_dir = "{DATA}"
[display]
diagonal_inches = 32
[[source]]
name = "albo"
kind = "albopop"
url = ")toml" +
           f.feed + "\"\n";
}

const char* kAt = "2026-05-25T10:00:00+02:00";

size_t countRole(const vt::SemanticTree& tree, vt::Role role) {
    size_t n = 0;
    for (size_t i = 0; i < tree.size(); ++i)
        if (tree[i].role == role && tree[i].rect.h > 0) ++n;
    return n;
}

const vt::SemanticNode* findNode(const vt::SemanticTree& tree, vt::Role role, const std::string& label) {
    for (size_t i = 0; i < tree.size(); ++i)
        if (tree[i].role == role && tree[i].label == label) return &tree[i];
    return nullptr;
}

// The chip's count as the tree says it ("3 atti").
int chipCount(const vt::SemanticTree& tree, const std::string& chip) {
    const vt::SemanticNode* n = findNode(tree, vt::Role::Button, chip);
    return n ? std::stoi(n->text) : -1;
}

}  // namespace

TEST_CASE("journey: chip, act with QR, its PDF attachment: page 2, zoom, back", "[journey][albo][pdf]") {
    const AlboFixture f = writeFixture("albo-pdf");
    for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
        const std::string orient = w > h ? "landscape" : "portrait";
        HeadlessKiosk k("albo-pdf-" + orient, configFor(f), kAt, w, h);
        REQUIRE(k.tap("Albo pretorio"));
        CHECK(k.sees("6 atti in pubblicazione oggi"));
        CHECK(
            k.sees("La pubblicazione con valore legale \xC3\xA8 quella dell'albo pretorio online del Comune: "
                   "https://albo.example.invalid/borgo-vetrina"));
        const vt::SemanticTree& tree = k.host->tree();
        // Only chips with acts: no "Concorsi" here.
        CHECK(chipCount(tree, "Tutti") == 6);
        CHECK(findNode(tree, vt::Role::Button, "Concorsi") == nullptr);
        const int ordinances = chipCount(tree, "Ordinanze e decreti");
        CHECK(ordinances == 3);
        k.shot("01-albo-" + orient);

        REQUIRE(k.tap("Ordinanze e decreti"));
        CHECK(k.sees("3 atti mostrati: Ordinanze e decreti"));
        CHECK(countRole(tree, vt::Role::ListItem) == static_cast<size_t>(ordinances));
        CHECK(k.sees("Ordinanza di chiusura al traffico"));
        CHECK_FALSE(k.sees("Approvazione del piano delle manutenzioni"));
        // The selected chip says so in words.
        CHECK(findNode(tree, vt::Role::Button, "Ordinanze e decreti")->text.find("selezionato") !=
              std::string::npos);
        k.shot("02-albo-ordinanze-" + orient);

        REQUIRE(k.tap("Ordinanza di chiusura al traffico di via dei Tigli per lavori"));
        CHECK(k.sees("Atto n. 2026/101"));
        const vt::SemanticNode* qr = findNode(tree, vt::Role::Image, "Codice QR");
        REQUIRE(qr != nullptr);
        CHECK(qr->text == "https://albo.example.invalid/atti/2026-101");
        // At least ~35 mm wide on the panel.
        CHECK(qr->rect.w >= 35.0f * static_cast<float>(k.config.display.effectivePixelsPerMm()));
        CHECK(k.sees("Inquadra il codice per aprire l'atto ufficiale sul telefono"));
        CHECK(k.sees("Scan to open the official act on your phone"));
        k.shot("03-atto-" + orient);

        REQUIRE(k.tap("ordinanza-101.pdf"));
        CHECK(k.sees("Pagina 1 di 20"));
        CHECK_FALSE(k.sees("Caricamento"));
        CHECK(findNode(tree, vt::Role::Image, "Pagina 1") != nullptr);
        REQUIRE(k.tap("Pagina successiva"));
        CHECK(k.sees("Pagina 2 di 20"));
        CHECK(findNode(tree, vt::Role::Image, "Pagina 2") != nullptr);
        CHECK(k.ui->pdf().page() == 1);
        k.shot("04-pdf-pagina-2-" + orient);

        REQUIRE(k.tap("Ingrandisci"));
        CHECK(k.sees("Ingrandimento 150%"));
        REQUIRE(k.tap("Ingrandisci"));
        CHECK(k.sees("Ingrandimento 200%"));
        CHECK(findNode(tree, vt::Role::Image, "Pagina 2") != nullptr);
        k.shot("05-pdf-zoom-" + orient);
        // Dragging a zoomed page pans it and does not turn it.
        const vt::SemanticNode* page = findNode(tree, vt::Role::Image, "Pagina 2");
        REQUIRE(page != nullptr);
        const float cx = page->rect.centerX(), cy = page->rect.centerY();
        k.runner->drag(cx, cy, cx + 200, cy + 150);
        CHECK(k.sees("Pagina 2 di 20"));
        CHECK(k.sees("Ingrandimento 200%"));
        k.shot("06-pdf-pan-" + orient);
        // Double tap: back to the whole page; again: zoomed in.
        k.runner->doubleTap(cx, cy);
        CHECK(k.sees("Ingrandimento 100%"));
        k.runner->doubleTap(cx, cy);
        CHECK(k.sees("Ingrandimento 200%"));
        REQUIRE(k.tap("Riduci"));
        REQUIRE(k.tap("Riduci"));
        CHECK(k.sees("Ingrandimento 100%"));
        // A swipe to the left turns to the next page, to the right back.
        k.runner->drag(cx + 200, cy, cx - 200, cy);
        CHECK(k.sees("Pagina 3 di 20"));
        k.runner->drag(cx - 200, cy, cx + 200, cy);
        CHECK(k.sees("Pagina 2 di 20"));
        // Thumbnails around the current page.
        REQUIRE(k.tap("Pagina 4"));
        CHECK(k.sees("Pagina 4 di 20"));
        k.shot("07-pdf-pagina-4-" + orient);

        REQUIRE(k.tap("Indietro"));
        CHECK(k.sees("Atto n. 2026/101"));
        REQUIRE(k.tap("Indietro"));
        // The list comes back as it was left: still filtered.
        CHECK(k.sees("3 atti mostrati: Ordinanze e decreti"));
        REQUIRE(k.tap("Inizio"));
        REQUIRE(k.tap("Albo pretorio"));
        // From Home it starts afresh.
        CHECK_FALSE(k.sees("atti mostrati"));
    }
}

TEST_CASE("journey: a corrupt PDF shows the error and the kiosk keeps answering", "[journey][pdf]") {
    const AlboFixture f = writeFixture("albo-pdf-corrupt");
    HeadlessKiosk k("albo-pdf-corrupt", configFor(f), kAt);
    REQUIRE(k.tap("Albo pretorio"));
    REQUIRE(k.tap("Ordinanza sul divieto di balneazione nel lago"));
    REQUIRE(k.tap("balneazione.pdf"));
    CHECK(k.sees("Il documento non pu\xC3\xB2 essere mostrato"));
    CHECK_FALSE(k.sees("Caricamento"));
    CHECK_FALSE(k.host->backgroundBusy());
    k.shot("pdf-corrotto");
    REQUIRE(k.tap("Indietro"));
    CHECK(k.sees("Atto n. 2026/102"));
    // And the good one still opens.
    REQUIRE(k.tap("Indietro"));
    REQUIRE(k.tap("Ordinanza di chiusura al traffico di via dei Tigli per lavori"));
    REQUIRE(k.tap("ordinanza-101.pdf"));
    CHECK(k.sees("Pagina 1 di 20"));
}

TEST_CASE("journey: the Filtra field and its keyboard", "[journey][albo][filter]") {
    const AlboFixture f = writeFixture("albo-filter");
    HeadlessKiosk k("albo-filter", configFor(f), kAt);
    REQUIRE(k.tap("Albo pretorio"));
    REQUIRE(k.tap("Filtra"));
    for (const char* key : {"P", "U", "L", "I", "Z"}) REQUIRE(k.tap(key));
    CHECK(k.ui->albo().filterText() == "puliz");
    CHECK(k.sees("1 atto mostrato: \"puliz\""));
    CHECK(k.sees("Affidamento del servizio di pulizia degli uffici"));
    CHECK_FALSE(k.sees("Ordinanza di chiusura"));
    k.shot("filtro-tastiera");
    REQUIRE(k.tap("Cancella"));
    CHECK(k.ui->albo().filterText() == "puli");
    REQUIRE(k.tap("Fatto"));
    CHECK_FALSE(k.sees("Spazio"));  // the keyboard closed; the filter stays
    CHECK(k.sees("1 atto mostrato"));
    // Chip and text together; nothing matches.
    REQUIRE(k.tap("Delibere"));
    CHECK(k.sees("Nessun atto corrisponde al filtro."));
    REQUIRE(k.tap("Svuota"));
    CHECK(k.sees("1 atto mostrato: Delibere"));
    k.shot("filtro-delibere");
}

TEST_CASE("journey: annulled acts and rectifications", "[journey][albo][annulled]") {
    const char* config = R"toml(
[town]
name = "Comune di Borgo Vetrina (demo)"
official_albo_url = "https://albo.example.invalid/borgo-vetrina"
[paths]
data_dir = "{DATA}"
[display]
diagonal_inches = 32
[[source]]
name = "albo"
kind = "wp-albo"
url = "{TESTDATA}/albo/wp_rest_atti.json"
)toml";
    for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
        const std::string orient = w > h ? "landscape" : "portrait";
        HeadlessKiosk k("albo-annulled-" + orient, config, "2026-03-10T10:00:00+01:00", w, h);
        REQUIRE(k.tap("Albo pretorio"));
        // Still listed, with the word.
        const vt::SemanticNode* card = findNode(k.host->tree(), vt::Role::ListItem,
                                                "Ordinanza del Sindaco: chiusura temporanea di via Roma");
        REQUIRE(card != nullptr);
        CHECK(card->text.find("Annullato") == 0);
        k.shot("01-albo-" + orient);
        REQUIRE(k.tap("Ordinanza del Sindaco: chiusura temporanea di via Roma"));
        CHECK(k.sees("ANNULLATO"));
        CHECK(k.sees("Questo atto \xC3\xA8 stato annullato il 6 marzo 2026"));
        CHECK(k.sees("Motivo: Sostituita dall'ordinanza n. 130 per un errore nelle date"));
        const vt::SemanticNode* qr = findNode(k.host->tree(), vt::Role::Image, "Codice QR");
        REQUIRE(qr != nullptr);
        CHECK(k.sees("https://example.invalid/albo/?numero=125&anno=2026"));
        k.shot("02-annullato-" + orient);
        REQUIRE(k.tap("Indietro"));

        REQUIRE(k.tap("RETTIFICA DETERMINAZIONE N. 123/2026"));
        REQUIRE(k.tap("Rettifica dell'atto n. 2026/123"));
        CHECK(k.sees("Determinazione di affidamento del servizio di sgombero neve"));
        k.shot("03-rettificato-" + orient);
        REQUIRE(k.tap("Indietro"));
        CHECK(k.sees("Rettifica dell'atto n. 2026/123"));
    }
}

TEST_CASE("journey: the albo keeps its scroll position when coming back from an act",
          "[journey][albo][scroll]") {
    const char* config = vt::test::kLadispoliKiosk;
    HeadlessKiosk k("albo-scroll-back", config, "2026-05-25T10:00:00+02:00");
    REQUIRE(k.tap("Albo pretorio"));
    REQUIRE(k.sees("N. 2026/1345"));
    k.runner->drag(540, 1600, 540, 700);
    k.runner->wait(1.0);
    REQUIRE_FALSE(k.sees("N. 2026/1345"));
    // The act nearest the middle of the screen after scrolling.
    const vt::SemanticTree& tree = k.host->tree();
    std::string label;
    for (size_t i = 0; i < tree.size(); ++i)
        if (tree[i].role == vt::Role::ListItem && tree[i].rect.h > 100 && tree[i].rect.y > 900) {
            label = tree[i].label;
            break;
        }
    REQUIRE_FALSE(label.empty());
    k.runner->wait(1.0);  // the flick has come to rest
    const float yBefore = findNode(tree, vt::Role::ListItem, label)->rect.y;
    REQUIRE(k.tap(label));
    CHECK(k.sees("Atto n."));
    REQUIRE(k.tap("Indietro"));
    const vt::SemanticNode* again = findNode(tree, vt::Role::ListItem, label);
    REQUIRE(again != nullptr);
    CHECK(again->rect.y == Approx(yBefore).margin(2.0));
    CHECK_FALSE(k.sees("N. 2026/1345"));
    // From Home the list starts at the top again.
    REQUIRE(k.tap("Inizio"));
    REQUIRE(k.tap("Albo pretorio"));
    CHECK(k.sees("N. 2026/1345"));
}

TEST_CASE("journey: larger text and high contrast on the albo and the viewer", "[journey][albo][pdf][a11y]") {
    const AlboFixture f = writeFixture("albo-a11y");
    for (auto [w, h] : {std::pair{1080, 1920}, std::pair{1920, 1080}}) {
        const std::string orient = w > h ? "landscape" : "portrait";
        HeadlessKiosk k("albo-a11y-" + orient, configFor(f), kAt, w, h);
        k.ui->session().textSize = vt::TextSize::Larger;
        k.ui->session().highContrast = true;
        k.runner->settle(3);
        REQUIRE(k.tap("Albo pretorio"));
        k.shot("01-albo-grande-" + orient);
        REQUIRE(k.tap("Ordinanze e decreti"));
        REQUIRE(k.tap("Ordinanza di chiusura al traffico di via dei Tigli per lavori"));
        k.shot("02-atto-grande-" + orient);
        REQUIRE(k.tap("ordinanza-101.pdf"));
        CHECK(k.sees("Pagina 1 di 20"));
        k.shot("03-pdf-grande-" + orient);
        // Every control on screen and at least 12 mm tall.
        const auto& tree = k.host->tree();
        const float ppmm = static_cast<float>(k.config.display.effectivePixelsPerMm());
        for (size_t i = 0; i < tree.size(); ++i) {
            const vt::SemanticNode& n = tree[i];
            if (!n.interactive) continue;
            INFO(n.label);
            CHECK(n.rect.x >= 0);
            CHECK(n.rect.y >= 0);
            CHECK(n.rect.x + n.rect.w <= float(w));
            CHECK(n.rect.y + n.rect.h <= float(h));
            CHECK(n.rect.h >= 12.0f * ppmm - 1.0f);
            // Nothing of the screen runs under the navigation bar.
            const bool navBar = n.label == "Indietro" || n.label == "Inizio" || n.label == "Ascolta";
            if (!navBar) CHECK(n.rect.y + n.rect.h <= float(h) - k.host->theme().metrics.navHeight + 1.0f);
        }
    }
}

TEST_CASE("route names for the albo chips and the PDF viewer", "[albo][routes]") {
    using vt::parseRoute;
    auto r = parseRoute("albo:Ordinanze e decreti");
    REQUIRE(r);
    CHECK(r->screen == vt::ScreenId::AlboList);
    CHECK(r->chip == "Ordinanze e decreti");
    CHECK(vt::routeName(*r) == "albo:Ordinanze e decreti");
    CHECK_FALSE(parseRoute("albo:Nonesiste"));
    r = parseRoute("pdf:12");
    REQUIRE(r);
    CHECK(r->screen == vt::ScreenId::PdfViewer);
    CHECK(r->id == 12);
    CHECK(vt::routeName(*r) == "pdf:12");
    r = parseRoute("pdf:12:3:2");
    REQUIRE(r);
    CHECK(r->page == 3);
    CHECK(r->attachment == 2);
    CHECK(vt::routeName(*r) == "pdf:12:3:2");
    CHECK(vt::routeName(*parseRoute("pdf:12:5")) == "pdf:12:5");
    for (const char* bad : {"pdf:", "pdf:0", "pdf:12:", "pdf:12:x", "pdf:1:2:3:4", "pdf:-1"}) {
        INFO(bad);
        CHECK_FALSE(parseRoute(bad));
    }
}

TEST_CASE("PDF page textures stay under their byte budget, least recently used first", "[pdf][textures]") {
    REQUIRE(SDL_Init(0) == 0);
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    REQUIRE(renderer);
    {
        const std::vector<std::uint8_t> px(256 * 256 * 4, 200);  // 256 KiB each
        vt::SdlImages images(renderer, 600 * 1024);
        images.beginFrame();
        REQUIRE(images.putPixels("pdf:1:p0@256", 256, 256, px.data()));
        REQUIRE(images.putPixels("pdf:1:p1@256", 256, 256, px.data()));
        images.beginFrame();
        ImVec2 size;
        REQUIRE(images.pixels("pdf:1:p0@256", size));  // p0 used now: p1 is the oldest
        CHECK(size.x == 256);
        REQUIRE(images.putPixels("pdf:1:p2@256", 256, 256, px.data()));
        CHECK(images.pixelBytes() <= images.pixelBudget());
        CHECK(images.pixels("pdf:1:p1@256", size) == nullptr);
        CHECK(images.pixels("pdf:1:p0@256", size) != nullptr);
        // Buffers drawn in this frame are never destroyed under it, even over budget.
        REQUIRE(images.putPixels("pdf:1:p3@256", 256, 256, px.data()));
        CHECK(images.pixelCount() == 3);
        images.beginFrame();
        images.dropPixels("pdf:1:");
        CHECK(images.pixelCount() == 0);
        CHECK(images.pixelBytes() == 0);
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
}
