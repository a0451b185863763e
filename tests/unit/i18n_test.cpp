// The .mo reader, the English formats, and the catalogs in po/ against the sources' tr() calls.
#include "core/albo/act_types.h"
#include "core/i18n/catalog.h"
#include "core/i18n/local_format.h"
#include "core/util/files.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace vt;
namespace fs = std::filesystem;

namespace {

// Compiles `po` text with msgfmt (extra options e.g. "--endianness=big") and loads the result.
Catalog compiled(const std::string& dir, const std::string& po, const std::string& options = "") {
    writeFileAtomic(dir + "/t.po", po);
    REQUIRE(test::runCommand("msgfmt " + options + " -o " + dir + "/t.mo " + dir + "/t.po") == 0);
    std::string error;
    std::optional<Catalog> c = Catalog::load(dir + "/t.mo", error);
    INFO(error);
    REQUIRE(c);
    return std::move(*c);
}

const char* kPo = R"(msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: en\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Albo pretorio"
msgstr "Official notice board"

msgid "Sì, continuo"
msgstr "Yes, continue"

msgid "Non tradotto"
msgstr ""

msgid "{0} atto"
msgid_plural "{0} atti"
msgstr[0] "{0} act"
msgstr[1] "{0} acts"
)";

// The msgids of a .po/.pot written with --no-wrap (one line each), unescaped; not the header.
std::set<std::string> msgidsOf(const std::string& path) {
    std::set<std::string> out;
    const std::optional<std::string> text = readFile(path);
    REQUIRE(text);
    size_t at = 0;
    while ((at = text->find("\nmsgid \"", at)) != std::string::npos) {
        at += 8;
        const size_t end = text->find("\"\n", at);
        std::string id;
        for (size_t i = at; i < end; ++i) {
            if ((*text)[i] == '\\' && i + 1 < end) {
                const char e = (*text)[++i];
                id += e == 'n' ? '\n' : e == 't' ? '\t' : e;
            } else {
                id += (*text)[i];
            }
        }
        if (!id.empty()) out.insert(id);
        at = end;
    }
    return out;
}

std::string uiSources() {
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(VETRINA_SOURCE_DIR) / "kiosk/ui"))
        if (e.path().extension() == ".cpp") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    std::string out;
    for (const std::string& f : files) out += " '" + f + "'";
    return out;
}

}  // namespace

TEST_CASE("catalog reads a .mo written by msgfmt", "[i18n]") {
    const std::string dir = test::scratchDir("i18n-mo");
    const Catalog c = compiled(dir, kPo);
    CHECK(std::string(c.find("Albo pretorio")) == "Official notice board");
    CHECK(std::string(c.find("S\xC3\xAC, continuo")) == "Yes, continue");
    CHECK(std::string(c.find("{0} atto")) == "{0} act");  // a plural by its singular: the first form
    CHECK(c.header("Language") == "en");
    CHECK(c.size() == 3);
    // Missing and untranslated messages fall back to the Italian msgid.
    CHECK(c.find("Servizi") == nullptr);
    CHECK(c.find("Non tradotto") == nullptr);
    CHECK(std::string(c.translate("Servizi")) == "Servizi");
    CHECK(std::string(c.translate("Albo pretorio")) == "Official notice board");
    CHECK(c.find("Albo") == nullptr);  // a prefix is not a match
}

TEST_CASE("catalog reads a big-endian .mo", "[i18n]") {
    const std::string dir = test::scratchDir("i18n-mo-be");
    const Catalog c = compiled(dir, kPo, "--endianness=big");
    CHECK(std::string(c.find("Albo pretorio")) == "Official notice board");
    CHECK(c.size() == 3);
}

TEST_CASE("catalog rejects what is not a .mo or points outside it", "[i18n]") {
    std::string error;
    CHECK_FALSE(Catalog::parse("not a catalog at all, just some text", error));
    CHECK(error.find("magic") != std::string::npos);
    CHECK_FALSE(Catalog::parse("\xde\x12\x04\x95", error));
    const std::string dir = test::scratchDir("i18n-mo-bad");
    writeFileAtomic(dir + "/t.po", kPo);
    REQUIRE(test::runCommand("msgfmt -o " + dir + "/t.mo " + dir + "/t.po") == 0);
    std::string bytes = *readFile(dir + "/t.mo");
    CHECK(Catalog::parse(bytes.substr(0, bytes.size() - 10), error) == std::nullopt);  // truncated
    CHECK_FALSE(Catalog::load(dir + "/missing.mo", error));
    CHECK(error.find("missing.mo") != std::string::npos);
}

TEST_CASE("dates, times and numbers in English and Italian", "[i18n]") {
    const CivilDate d{2026, 11, 23};
    CHECK(formatDateWithWeekday(d, Language::English) == "Monday 23 November 2026");
    CHECK(formatDateWithWeekday(d, Language::Italian) == "luned\xC3\xAC 23 novembre 2026");
    CHECK(formatDateLong(d, Language::English) == "23 November 2026");
    CHECK(formatDateShort(d, Language::English) == "23/11/2026");
    CHECK(formatDayMonth(CivilDate{2026, 3, 1}, Language::English) == "Sunday 1 March");
    CHECK(formatTime(8, 5) == "08:05");
    CHECK(formatTime(17, 30) == "17:30");  // 24-hour clock in both
    CHECK(formatDecimal(1.5, 1, Language::English) == "1.5");
    CHECK(formatDecimal(1.5, 1, Language::Italian) == "1,5");
    CHECK(formatBytes(1258291, Language::English) == "1.2 MB");
    CHECK(formatBytes(1258291, Language::Italian) == "1,2 MB");
    CHECK(fillIn("Apre {0} alle {1}", {"luned\xC3\xAC", "09:00"}) == "Apre luned\xC3\xAC alle 09:00");
    CHECK(fillIn("{1} then {0}", {"a", "b"}) == "b then a");
    CHECK(fillIn("{5} stays", {"a"}) == "{5} stays");
}

TEST_CASE("opening status in English", "[i18n]") {
    const UnixSeconds now = *parseIsoInstant("2026-11-23T10:00:00+01:00");  // a Monday
    OpenStatus open;
    open.open = true;
    open.closesAt = *parseIsoInstant("2026-11-23T13:00:00+01:00");
    CHECK(formatOpenStatus(open, now, Language::English) == "Open now \xC2\xB7 closes at 13:00");
    OpenStatus closed;
    closed.opensAt = *parseIsoInstant("2026-11-25T09:00:00+01:00");
    CHECK(formatOpenStatus(closed, now, Language::English) == "Opens Wednesday at 09:00");
    CHECK(formatOpenStatus(closed, now, Language::Italian) == formatOpenStatusIt(closed, now));
    CHECK(formatOpenStatus(OpenStatus{}, now, Language::English) == "Closed");
}

TEST_CASE("po/en.po translates every tr() message of the sources, and po/vetrina.pot is current", "[i18n]") {
    const std::string dir = test::scratchDir("i18n-po");
    const std::string src = VETRINA_SOURCE_DIR;
    REQUIRE(test::runCommand("xgettext --language=C++ --from-code=UTF-8 -k --keyword=tr --no-wrap -o " + dir +
                             "/fresh.pot" + uiSources()) == 0);
    const std::set<std::string> fresh = msgidsOf(dir + "/fresh.pot");
    CHECK(fresh.size() > 200);
    CHECK(fresh.count("Albo pretorio"));

    REQUIRE(test::runCommand("msgfmt --check -o " + dir + "/en.mo " + src + "/po/en.po") == 0);
    std::string error;
    const std::optional<Catalog> en = Catalog::load(dir + "/en.mo", error);
    REQUIRE(en);
    std::vector<std::string> untranslated;
    for (const std::string& id : fresh)
        if (!en->find(id)) untranslated.push_back(id);
    INFO("run `ninja -C build update-po` and translate in po/en.po: "
         << untranslated.size() << " missing, first: " << (untranslated.empty() ? "" : untranslated[0]));
    CHECK(untranslated.empty());

    // The committed template lists exactly the sources' messages.
    const std::set<std::string> committed = msgidsOf(src + "/po/vetrina.pot");
    std::vector<std::string> stale;
    std::set_symmetric_difference(fresh.begin(), fresh.end(), committed.begin(), committed.end(),
                                  std::back_inserter(stale));
    INFO("po/vetrina.pot is out of date (run `ninja -C build update-po`), e.g. "
         << (stale.empty() ? "" : stale[0]));
    CHECK(stale.empty());
    // The albo's filter chips are core's category names, translated where they are drawn.
    for (const std::string& chip : alboCategories()) {
        INFO(chip);
        CHECK(fresh.count(chip));
    }
    // Placeholders survive translation: "{0}" in the Italian is "{0}" in the English.
    for (const std::string& id : fresh) {
        const char* t = en->find(id);
        if (!t) continue;
        for (const char* ph : {"{0}", "{1}"}) {
            INFO(id);
            CHECK((id.find(ph) != std::string::npos) == (std::string(t).find(ph) != std::string::npos));
        }
    }
}
