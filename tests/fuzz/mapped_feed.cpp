// parseMappedFeed through two fixed mappings (JSON pointers, XPath as in the tests); the same
// bytes go through both, so JSON seeds reach the XML path as "not XML" and vice versa.
#include "core/feeds/mapped_feed.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const vt::FieldMapping json{{"format", "json"},
                                       {"items", "/rss/channel/item"},
                                       {"uid", "/uid"},
                                       {"subject", "/title"},
                                       {"type", "/type"},
                                       {"start", "/pubStart"},
                                       {"end", "/pubEnd"},
                                       {"link", "/link"},
                                       {"attachments", "/enclosure"},
                                       {"attachment_url", "/url"}};
    static const vt::FieldMapping xml{{"format", "xml"},         {"items", "/Repertorio/Atti/Atto"},
                                      {"number", "Numero_Atto"}, {"year", "/Repertorio/Meta_dati/Anno"},
                                      {"subject", "Oggetto"},    {"start", "Data_Inizio"},
                                      {"end", "Data_Fine"},      {"annulled_on", "Data_Annullamento"},
                                      {"type", "Categoria"}};
    const std::string_view in = vt::fuzz::bytes(data, size);
    (void)vt::parseMappedFeed(in, json, "fuzz.json");
    (void)vt::parseMappedFeed(in, xml, "fuzz.xml");
    return 0;
}
