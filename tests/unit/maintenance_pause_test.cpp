// "Chiudi Vetrina" takes the kiosk off the screen for a bounded pause, never for good: the pause
// file the kiosk writes, the config's bounds, the units, and the root helper the units run after
// every stop (systemd/maintenance-pause), driven here with systemctl and systemd-run replaced by
// scripts that record their arguments.
#include "core/maintenance/maintenance_pause.h"
#include "core/config/config.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;
using vt::test::readAll;
using vt::test::runCommand;

const std::string kSource = VETRINA_SOURCE_DIR;

// Runs the helper for `unit` with STATE_DIRECTORY=dir and fake systemctl/systemd-run that append
// their arguments to dir/calls; returns what they recorded.
std::string runHelper(const std::string& dir, const std::string& unit) {
    const std::string bin = dir + "/bin";
    fs::create_directories(bin);
    for (const char* tool : {"systemctl", "systemd-run"}) {
        const std::string path = bin + "/" + tool;
        std::ofstream(path) << "#!/bin/sh\necho \"" << tool << " $*\" >>" << dir << "/calls\n";
        fs::permissions(path, fs::perms::owner_all);
    }
    const int rc = runCommand("PATH=" + bin + ":/usr/bin:/bin STATE_DIRECTORY=" + dir + " " + kSource +
                              "/systemd/maintenance-pause " + unit);
    CHECK(rc == 0);  // an ExecStopPost that fails would mark the unit failed
    return fs::exists(dir + "/calls") ? readAll(dir + "/calls") : "";
}

void writePause(const std::string& dir, const std::string& line) {
    std::ofstream(dir + "/maintenance-pause") << line << "\n";
}

}  // namespace

TEST_CASE("the pause file names this boot and the seconds, in the state directory", "[maintenance]") {
    const std::string dir = vt::test::scratchDir("pause-file");
    ::setenv("STATE_DIRECTORY", dir.c_str(), 1);
    const std::string file = vt::maintenancePauseFile("/somewhere/else");
    ::unsetenv("STATE_DIRECTORY");
    CHECK(file == dir + "/maintenance-pause");
    CHECK(vt::maintenancePauseFile("/var/lib/vetrina") == "/var/lib/vetrina/maintenance-pause");
    std::string error;
    REQUIRE(vt::writeMaintenancePause(file, 1800, error));
    CHECK(readAll(file) == vt::currentBootId() + " 1800\n");
    CHECK(vt::currentBootId().size() == 36);
}

TEST_CASE("maintenance.pause_minutes: 30 by default, 5 to 240", "[maintenance][config]") {
    CHECK(vt::parseConfig("", "k.toml").maintenance.pauseMinutes == 30);
    CHECK(vt::parseConfig("[maintenance]\npause_minutes = 90\n", "k.toml").maintenance.pauseMinutes == 90);
    CHECK_THROWS_WITH(vt::parseConfig("[maintenance]\npause_minutes = 0\n", "k.toml"),
                      Catch::Contains("between 5 and 240"));
    CHECK_THROWS_AS(vt::parseConfig("[maintenance]\npause_minutes = 600\n", "k.toml"), vt::ConfigError);
}

TEST_CASE("both units restart the kiosk after a close and run the pause helper", "[maintenance][package]") {
    for (const char* unit : {"vetrina@.service", "vetrina-kmsdrm.service"}) {
        INFO(unit);
        const std::string text = readAll(kSource + "/systemd/" + unit);
        CHECK(text.find("\nRestart=always\n") != std::string::npos);
        CHECK(text.find("\nRestartPreventExitStatus") == std::string::npos);  // the totem dark for good
        CHECK(text.find("\nSuccessExitStatus=64\n") != std::string::npos);
        CHECK(text.find("\nExecStopPost=+/usr/libexec/vetrina/maintenance-pause %n\n") != std::string::npos);
    }
    CHECK(readAll(kSource + "/CMakeLists.txt")
              .find("install(PROGRAMS systemd/maintenance-pause DESTINATION libexec/vetrina)") !=
          std::string::npos);
}

TEST_CASE("after a close the helper stops the restart and arms the timer of the pause", "[maintenance]") {
    const std::string dir = vt::test::scratchDir("pause-helper");
    writePause(dir, vt::currentBootId() + " 1800");
    const std::string calls = runHelper(dir, "vetrina@tty1.service");
    CHECK(calls ==
          "systemctl stop --no-block vetrina@tty1.service\n"
          "systemctl stop vetrina-resume-tty1.timer\n"
          "systemd-run --quiet --unit=vetrina-resume-tty1 --description=Vetrina back after the maintenance "
          "pause --on-active=1800s --timer-property=AccuracySec=1s --timer-property=RemainAfterElapse=no "
          "systemctl start vetrina@tty1.service\n");
    CHECK_FALSE(fs::exists(dir + "/maintenance-pause"));  // used once: a later crash restarts at once

    writePause(dir, vt::currentBootId() + " 600");
    CHECK(runHelper(dir, "vetrina-kmsdrm.service").find("--unit=vetrina-resume-kmsdrm --description") !=
          std::string::npos);
}

TEST_CASE("without a valid pause of this boot the helper leaves the restart alone", "[maintenance]") {
    const std::string dir = vt::test::scratchDir("pause-helper-none");
    CHECK(runHelper(dir, "vetrina@tty1.service").empty());  // a crash, "Riavvia", a watchdog kill
    for (const std::string& line :
         {std::string("0e7b1c8a-0000-4000-8000-000000000000 1800"),  // an earlier boot
          vt::currentBootId() + " 60",                               // below the bounds
          vt::currentBootId() + " 999999",                           // above them
          vt::currentBootId() + " 1800;reboot", vt::currentBootId(), std::string("")}) {
        INFO(line);
        writePause(dir, line);
        CHECK(runHelper(dir, "vetrina@tty1.service").empty());
        CHECK_FALSE(fs::exists(dir + "/maintenance-pause"));
    }
}
