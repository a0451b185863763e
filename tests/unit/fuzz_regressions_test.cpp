// Inputs found by fuzzing (tests/data/fuzz-regressions): each parser must report them, not
// throw something unexpected or crash.
#include "core/schedule/opening_hours.h"
#include "core/sheets/catalogue_import.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace vt;
using namespace vt::test;

namespace {
std::string regression(const std::string& name) { return readAll(dataPath("fuzz-regressions/" + name)); }
}  // namespace

TEST_CASE("catalogue: fields of the wrong JSON type are treated as missing, not thrown", "[fuzz][catalogue]") {
    SheetBatch b;
    REQUIRE_NOTHROW(b = parseServiziGovCatalogue(regression("catalogue-non-string-fields.json"), "c.json"));
    REQUIRE(b.sheets.size() == 1);
    CHECK(b.sheets[0].title == "Servizio di prova");
    CHECK(b.sheets[0].bodyName == "Ente non indicato");
    CHECK(b.sheets[0].id == "gov-1");
}

TEST_CASE("opening hours: a day number beyond int is an OpeningHoursError", "[fuzz][opening-hours]") {
    CHECK_THROWS_AS(OpeningHours::parse(regression("opening-hours-huge-day.txt")), OpeningHoursError);
}
