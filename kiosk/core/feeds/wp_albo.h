// The WordPress plugin "Albo Pretorio On line" (ignazios/albo-pretorio-on-line), in the three
// shapes it serves:
//  - the yearly repertorio export, JSON: [{"Numero","Anno","Oggetto","DataInizio","DataFine",
//    "DataAnnullamento","MotivoAnnullamento","UnitaOrganizzativa","Categoria",...}, ...];
//  - the same export as XML: <Repertorio><Meta_dati><Anno/></Meta_dati><Atti><Atto>
//    <Numero_Atto/><Oggetto/><Data_Inizio/>...</Atto></Atti></Repertorio>;
//  - the REST API GET /wp-json/alboonline/v1/atti: [{"TotAtti","NumPagine","Pagina",
//    "AttiPagina"}, {"<IdAtto>": {"Numero","Anno","Riferimento","Oggetto","DataInizio",
//    "DataFine","Informazioni","Categoria","DataAnnullamento","MotivoAnnullamento","Ente",
//    "Metadati","DataOblio","Link"}, ...}] (an empty page is [] in PHP's JSON), and
//    /atto/{num}/{anno} or /atto/{id}: one object, "Categoria" as {"Nome",...} and
//    "Allegati": [{"Titolo","Allegato","Estenzione","TipoFile","Link",...}].
// Shapes read from the plugin's Reg_rest_api_route / rest_api_atti_get (version 4.x).
// "DataAnnullamento" "0000-00-00" means not annulled.
#pragma once

#include "core/feeds/albopop_rss.h"

#include <string>
#include <string_view>

namespace vt {

// JSON or XML, told apart by the first character.
AlboFeed parseWpAlbo(std::string_view bytes, const std::string& sourceName);

}  // namespace vt
