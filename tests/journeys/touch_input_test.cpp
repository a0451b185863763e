#include "platform/touch_input.h"
#include "ui/semantic_tree.h"

#include <imgui.h>
#include <catch2/catch.hpp>

#include <cfloat>

using namespace vt;

namespace {
struct ImGuiScope {
    ImGuiContext* ctx = ImGui::CreateContext();
    ~ImGuiScope() { ImGui::DestroyContext(ctx); }
};
}  // namespace

TEST_CASE("a tap arriving in one batch is a press on one frame and a release on the next", "[touch]") {
    ImGuiScope scope;
    ImGuiIO& io = ImGui::GetIO();
    TouchInput in;
    in.inject({PointerEvent::Type::Down, 100, 200});
    in.inject({PointerEvent::Type::Up, 100, 200});
    in.applyToImGui(io);
    CHECK(io.MouseDown[0]);
    CHECK(io.MousePos.x == 100);
    CHECK(in.hasPending());
    in.applyToImGui(io);
    CHECK_FALSE(io.MouseDown[0]);
    CHECK(io.MousePos.y == 200);  // released where it was pressed
    CHECK(in.hasPending());       // one more frame to take the pointer away
    in.applyToImGui(io);
    CHECK(io.MousePos.x == -FLT_MAX);  // no stuck hover
    CHECK_FALSE(in.hasPending());
}

TEST_CASE("moves are merged, then a second finger is ignored, then synthesised mouse events are ignored",
          "[touch]") {
    ImGuiScope scope;
    ImGuiIO& io = ImGui::GetIO();
    TouchInput in;
    SDL_Event e{};
    e.type = SDL_FINGERDOWN;
    e.tfinger.fingerId = 1;
    e.tfinger.x = 0.5f;
    e.tfinger.y = 0.5f;
    CHECK(in.handleSdlEvent(e, 1000, 2000));
    e.tfinger.fingerId = 2;  // second finger
    e.tfinger.x = 0.1f;
    in.handleSdlEvent(e, 1000, 2000);
    SDL_Event m{};
    m.type = SDL_MOUSEBUTTONDOWN;
    m.button.which = SDL_TOUCH_MOUSEID;
    m.button.button = SDL_BUTTON_LEFT;
    in.handleSdlEvent(m, 1000, 2000);
    in.applyToImGui(io);
    CHECK(io.MouseDown[0]);
    CHECK(io.MousePos.x == Approx(500));
    CHECK(io.MousePos.y == Approx(1000));
    for (float y : {0.4f, 0.3f, 0.2f}) {
        SDL_Event mv{};
        mv.type = SDL_FINGERMOTION;
        mv.tfinger.fingerId = 1;
        mv.tfinger.x = 0.5f;
        mv.tfinger.y = y;
        in.handleSdlEvent(mv, 1000, 2000);
    }
    in.applyToImGui(io);
    CHECK(io.MouseDown[0]);
    CHECK(io.MousePos.y == Approx(400));  // the last move of the batch
    CHECK_FALSE(in.hasPending());
}

TEST_CASE("the semantic tree finds by label, reuses its nodes, ignores clipped elements", "[tree]") {
    SemanticTree t;
    for (int frame = 0; frame < 3; ++frame) {
        t.beginFrame();
        t.add(Role::Heading, "Albo pretorio", "Albo pretorio", {0, 0, 100, 20}, false);
        t.add(Role::Tile, "Albo pretorio", "28 atti", {0, 30, 100, 50}, true);
        t.add(Role::Button, "Indietro", "Back", {0, 100, 50, 50}, true);
        t.add(Role::Text, "nascosto", "", {0, 0, 0, 0}, false);  // fully clipped: not on screen
    }
    CHECK(t.size() == 3);
    REQUIRE(t.findInteractive("albo pretorio"));
    CHECK(t.findInteractive("albo pretorio")->role == Role::Tile);
    CHECK(t.findInteractive("Indie")->label == "Indietro");
    CHECK_FALSE(t.findInteractive("Inizio"));
    CHECK(t.containsText("28 ATTI"));
    CHECK(t.containsText("Albo pretorio"));
    CHECK_FALSE(t.containsText("nascosto"));
}
