#include "ui/semantic_tree.h"

#include "ui/i18n.h"

#include "core/util/text.h"

namespace vt {

const char* roleName(Role r) {
    switch (r) {
        case Role::Heading:
            return "heading";
        case Role::Text:
            return "text";
        case Role::Button:
            return "button";
        case Role::Tile:
            return "tile";
        case Role::ListItem:
            return "listitem";
        case Role::Link:
            return "link";
        case Role::Image:
            return "image";
        case Role::Status:
            return "status";
        case Role::Banner:
            return "banner";
    }
    return "?";
}

void SemanticTree::add(Role role, std::string_view label, std::string_view text, Rect rect,
                       bool interactive) {
    if (rect.w <= 0 || rect.h <= 0) return;  // clipped away: not on screen
    if (m_count == m_nodes.size()) m_nodes.emplace_back();
    SemanticNode& n = m_nodes[m_count++];
    n.role = role;
    n.label.assign(label);
    n.text.assign(text);
    n.rect = rect;
    n.interactive = interactive;
}

const SemanticNode* SemanticTree::findInteractive(std::string_view label) const {
    const std::string want = foldForMatch(label);
    const SemanticNode* prefix = nullptr;
    for (size_t i = 0; i < m_count; ++i) {
        const SemanticNode& n = m_nodes[i];
        if (!n.interactive) continue;
        const std::string have = foldForMatch(n.label);
        if (have == want) return &n;
        if (!prefix && startsWith(have, want)) prefix = &n;
    }
    return prefix;
}

bool SemanticTree::containsText(std::string_view needle) const {
    const std::string want = foldForMatch(needle);
    for (size_t i = 0; i < m_count; ++i) {
        if (foldForMatch(m_nodes[i].label).find(want) != std::string::npos) return true;
        if (foldForMatch(m_nodes[i].text).find(want) != std::string::npos) return true;
    }
    return false;
}

std::string SemanticTree::dump() const {
    std::string out;
    for (size_t i = 0; i < m_count; ++i) {
        const SemanticNode& n = m_nodes[i];
        out += roleName(n.role);
        out += ": ";
        out += n.label;
        if (!n.text.empty() && n.text != n.label) {
            out += " — ";
            out += n.text;
        }
        out += '\n';
    }
    return out;
}

std::string SemanticTree::readingText(bool english) const {
    std::string out;
    for (size_t i = 0; i < m_count; ++i) {
        const SemanticNode& n = m_nodes[i];
        if (n.role == Role::Image) continue;
        std::string piece;
        if (n.role == Role::Button)
            piece = tr("Pulsante", english ? Language::English : Language::Italian) + (": " + n.label);
        else if (n.role == Role::Tile || n.role == Role::ListItem)
            piece = n.label + (n.text.empty() ? "" : ". " + n.text);
        else
            piece = n.text.empty() ? n.label : n.text;
        if (piece.empty()) continue;
        if (!out.empty()) out += ".\n";
        out += piece;
    }
    return out;
}

}  // namespace vt
