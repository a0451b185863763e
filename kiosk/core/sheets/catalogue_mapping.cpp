#include "core/sheets/catalogue_mapping.h"

#include "core/sheets/taxonomy.h"
#include "core/util/text.h"

#include <cctype>
#include <utility>

namespace vt {

namespace {

// GOVE (Governo e settore pubblico), ECON (Economia e finanze), SOCI (Popolazione e società),
// TECH and TRAN (driving licences and vehicles: no Argomento fits) are deliberately absent.
constexpr std::pair<std::string_view, std::string_view> kThemeTopics[]{
    {"EDUC", "Istruzione"},      {"ENER", "Energie rinnovabili"},  {"JUST", "Giustizia"},
    {"HEAL", "Igiene pubblica"}, {"ENVI", "Sviluppo sostenibile"},
};

constexpr std::pair<std::string_view, std::string_view> kLifeEventTopics[]{
    {"persone/1", "Istruzione"},
    {"persone/2", "Assistenza agli invalidi"},
    {"persone/3", "Lavoro"},
    {"persone/7", "Trasporto pubblico"},
    {"persone/8", "Urbanizzazione"},
    {"persone/9", "Residenza"},
    {"persone/10", "Estero"},
    {"persone/11", "Viaggi"},
    {"persone/12", "Nascita"},
    {"persone/13", "Matrimonio"},
    {"persone/14", "Morte"},
    {"persone/16", "Polizia"},
    {"persone/17", "Imposte"},
    {"persone/18", "Patrimonio culturale"},
    {"persone/19", "Animale domestico"},
    {"imprese/1", "Imprese"},
    {"imprese/2", "Imprese"},
    {"imprese/3", "Imprese"},
    {"imprese/5", "Imprese"},
    {"imprese/6", "Imprese"},
    {"imprese/7", "Lavoro"},
    {"imprese/8", "Imposte"},
    {"imprese/10", "Imprese"},
    {"imprese/12", "Imprese"},
    {"imprese/13", "Imprese"},
};

// Folded word stems found in titles and keywords of the catalogue, checked as substrings.
constexpr std::pair<std::string_view, std::string_view> kKeywordTopics[]{
    {"rifiut", "Gestione rifiuti"},
    {"tari", "Tassa sui servizi"},
    {"imu", "Imposte"},
    {"tribut", "Imposte"},
    {"anagraf", "Anagrafe"},
    {"residenz", "Residenza"},
    {"elettoral", "Elezioni"},
    {"elezion", "Elezioni"},
    {"matrimon", "Matrimonio"},
    {"ztl", "ZTL"},
    {"parcheg", "Parcheggi"},
    {"mensa", "Istruzione"},
    {"scolastic", "Istruzione"},
    {"scuola", "Istruzione"},
    {"educazione", "Istruzione"},
    {"biblioteca", "Tempo libero"},
    {"sport", "Sport"},
    {"cimiter", "Morte"},
    {"funebr", "Morte"},
    {"commercio", "Commercio al minuto"},
    {"mercat", "Mercato"},
    {"edilizi", "Urbanizzazione"},
    {"suolo pubblico", "Urbanizzazione"},
    {"disabil", "Assistenza agli invalidi"},
    {"invalid", "Assistenza agli invalidi"},
    {"pension", "Lavoro"},
    {"disoccupaz", "Lavoro"},
    {"concors", "Concorsi"},
    {"accesso agli atti", "Accesso all'informazione"},
    {"turist", "Turismo"},
    {"animal", "Animale domestico"},
    {"cane", "Animale domestico"},
    {"protezione civile", "Protezione civile"},
    {"cittadinanza", "Immigrazione"},
    {"stranier", "Immigrazione"},
    {"bonus", "Assistenza sociale"},
    {"assegno", "Assistenza sociale"},
    {"isee", "Assistenza sociale"},
    {"sociale", "Assistenza sociale"},
    {"imposta", "Imposte"},
    {"dichiarazione dei redditi", "Imposte"},
    {"trasporto pubblico", "Trasporto pubblico"},
    {"bicicl", "Pista ciclabile"},
    {"verde", "Spazio Verde"},
};

bool containsWord(const std::string& text, std::string_view stem) {
    size_t p = 0;
    while ((p = text.find(stem, p)) != std::string::npos) {
        const bool startOk = p == 0 || !std::isalnum(static_cast<unsigned char>(text[p - 1]));
        // Short stems must be whole words: "sport" is not "sportello", "tari" not "tariffa".
        const size_t e = p + stem.size();
        const bool endOk =
            stem.size() > 5 || e >= text.size() || !std::isalnum(static_cast<unsigned char>(text[e]));
        if (startOk && endOk) return true;
        ++p;
    }
    return false;
}

}  // namespace

std::optional<std::string> topicForTheme(std::string_view themeCode) {
    const std::string code = trim(themeCode);
    for (const auto& [k, v] : kThemeTopics)
        if (k == code) return std::string(v);
    return std::nullopt;
}

std::optional<std::string> lifeEventForCatalogueEvent(std::string_view code) {
    const std::string c = trim(code);
    std::string mapped;
    if (startsWith(c, "LE/"))
        mapped = "persone/" + c.substr(3);
    else if (startsWith(c, "BE/"))
        mapped = "imprese/" + c.substr(3);
    else
        return std::nullopt;
    for (const LifeEvent& e : officialLifeEvents())
        if (e.code == mapped) return mapped;
    return std::nullopt;
}

std::optional<std::string> topicForLifeEvent(std::string_view lifeEventCode) {
    for (const auto& [k, v] : kLifeEventTopics)
        if (k == lifeEventCode) return std::string(v);
    return std::nullopt;
}

std::vector<std::string> topicsForText(std::string_view text) {
    const std::string f = foldForMatch(text);
    std::vector<std::string> out;
    for (const auto& [stem, topic] : kKeywordTopics) {
        if (!containsWord(f, stem)) continue;
        bool dup = false;
        for (const auto& t : out) dup = dup || t == topic;
        if (!dup) out.emplace_back(topic);
    }
    return out;
}

}  // namespace vt
