// A headless kiosk for journey tests: its own config and data directory, content imported,
// the software renderer, and a JourneyRunner with a simulated clock.
#pragma once

#include "core/config/config.h"
#include "core/sources/local_refresh.h"
#include "core/store/database.h"
#include "platform/journey_runner.h"
#include "platform/kiosk_host.h"
#include "ui/kiosk_ui.h"

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace vt::test {

// The kiosk most journeys use: the real Ladispoli albo feed (20 acts from 19 May 2026), a 32" panel.
inline constexpr const char* kLadispoliKiosk = R"(
[town]
name = "Comune di Ladispoli"
[paths]
data_dir = "{DATA}"
[display]
diagonal_inches = 32
[[source]]
name = "albo"
kind = "albopop"
url = "{TESTDATA}/albo/ladispoli_albopop_feed.xml"
)";

struct HeadlessKiosk {
    Config config;
    Database writer, reader;
    std::unique_ptr<KioskHost> host;
    std::unique_ptr<KioskUi> ui;
    std::unique_ptr<JourneyRunner> runner;
    std::string shotsDir;

    // `configToml` may use {DATA} for the data directory, {TESTDATA} for tests/data and {SOURCE}
    // for the source tree (the demo content).
    HeadlessKiosk(const std::string& name, std::string configToml, const std::string& at, int w = 1080,
                  int h = 1920) {
        namespace fs = std::filesystem;
        const fs::path dir = fs::path(VETRINA_TEST_OUTPUT) / "journeys" / name;
        fs::remove_all(dir);
        fs::create_directories(dir / "data");
        shotsDir = (dir / "shots").string();
        for (auto [key, value] : {std::pair<std::string, std::string>{"{DATA}", (dir / "data").string()},
                                  {"{TESTDATA}", VETRINA_TEST_DATA},
                                  {"{SOURCE}", VETRINA_SOURCE_DIR}})
            for (size_t p; (p = configToml.find(key)) != std::string::npos;)
                configToml.replace(p, key.size(), value);
        config = parseConfig(configToml, (dir / "kiosk.toml").string());
        writer = Database::open(config.databasePath());
        reader = Database::open(config.databasePath(), OpenMode::ReadOnly);
        const UnixSeconds now = *parseIsoInstant(at);
        for (const auto& o : refreshLocalSources(writer, config, now))
            if (!o.ok) throw std::runtime_error(o.error);
        HostOptions opt;
        opt.width = w;
        opt.height = h;
        opt.headless = true;
        opt.fullscreen = false;
        opt.pxPerMm = static_cast<float>(config.display.effectivePixelsPerMm());
        opt.fontDir = std::string(VETRINA_SOURCE_DIR) + "/fonts";
        std::string error;
        host = KioskHost::create(opt, error);
        if (!host) throw std::runtime_error(error);
        ui = std::make_unique<KioskUi>(config, reader);
        ui->setPdfHelper(VETRINA_BINARY);
        runner = std::make_unique<JourneyRunner>(*host, *ui, now);
        runner->settle(3);
    }

    bool tap(const std::string& label) {
        std::string err;
        const bool ok = runner->tapLabel(label, err);
        if (!ok) UNSCOPED_INFO(err);
        return ok;
    }
    bool sees(const std::string& text) { return host->tree().containsText(text); }
    std::string shot(const std::string& name) {
        std::filesystem::create_directories(shotsDir);
        const std::string path = shotsDir + "/" + name + ".png";
        if (!runner->shot(path)) throw std::runtime_error("cannot write " + path);
        return path;
    }
};

}  // namespace vt::test
