#include "core/sheets/taxonomy.h"

#include "core/util/text.h"

#include <array>

namespace vt {

namespace {

// The 64 Argomenti of the national model for municipal sites (argomenti.csv).
constexpr std::array<std::string_view, 64> kTopics{
    "Accesso all'informazione",
    "Acqua",
    "Agricoltura",
    "Anagrafe",
    "Animale domestico",
    "Aria",
    "Assistenza agli invalidi",
    "Assistenza sociale",
    "Associazioni",
    "Bilancio",
    "Commercio al minuto",
    "Commercio all'ingrosso",
    "Commercio ambulante",
    "Comunicazione istituzionale",
    "Comunicazione politica",
    "Concorsi",
    "Covid-19",
    "Elezioni",
    "Energie rinnovabili",
    "Estero",
    "Foreste",
    "Formazione professionale",
    "Gemellaggi",
    "Gestione rifiuti",
    "Giustizia",
    "Igiene pubblica",
    "Immigrazione",
    "Imposte",
    "Imprese",
    "Inquinamento",
    "Integrazione sociale",
    "Isolamento termico",
    "Istruzione",
    "Lavoro",
    "Matrimonio",
    "Mercato",
    "Mobilità sostenibile",
    "Morte",
    "Nascita",
    "Parcheggi",
    "Patrimonio culturale",
    "Pesca",
    "Piano di sviluppo",
    "Pista ciclabile",
    "PNRR",
    "Politica commerciale",
    "Polizia",
    "Prodotti alimentari",
    "Protezione civile",
    "Residenza",
    "Risposta alle emergenze",
    "Sistema giuridico",
    "Spazio Verde",
    "Sport",
    "Sviluppo sostenibile",
    "Tassa sui servizi",
    "Tempo libero",
    "Trasparenza amministrativa",
    "Trasporto pubblico",
    "Turismo",
    "Urbanizzazione",
    "Viaggi",
    "Zone pedonali",
    "ZTL",
};

// Eventi della vita (persone, then imprese), official codes and Italian labels.
constexpr std::array kLifeEvents{
    LifeEvent{"persone/1", "Iscrizione Scuola/Università e/o richiesta borsa di studio"},
    LifeEvent{"persone/2", "Invalidità"},
    LifeEvent{"persone/3", "Ricerca di lavoro, avvio nuovo lavoro, disoccupazione"},
    LifeEvent{"persone/4", "Pensionamento"},
    LifeEvent{"persone/5", "Richiesta o rinnovo patente"},
    LifeEvent{"persone/6", "Registrazione/possesso veicolo"},
    LifeEvent{"persone/7", "Accesso al trasporto pubblico"},
    LifeEvent{"persone/8",
              "Compravendita/affitto casa/edifici/terreni, costruzione o ristrutturazione casa/edificio"},
    LifeEvent{"persone/9", "Cambio di residenza/domicilio"},
    LifeEvent{"persone/10", "Espatrio per lavoro, studio, pensionamento"},
    LifeEvent{"persone/11", "Richiesta passaporto, visto e assistenza viaggi internazionali"},
    LifeEvent{"persone/12", "Nascita di un bambino, richiesta adozioni"},
    LifeEvent{"persone/13", "Matrimonio e/o cambio stato civile"},
    LifeEvent{"persone/14", "Morte ed eredità"},
    LifeEvent{"persone/15", "Prenotazione e disdetta visite/esami"},
    LifeEvent{"persone/16", "Denuncia crimini"},
    LifeEvent{"persone/17",
              "Dichiarazione dei redditi, versamento e riscossione tributi/imposte e contributi"},
    LifeEvent{"persone/18", "Accesso luoghi della cultura"},
    LifeEvent{"persone/19", "Possesso, cura, smarrimento animale da compagnia"},
    LifeEvent{"imprese/1", "Avvio impresa"},
    LifeEvent{"imprese/2", "Avvio nuova attività professionale"},
    LifeEvent{"imprese/3", "Richiesta licenze/permessi/certificati"},
    LifeEvent{"imprese/4", "Registrazione impresa transfrontaliera"},
    LifeEvent{"imprese/5", "Avvio/registrazione filiale"},
    LifeEvent{"imprese/6", "Finanziamento impresa"},
    LifeEvent{"imprese/7", "Gestione personale"},
    LifeEvent{"imprese/8", "Pagamento tasse, iva e dogane"},
    LifeEvent{"imprese/9", "Notifiche autorità"},
    LifeEvent{"imprese/10", "Chiusura impresa e attività professionale"},
    LifeEvent{"imprese/11", "Chiusura filiale"},
    LifeEvent{"imprese/12", "Ristrutturazione impresa"},
    LifeEvent{"imprese/13", "Vendita impresa"},
    LifeEvent{"imprese/14", "Bancarotta"},
    LifeEvent{"imprese/15", "Partecipazione ad appalti pubblici nazionali e trasfrontalieri"},
};

}  // namespace

std::span<const std::string_view> officialTopics() {
    return kTopics;
}
std::span<const LifeEvent> officialLifeEvents() {
    return kLifeEvents;
}

std::optional<std::string> canonicalTopic(std::string_view label) {
    const std::string f = foldForMatch(trim(label));
    for (std::string_view t : kTopics)
        if (foldForMatch(t) == f) return std::string(t);
    return std::nullopt;
}

std::optional<std::string> canonicalLifeEvent(std::string_view codeOrLabel) {
    const std::string s = trim(codeOrLabel);
    const std::string f = foldForMatch(s);
    for (const LifeEvent& e : kLifeEvents)
        if (e.code == s || foldForMatch(e.label) == f) return std::string(e.code);
    return std::nullopt;
}

std::string lifeEventLabel(std::string_view code) {
    for (const LifeEvent& e : kLifeEvents)
        if (e.code == code) return std::string(e.label);
    return std::string(code);
}

}  // namespace vt
