#include "core/bench/synthetic.h"

#include "core/util/italian_format.h"

namespace vt {

std::vector<Act> makeSyntheticActs(int count, CivilDate today, const std::string& source) {
    static const char* kTypes[] = {"Delibera di Giunta", "Determinazione",    "Ordinanza",
                                   "Avviso pubblico",    "Bando di concorso", "Pubblicazione di matrimonio",
                                   "Decreto sindacale"};
    static const char* kSubjects[] = {
        "Approvazione del progetto esecutivo per la manutenzione straordinaria delle strade comunali",
        "Affidamento del servizio di refezione scolastica per l'anno scolastico in corso",
        "Chiusura temporanea al traffico di via Roma per lavori di rifacimento della rete idrica",
        "Avviso pubblico per l'assegnazione di contributi alle associazioni sportive del territorio",
        "Concorso pubblico per esami per la copertura di un posto di istruttore amministrativo",
        "Liquidazione delle spese per la fornitura di materiale di cancelleria agli uffici comunali",
        "Variazione al bilancio di previsione e aggiornamento del documento unico di programmazione"};
    std::vector<Act> acts;
    acts.reserve(static_cast<size_t>(count));
    std::uint32_t rng = 12345;
    auto next = [&] { return rng = rng * 1664525u + 1013904223u; };
    for (int i = 0; i < count; ++i) {
        Act a;
        a.source = source;
        a.year = today.year;
        a.number = std::to_string(i + 1);
        a.uid = std::to_string(a.year) + "/" + a.number;
        a.type = kTypes[next() % 7];
        a.subject = std::string(kSubjects[next() % 7]) + " (n. " + a.number + ")";
        a.unit = "Settore " + std::to_string(1 + next() % 6);
        a.pubStart = addDays(today, -static_cast<int>(next() % 14));
        a.pubEnd = addDays(a.pubStart, 15);
        a.link = "https://albo.example.invalid/atti/" + a.number;
        const int attachments = 1 + static_cast<int>(next() % 2);
        for (int k = 0; k < attachments; ++k)
            a.attachments.push_back({a.link + "/allegato-" + std::to_string(k + 1) + ".pdf",
                                     "application/pdf", static_cast<std::int64_t>(50000 + next() % 900000)});
        acts.push_back(std::move(a));
    }
    return acts;
}

std::string toAlboPopRss(const std::vector<Act>& acts) {
    const std::string spec = "http://albopop.it/specs#item-category-";
    std::string x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
        "<title>AlboPOP - Comune - Bench</title><link>https://albo.example.invalid/</link>"
        "<description>bench</description>\n";
    x.reserve(acts.size() * 700);
    for (const Act& a : acts) {
        x += "<item><title>" + a.subject + "</title><link>" + a.link + "</link><guid>" + a.link + "</guid>";
        x += "<category domain=\"" + spec + "uid\">" + a.uid + "</category>";
        x += "<category domain=\"" + spec + "type\">" + a.type + "</category>";
        x += "<category domain=\"" + spec + "unit\">" + a.unit + "</category>";
        x += "<category domain=\"" + spec + "pubStart\">" + formatDateShortIt(a.pubStart) + "</category>";
        x += "<category domain=\"" + spec + "pubEnd\">" + formatDateShortIt(a.pubEnd) + "</category>";
        for (const Attachment& at : a.attachments)
            x += "<enclosure url=\"" + at.url + "\" type=\"" + at.mime + "\" length=\"" +
                 std::to_string(at.length) + "\"/>";
        x += "</item>\n";
    }
    return x + "</channel></rss>\n";
}

}  // namespace vt
