// Words that reach the screen from content but belong to a fixed vocabulary: the section names
// of the service-sheet template. A sheet written in Italian keeps its Italian text for an English
// visitor, but its headings and jump buttons are translated so the page can still be navigated.
// Listed here so that xgettext puts them in the catalog; screens translate them with tr().
#include "ui/i18n.h"

namespace vt {

extern const char* const kSheetSectionNames[];
const char* const kSheetSectionNames[] = {
    tr("Descrizione breve", kMarkOnly), tr("A chi \xC3\xA8 rivolto", kMarkOnly),
    tr("Come fare", kMarkOnly),         tr("Cosa serve", kMarkOnly),
    tr("Cosa si ottiene", kMarkOnly),   tr("Tempi e scadenze", kMarkOnly),
    tr("Quanto costa", kMarkOnly),      tr("Accedi al servizio", kMarkOnly),
    tr("Contatti", kMarkOnly),          nullptr};

}  // namespace vt
