#include "core/albo/act_types.h"

#include "core/util/text.h"

#include <algorithm>
#include <array>

namespace vt {

namespace {

struct AgidEntry {
    const char* code;
    const char* label;
};

// municipal-notice-board.ttl (italia/dati-semantic-assets), Italian preferred labels.
constexpr std::array kAgid{
    AgidEntry{"A", "Atto amministrativo"},
    AgidEntry{"A.01", "Decreto"},
    AgidEntry{"A.01.01", "Decreto del Dirigente"},
    AgidEntry{"A.01.02", "Decreto del Sindaco"},
    AgidEntry{"A.02", "Deliberazione"},
    AgidEntry{"A.02.01", "Deliberazione del Consiglio comunale"},
    AgidEntry{"A.02.02", "Deliberazione della Giunta comunale"},
    AgidEntry{"A.02.03", "Deliberazione del Commissario ad acta"},
    AgidEntry{"A.02.04", "Deliberazione del Consiglio circoscrizionale"},
    AgidEntry{"A.02.05", "Deliberazione dell'Esecutivo circoscrizionale"},
    AgidEntry{"A.02.06", "Deliberazione di altri Organi"},
    AgidEntry{"A.03", "Determinazione"},
    AgidEntry{"A.03.01", "Determinazione del Dirigente"},
    AgidEntry{"A.03.02", "Determinazione del Sindaco"},
    AgidEntry{"A.04", "Ordinanza"},
    AgidEntry{"A.04.01", "Ordinanza del Dirigente"},
    AgidEntry{"A.04.02", "Ordinanza del Sindaco"},
    AgidEntry{"B", "Atto autorizzativo"},
    AgidEntry{"B.01", "Permesso a costruire"},
    AgidEntry{"B.01.01", "Permesso a costruire"},
    AgidEntry{"C", "Atto dello stato civile"},
    AgidEntry{"C.01", "Provvedimento di cancellazione per irreperibilità"},
    AgidEntry{"C.01.01", "Provvedimento di cancellazione per irreperibilità"},
    AgidEntry{"C.02", "Pubblicazione cambio nome"},
    AgidEntry{"C.02.01", "Pubblicazione cambio nome"},
    AgidEntry{"C.03", "Pubblicazione di matrimonio"},
    AgidEntry{"C.03.01", "Pubblicazione di matrimonio"},
    AgidEntry{"D", "Atto generico"},
    AgidEntry{"D.01", "Avviso"},
    AgidEntry{"D.01.01", "Avviso di deposito in casa comunale"},
    AgidEntry{"D.01.02", "Avviso/Manifesto"},
    AgidEntry{"D.02", "Bando"},
    AgidEntry{"D.02.01", "Bando di concorso"},
    AgidEntry{"D.02.02", "Bando di gara"},
    AgidEntry{"D.02.03", "Bando di contributi e vantaggi economici"},
    AgidEntry{"E", "Pubblicazione esterna"},
    AgidEntry{"E.01", "Atto di terzi"},
    AgidEntry{"E.01.01", "Atto di terzi"},
};

bool has(const std::string& folded, std::string_view word) {
    return folded.find(word) != std::string::npos;
}

bool any(const std::string& folded, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return has(folded, w); });
}

// Who issued it, for the third level of decrees, resolutions and orders.
bool byMayor(const std::string& t) {
    return any(t, {"sindac", "del sindaco"});
}
bool byManager(const std::string& t) {
    return any(t, {"dirigen", "dirett", "responsabile", "del settore"});
}

// Matches folded text against the rules, most specific first. Empty code: no rule matched.
ActClass match(const std::string& t) {
    if (any(t, {"matrimon", "pubblicazioni di nozze"})) return {"C.03.01", "Pubblicazioni di matrimonio"};
    if (any(t, {"concors", "selezion", "graduatori", "reclutament", "assunzion"}))
        return {"D.02.01", "Concorsi"};
    if (any(t, {"delibera", "delibere", "deliberazion"})) {
        if (any(t, {"consiglio comunale", "consiliar", "del consiglio", "di consiglio"}))
            return {"A.02.01", "Delibere"};
        if (any(t, {"giunta", "giuntal"})) return {"A.02.02", "Delibere"};
        if (has(t, "commissari")) return {"A.02.03", "Delibere"};
        return {"A.02", "Delibere"};
    }
    if (any(t, {"determina", "determinazion", "determine"})) {
        if (byMayor(t)) return {"A.03.02", "Determinazioni"};
        if (byManager(t)) return {"A.03.01", "Determinazioni"};
        return {"A.03", "Determinazioni"};
    }
    if (has(t, "ordinanz")) {
        if (byMayor(t)) return {"A.04.02", "Ordinanze e decreti"};
        if (byManager(t)) return {"A.04.01", "Ordinanze e decreti"};
        return {"A.04", "Ordinanze e decreti"};
    }
    if (any(t, {"decreto", "decreti", "provvedimento sindacale"})) {
        if (byMayor(t)) return {"A.01.02", "Ordinanze e decreti"};
        if (byManager(t)) return {"A.01.01", "Ordinanze e decreti"};
        return {"A.01", "Ordinanze e decreti"};
    }
    if (any(t, {"irreperib"})) return {"C.01.01", "Altro"};
    if (any(t, {"cambio nome", "cambiamento del nome", "cambio del nome", "cambio cognome"}))
        return {"C.02.01", "Altro"};
    if (any(t, {"permesso di costruire", "permesso a costruire", "permessi di costruire"}))
        return {"B.01.01", "Altro"};
    if (any(t, {"bando", "bandi", "gara", "appalt", "affidament", "manifestazione di interesse"})) {
        if (any(t, {"contribut", "sovvenzion", "agevolazion", "vantaggi economici", "bonus"}))
            return {"D.02.03", "Avvisi e bandi"};
        if (any(t, {"gara", "appalt", "affidament", "manifestazione di interesse"}))
            return {"D.02.02", "Avvisi e bandi"};
        return {"D.02", "Avvisi e bandi"};
    }
    if (any(t, {"deposito", "casa comunale"})) return {"D.01.01", "Avvisi e bandi"};
    if (any(t, {"avvis", "manifest", "convocazion", "comunicat", "rende noto", "informativa"}))
        return {"D.01.02", "Avvisi e bandi"};
    if (any(t, {"atti di terzi", "atto di terzi", "altri enti", "pubblicazione esterna"}))
        return {"E.01.01", "Altro"};
    return {};
}

}  // namespace

const std::vector<std::string>& alboCategories() {
    static const std::vector<std::string> chips{
        "Delibere",       "Determinazioni", "Ordinanze e decreti",
        "Avvisi e bandi", "Concorsi",       "Pubblicazioni di matrimonio",
        "Altro"};
    return chips;
}

bool isAlboCategory(std::string_view name) {
    const auto& c = alboCategories();
    return std::find(c.begin(), c.end(), name) != c.end();
}

std::string agidLabel(std::string_view code) {
    for (const AgidEntry& e : kAgid)
        if (code == e.code) return e.label;
    return {};
}

std::vector<std::string> agidCodes() {
    std::vector<std::string> out;
    for (const AgidEntry& e : kAgid) out.emplace_back(e.code);
    return out;
}

ActClass classifyActType(std::string_view type, std::string_view subject) {
    const std::string t = foldForMatch(type);
    ActClass c = match(t);
    // "Ordinanze" with "Ordinanza del Sindaco ..." as subject: the subject names the issuer.
    if (std::count(c.agidCode.begin(), c.agidCode.end(), '.') == 1) {
        ActClass finer = match(t + " " + foldForMatch(subject));
        if (finer.category == c.category && startsWith(finer.agidCode, c.agidCode + "."))
            c = std::move(finer);
    }
    // A generic type ("ATTI AMMINISTRATIVI", "Amministrazione", none): the subject tells more.
    if (c.agidCode.empty()) c = match(foldForMatch(subject));
    if (c.agidCode.empty()) c = {"D", "Altro"};
    return c;
}

void classifyAct(Act& act) {
    ActClass c = classifyActType(act.type, act.subject);
    act.agidCode = std::move(c.agidCode);
    act.category = std::move(c.category);
}

}  // namespace vt
