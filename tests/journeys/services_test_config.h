// The kiosk config of the Services and Search journeys: a few demo sheets (one file per source),
// the anagrafe office, the synonyms, one file of the national catalogue and the Ladispoli albo.
#pragma once

#include <string>

namespace vt::test {

inline std::string servicesConfig() {
    std::string toml = R"toml(
[town]
name = "Comune di Borgo Vetrina (demo)"
[paths]
data_dir = "{DATA}"
[display]
diagonal_inches = 32
[[source]]
name = "albo"
kind = "albopop"
url = "{TESTDATA}/albo/ladispoli_albopop_feed.xml"
[[source]]
name = "synonyms"
kind = "synonyms"
url = "{TESTDATA}/services/ui/synonyms.txt"
[[source]]
name = "anagrafe"
kind = "offices"
url = "{TESTDATA}/services/ui/anagrafe.toml"
[[source]]
name = "catalogue-mit"
kind = "servizi-gov"
url = "{TESTDATA}/services/MIT_serviceTemplates.json"
)toml";
    for (const char* sheet :
         {"cambio-residenza", "carta-identita-elettronica", "carta-identita-elettronica.en",
          "scelta-medico-di-base", "suap-avvio-attivita", "centro-estivo", "passaporto", "rinnovo-patente",
          "certificati-anagrafici", "tari-tassa-rifiuti"}) {
        toml += "[[source]]\nname = \"sheet-" + std::string(sheet) +
                "\"\nkind = \"sheets\"\nurl = \"{TESTDATA}/services/ui/" + sheet + ".md\"\n";
    }
    return toml;
}

// 25 May 2026 in Rome: the Ladispoli acts published from 19 May are in their window.
inline const char* kServicesAt = "2026-05-25T10:00:00+02:00";

}  // namespace vt::test
