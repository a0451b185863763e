// The semantic tree: every readable or interactive element registers, each frame, its role,
// label, text and on-screen rectangle. Tests and `vetrina play` tap by label and read what is on
// screen; read-aloud walks it in order; the maintenance view lists it.
// Steady state allocates nothing: nodes and their strings are reused frame to frame.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vt {

enum class Role { Heading, Text, Button, Tile, ListItem, Link, Image, Status, Banner };

const char* roleName(Role r);

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float centerX() const { return x + w * 0.5f; }
    float centerY() const { return y + h * 0.5f; }
    bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
};

struct SemanticNode {
    Role role = Role::Text;
    std::string label;  // what a user would call it ("Albo pretorio"); taps find it by this
    std::string text;   // the content read aloud or checked by `expect`
    Rect rect;          // visible part, in screen pixels
    bool interactive = false;
};

class SemanticTree {
public:
    void beginFrame() { m_count = 0; }
    void add(Role role, std::string_view label, std::string_view text, Rect rect, bool interactive);

    size_t size() const { return m_count; }
    const SemanticNode& operator[](size_t i) const { return m_nodes[i]; }

    // The interactive node whose label equals `label` (case-insensitive); failing that, the first
    // whose label starts with it. nullptr when none.
    const SemanticNode* findInteractive(std::string_view label) const;
    // True when some node's label or text contains `needle` (case- and accent-insensitive).
    bool containsText(std::string_view needle) const;
    // All labels and texts in order, one per line (for failures and the maintenance view).
    std::string dump() const;
    // What read-aloud says for the screen: every element in drawing order (which is reading
    // order: header, title, content, then the controls), buttons announced as such.
    std::string readingText(bool english) const;

private:
    std::vector<SemanticNode> m_nodes;
    size_t m_count = 0;
};

}  // namespace vt
