// The kiosk's widgets: big, obviously pressable, with feedback on the very next frame, and each
// registered in the semantic tree with its role and label.
#pragma once

#include "ui/ui_context.h"

#include <string>
#include <string_view>

namespace vt::widgets {

enum class ButtonStyle { Primary, Secondary, Quiet };

// The rectangle of the last item, clipped to what is visible, for the semantic tree.
Rect visibleRect(ImVec2 min, ImVec2 max);

// A press-and-release area of `size` at the cursor; true on release inside it. A press that
// turned into a scroll is never a click.
bool pressArea(const char* id, ImVec2 size, bool* held = nullptr, bool* hovered = nullptr);

// The frame of a pressable card, drawn the same way everywhere so that a passer-by learns once
// what can be tapped: List is a list entry (thin border, a blue bar on the left), Outlined a
// bordered button-like card (feedback faces, attachments, browse rows), Static a list entry that
// opens nothing (no bar, no press). The background turns "pressed" on the frame after the touch.
enum class CardStyle { List, Outlined, Static };
// Lays out a card of `size` at the cursor and draws its frame; true on a tap. What goes inside
// is drawn by the caller from the position the cursor had before the call.
bool card(Ui& ui, const char* id, ImVec2 size, CardStyle style);

// A large button with an Italian label and an optional English line under it.
// `icon` (e.g. "◀") is drawn before the label but is not part of its name.
bool button(Ui& ui, const char* id, std::string_view label, std::string_view english, ImVec2 size,
            ButtonStyle style = ButtonStyle::Primary, std::string_view icon = {});

// A home-screen tile: title, English subtitle and a detail line (e.g. a count).
bool tile(Ui& ui, const char* id, std::string_view title, std::string_view english, std::string_view detail,
          ImVec2 size);

// Wrapped text in a font and colour, registered with a role. `wrapWidth` <= 0: the available width.
void text(Ui& ui, ImFont* font, ImU32 color, std::string_view s, Role role = Role::Text, float wrapWidth = 0);

// Draws text inside a rectangle, at most `maxLines` lines, the last ending with "…" when cut.
// Returns the height used.
float clampedText(ImDrawList* dl, ImFont* font, ImU32 color, ImVec2 pos, float width, std::string_view s,
                  int maxLines);

// The width of a comfortable reading column: the available width, but no more than ~70
// characters of body text (landscape panels would otherwise give 150-character lines).
float readableWidth(const Ui& ui, float available);

// Keeps only what the font can draw (Basic Multilingual Plane), e.g. drops emoji from feeds.
std::string displayable(std::string_view s);

}  // namespace vt::widgets
