// Drafts become the kiosk's own files: every field checked with a message by field, the generated
// notice and calendar read back by the kiosk's parsers, pictures checked by content, multipart
// forms read, and the drafts' store.
#include "drafts.h"
#include "draft_kinds.h"
#include "http_server.h"
#include "upload_check.h"

#include "console_test_support.h"

#include "core/events/events.h"
#include "core/notices/notice_parser.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace vt::console;
using vt::console::test::kNow;

namespace {

std::string demoPng() {
    std::ifstream in(std::string(VETRINA_SOURCE_DIR) + "/content/media/lavori-piazza.png", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Fields goodNotice() {
    return {{"title", "Chiusura dell'anagrafe"},
            {"short", "Sabato 12 dicembre l'ufficio anagrafe resta chiuso."},
            {"body", "L'ufficio riapre **lunedì 14**.\n\n- Per urgenze: Polizia locale."},
            {"priority", "10"},
            {"valid_from", "2026-12-01"},
            {"valid_until", "2026-12-12"}};
}

vt::ParsedNotice parseBack(const ContentFiles& files, const std::string& main, vt::ImportReport& report) {
    const vt::AssetReader assets = [&](const std::string& rel) -> std::optional<std::string> {
        const auto it = files.find(rel.rfind("../", 0) == 0 ? rel.substr(3) : rel);
        return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    return vt::parseNoticeFile(files.at(main), main, assets, vt::ImageLimits{}, report);
}

}  // namespace

TEST_CASE("drafts: a notice's fields become a file the kiosk reads back the same", "[console][drafts]") {
    const DraftKind& kind = *findDraftKind("notice");
    Fields f = goodNotice();
    // Quotes, backslashes and markup are text, whatever a clerk types.
    f["title"] = "Avviso \"urgente\" \\ <script>alert(1)</script>";
    f["en_title"] = "Registry office closed";
    DraftImage image{demoPng(), "png"};
    REQUIRE(checkDraft(kind, f, image, kNow).empty());
    CHECK(f["id"] == "avviso-urgente-script-alert-1-script");
    const ContentFiles files = kind.files(f, image, kNow);
    REQUIRE(files.count("notices/avviso-urgente-script-alert-1-script.md"));
    REQUIRE(files.count("media/avviso-urgente-script-alert-1-script.png"));
    vt::ImportReport report;
    const auto parsed = parseBack(files, "notices/avviso-urgente-script-alert-1-script.md", report);
    CHECK(report.issues.empty());
    REQUIRE(parsed.notice);
    CHECK(parsed.notice->texts.at(0).title == "Avviso \"urgente\" \\ <script>alert(1)</script>");
    CHECK(parsed.notice->textFor("en").title == "Registry office closed");
    CHECK(parsed.notice->priority == 10);
    CHECK(parsed.notice->texts.at(0).body.find("**lunedì 14**") != std::string::npos);
    CHECK(parsed.image);
}

TEST_CASE("drafts: every problem of a notice is named by its field, in Italian and English",
          "[console][drafts]") {
    const DraftKind& kind = *findDraftKind("notice");
    Fields f = {{"title", ""}, {"short", "x"}, {"valid_from", "2026-02-30"}, {"priority", "7"}};
    FieldErrors e = checkDraft(kind, f, std::nullopt, kNow);
    CHECK(e.at("title") == "Campo obbligatorio. / Required.");
    CHECK_THAT(e.at("valid_from"), Catch::Contains("data valida") && Catch::Contains("valid date"));
    CHECK_THAT(e.at("priority"), Catch::Contains("Scegli"));
    Fields g = goodNotice();
    g["valid_until"] = "2026-11-30";
    e = checkDraft(kind, g, std::nullopt, kNow);
    CHECK(e.size() == 1);
    CHECK_THAT(e.at("valid_until"), Catch::Contains("La fine viene prima dell'inizio"));
    Fields h = goodNotice();
    h["id"] = "Non Valido!";
    CHECK_THAT(checkDraft(kind, h, std::nullopt, kNow).at("id"), Catch::Contains("minuscole"));
    Fields longTitle = goodNotice();
    longTitle["title"] = std::string(121, 'a');
    CHECK_THAT(checkDraft(kind, longTitle, std::nullopt, kNow).at("title"), Catch::Contains("120"));
}

TEST_CASE("drafts: an event becomes a calendar the kiosk expands, weekly or all day", "[console][drafts]") {
    const DraftKind& kind = *findDraftKind("event");
    Fields f = {{"title", "Corso di ballo; liscio, valzer"},
                {"place", "Sala civica"},
                {"start_date", "2026-12-03"},  // a Thursday
                {"start_time", "21:00"},
                {"end_time", "23:00"},
                {"repeat", "weekly"},
                {"repeat_until", "2026-12-24"},
                {"description", "Per tutti.\nIngresso libero."}};
    REQUIRE(checkDraft(kind, f, std::nullopt, kNow).empty());
    const ContentFiles files = kind.files(f, std::nullopt, kNow);
    const std::string& ics = files.at("events/corso-di-ballo-liscio-valzer.ics");
    const vt::CalendarParse parsed = vt::parseCalendar(ics, "events/corso-di-ballo-liscio-valzer.ics");
    CHECK(parsed.report.issues.empty());
    REQUIRE(parsed.events.size() == 1);
    CHECK(parsed.events[0].summary == "Corso di ballo; liscio, valzer");
    CHECK(parsed.events[0].description.find("Ingresso libero.") != std::string::npos);
    const auto from = vt::romeStartOfDay({2026, 12, 1}), to = vt::romeStartOfDay({2027, 2, 1});
    const auto occurrences = vt::expandEvent(parsed.events[0], from, to);
    REQUIRE(occurrences.size() == 4);  // 3, 10, 17 and 24 December, none after the last date
    for (const auto& o : occurrences) {
        CHECK(vt::weekday(vt::romeDate(o.start)) == 3);
        CHECK(vt::romeLocal(o.start).hour == 21);
        CHECK(o.end - o.start == 2 * 3600);
    }

    Fields allDay = {{"title", "Festa patronale"},
                     {"start_date", "2026-12-07"},
                     {"end_date", "2026-12-08"},
                     {"all_day", "1"}};
    REQUIRE(checkDraft(kind, allDay, std::nullopt, kNow).empty());
    const auto cal =
        vt::parseCalendar(kind.files(allDay, std::nullopt, kNow).at("events/festa-patronale.ics"), "x.ics");
    REQUIRE(cal.events.size() == 1);
    const auto days = vt::expandEvent(cal.events[0], from, to);
    REQUIRE(days.size() == 1);
    CHECK(days[0].allDay);
    CHECK(days[0].end - days[0].start == 2 * 86400);
}

TEST_CASE("drafts: an event's times are checked by field", "[console][drafts]") {
    const DraftKind& kind = *findDraftKind("event");
    Fields noTime = {{"title", "Concerto"}, {"start_date", "2026-12-24"}};
    CHECK_THAT(checkDraft(kind, noTime, std::nullopt, kNow).at("start_time"),
               Catch::Contains("tutto il giorno"));
    Fields backwards = {
        {"title", "Concerto"}, {"start_date", "2026-12-24"}, {"start_time", "21:00"}, {"end_time", "20:00"}};
    CHECK_THAT(checkDraft(kind, backwards, std::nullopt, kNow).at("end_time"),
               Catch::Contains("prima dell'inizio"));
    Fields badTime = {{"title", "Concerto"}, {"start_date", "2026-12-24"}, {"start_time", "25:00"}};
    CHECK_THAT(checkDraft(kind, badTime, std::nullopt, kNow).at("start_time"), Catch::Contains("ora valida"));
}

TEST_CASE("drafts: pictures are checked by content and size", "[console][drafts][upload]") {
    const std::string png = demoPng();
    REQUIRE(png.size() > 100);
    const ImageCheck ok = checkUploadedImage(png);
    REQUIRE(ok.image);
    CHECK(ok.image->extension == "png");
    // A PNG signature in front of anything else is not a picture.
    const ImageCheck fake = checkUploadedImage(std::string("\x89PNG\r\n\x1a\n", 8) + std::string(2000, 'x'));
    CHECK_FALSE(fake.image);
    CHECK_THAT(fake.error, Catch::Contains("danneggiata"));
    const ImageCheck script = checkUploadedImage("<script>alert(1)</script>");
    CHECK_FALSE(script.image);
    CHECK_THAT(script.error, Catch::Contains("non è un'immagine PNG o JPEG"));
    const ImageCheck big = checkUploadedImage(png + std::string(kMaxImageBytes, '\0'));
    CHECK_FALSE(big.image);
    CHECK_THAT(big.error, Catch::Contains("5 MB"));
}

TEST_CASE("drafts: a multipart form gives its fields and its file", "[console][drafts][upload]") {
    Request req;
    req.headers["content-type"] = "multipart/form-data; boundary=----x7";
    req.body =
        "------x7\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
        "------x7\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nRiga uno\r\nriga due\r\n"
        "------x7\r\nContent-Disposition: form-data; name=\"image\"; filename=\"foto.png\"\r\n"
        "Content-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\nDATA\r\n"
        "------x7--\r\n";
    parseRequestBody(req);
    CHECK(req.form.at("csrf") == "abc");
    CHECK(req.form.at("title") == "Riga uno\r\nriga due");
    REQUIRE(req.files.count("image"));
    CHECK(req.files.at("image").filename == "foto.png");
    CHECK(req.files.at("image").bytes == "\x89PNG\r\n\x1a\nDATA");

    Request broken;
    broken.headers["content-type"] = "multipart/form-data; boundary=zz";
    broken.body = "--zz\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc";  // never closed
    parseRequestBody(broken);
    CHECK(broken.form.empty());
}

TEST_CASE("drafts: the store keeps fields, picture and every step", "[console][drafts]") {
    ConsoleStore s = vt::console::test::freshStore("console-drafts-store");
    Draft d;
    d.kind = "notice";
    d.contentId = "chiusura";
    d.fields = goodNotice();
    d.image = DraftImage{std::string("\x89PNG\0binary", 11), "png"};
    d.author = "anna";
    d.createdAt = d.updatedAt = kNow;
    const auto id = insertDraft(s, d);
    auto back = findDraft(s, id);
    REQUIRE(back);
    CHECK(back->fields == d.fields);
    REQUIRE(back->image);
    CHECK(back->image->bytes == d.image->bytes);
    CHECK(back->state == DraftState::Draft);
    CHECK(openDraftFor(s, "notice", "chiusura", 0) == id);
    CHECK_FALSE(openDraftFor(s, "notice", "chiusura", id));
    back->state = DraftState::Published;
    back->revision = 7;
    saveDraft(s, *back);
    CHECK(findDraft(s, id)->revision == 7);
    CHECK_FALSE(openDraftFor(s, "notice", "chiusura", 0));
    CHECK(listDrafts(s, true).empty());
    CHECK(listDrafts(s, false).size() == 1);
}
