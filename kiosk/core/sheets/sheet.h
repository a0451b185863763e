// A service sheet ("scheda servizio"): what a citizen must do to get a service, from the town or
// from another public body, filed under official topics and life events. Sections keep the
// national service-page order; their text is a small structured form the UI draws directly.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

struct TextSpan {
    std::string text;
    bool bold = false;
};

struct TextBlock {
    enum class Type { Paragraph, Bullet };
    Type type = Type::Paragraph;
    std::vector<TextSpan> spans;
    std::string plain() const;
};

struct SheetSection {
    std::string title;  // canonical label, e.g. "Come fare"
    std::vector<TextBlock> blocks;
};

struct Sheet {
    std::int64_t rowId = 0;
    std::string id;  // staff id, shared by the language variants
    std::string lang = "it";
    std::string source;
    std::string title;
    std::string description;  // "Descrizione breve"
    std::string bodyId;       // ente erogatore: "comune", "inps", "agenzia-entrate"...
    std::string bodyName;
    bool active = true;
    std::string statusNote;  // the reason when not active
    std::string onlineLink;
    std::string office;  // office id
    std::vector<std::string> keywords;
    std::vector<std::string> topics;      // official Argomenti labels
    std::vector<std::string> lifeEvents;  // "persone/9", "imprese/1"
    std::vector<SheetSection> sections;
};

// The sections of the national model, in page order, and whether a staff sheet must have them.
struct SectionSpec {
    std::string_view label;
    bool mandatory;
};
const std::vector<SectionSpec>& sheetSectionSpecs();
// Canonical label for a heading written with any case/accents or a known alias; "" if unknown.
std::string canonicalSection(std::string_view heading);

nlohmann::json sectionsToJson(const std::vector<SheetSection>& sections);
std::vector<SheetSection> sectionsFromJson(std::string_view json);
// All the text of the sheet, for the search index.
std::string sheetPlainText(const Sheet& s);

}  // namespace vt
