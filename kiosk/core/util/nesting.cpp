#include "core/util/nesting.h"

#include <pugixml.hpp>

#include <cstddef>

namespace vt {

namespace {

int lineAt(std::string_view bytes, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
        if (bytes[i] == '\n') ++line;
    return line;
}

}  // namespace

std::string nestingReason(int limit) {
    std::string reason = "nested deeper than ";
    reason += std::to_string(limit);
    reason += " levels";
    return reason;
}

std::optional<NestingError> jsonNestingError(std::string_view bytes, int limit) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (inString) {
            if (c == '\\')
                ++i;  // the escaped character, whatever it is
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return NestingError{lineAt(bytes, i), nestingReason(limit)};
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

std::optional<NestingError> xmlNestingError(const pugi::xml_node& root, std::string_view bytes, int limit) {
    // Depth-first with the tree's own links (child, sibling, parent): no stack at all.
    int depth = 0;
    pugi::xml_node n = root.first_child();
    if (!n) return std::nullopt;
    depth = 1;
    while (n) {
        if (n.type() == pugi::node_element && depth > limit) {
            const std::ptrdiff_t at = n.offset_debug();
            return NestingError{at >= 0 ? lineAt(bytes, static_cast<std::size_t>(at)) : 0,
                                nestingReason(limit)};
        }
        if (pugi::xml_node child = n.first_child()) {
            n = child;
            ++depth;
            continue;
        }
        while (n && !n.next_sibling()) {
            n = n.parent();
            --depth;
            if (n == root) return std::nullopt;
        }
        if (n) n = n.next_sibling();
    }
    return std::nullopt;
}

std::optional<NestingError> calendarNestingError(std::string_view bytes, int limit) {
    int depth = 0;
    int line = 1;
    std::size_t start = 0;
    while (start < bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) end = bytes.size();
        const std::string_view l = bytes.substr(start, end - start);
        const auto is = [&](std::string_view word) {
            if (l.size() < word.size()) return false;
            for (std::size_t i = 0; i < word.size(); ++i) {
                char c = l[i];
                if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
                if (c != word[i]) return false;
            }
            return true;
        };
        if (is("BEGIN:")) {
            if (++depth > limit) return NestingError{line, nestingReason(limit)};
        } else if (is("END:") && depth > 0) {
            --depth;
        }
        ++line;
        start = end + 1;
    }
    return std::nullopt;
}

}  // namespace vt
