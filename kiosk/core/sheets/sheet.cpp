#include "core/sheets/sheet.h"

#include "core/util/text.h"

#include <nlohmann/json.hpp>

namespace vt {

std::string TextBlock::plain() const {
    std::string out;
    for (const TextSpan& s : spans) out += s.text;
    return out;
}

const std::vector<SectionSpec>& sheetSectionSpecs() {
    static const std::vector<SectionSpec> specs{
        {"Descrizione breve", true}, {"A chi è rivolto", true},    {"Come fare", true},
        {"Cosa serve", true},        {"Cosa si ottiene", true},    {"Tempi e scadenze", true},
        {"Quanto costa", false},     {"Accedi al servizio", true}, {"Condizioni", false},
        {"Contatti", true},
    };
    return specs;
}

std::string canonicalSection(std::string_view heading) {
    const std::string f = foldForMatch(collapseWhitespace(heading));
    for (const SectionSpec& s : sheetSectionSpecs())
        if (foldForMatch(s.label) == f) return std::string(s.label);
    // Names used by the national model and by municipal sites for the same sections.
    static const std::vector<std::pair<std::string_view, std::string_view>> aliases{
        {"contatti / ufficio responsabile", "Contatti"},
        {"ufficio responsabile", "Contatti"},
        {"contatti / unita organizzativa responsabile", "Contatti"},
        {"condizioni di servizio", "Condizioni"},
        {"costi", "Quanto costa"},
        {"a chi si rivolge", "A chi è rivolto"},
        {"descrizione", "Descrizione breve"},
    };
    for (const auto& [alias, label] : aliases)
        if (f == alias) return std::string(label);
    return {};
}

nlohmann::json sectionsToJson(const std::vector<SheetSection>& sections) {
    nlohmann::json out = nlohmann::json::array();
    for (const SheetSection& s : sections) {
        nlohmann::json blocks = nlohmann::json::array();
        for (const TextBlock& b : s.blocks) {
            nlohmann::json spans = nlohmann::json::array();
            for (const TextSpan& sp : b.spans) spans.push_back({{"text", sp.text}, {"bold", sp.bold}});
            blocks.push_back(
                {{"type", b.type == TextBlock::Type::Bullet ? "bullet" : "paragraph"}, {"spans", spans}});
        }
        out.push_back({{"title", s.title}, {"blocks", blocks}});
    }
    return out;
}

std::vector<SheetSection> sectionsFromJson(std::string_view json) {
    std::vector<SheetSection> out;
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& s : j) {
        SheetSection sec;
        sec.title = s.value("title", "");
        for (const auto& b : s.value("blocks", nlohmann::json::array())) {
            TextBlock block;
            block.type =
                b.value("type", "") == "bullet" ? TextBlock::Type::Bullet : TextBlock::Type::Paragraph;
            for (const auto& sp : b.value("spans", nlohmann::json::array()))
                block.spans.push_back({sp.value("text", ""), sp.value("bold", false)});
            sec.blocks.push_back(std::move(block));
        }
        out.push_back(std::move(sec));
    }
    return out;
}

std::string sheetPlainText(const Sheet& s) {
    std::string out = s.description;
    for (const SheetSection& sec : s.sections) {
        if (sec.title == "Descrizione breve") continue;  // already in description
        for (const TextBlock& b : sec.blocks) {
            if (!out.empty()) out += '\n';
            out += b.plain();
        }
    }
    return out;
}

}  // namespace vt
