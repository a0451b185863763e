// "Chiudi Vetrina" in the maintenance panel: the kiosk leaves the screen to the technician for a
// bounded pause ([maintenance] pause_minutes), then comes back by itself. The kiosk writes the
// pause file and exits; the units' ExecStopPost (systemd/maintenance-pause, run as root) reads it,
// keeps the unit stopped and arms a timer that starts the kiosk when the pause ends. A reboot
// ends the pause too: the file names the boot it was written in.
#pragma once

#include <string>

namespace vt {

// $STATE_DIRECTORY/maintenance-pause under systemd (the directory the helper reads whatever the
// config's data_dir), else `dataDir`/maintenance-pause.
std::string maintenancePauseFile(const std::string& dataDir);

// The kernel's id of this boot (/proc/sys/kernel/random/boot_id), "" when unreadable.
std::string currentBootId();

// Writes "BOOT_ID SECONDS\n" atomically; false (and `error`) when it cannot.
bool writeMaintenancePause(const std::string& file, int seconds, std::string& error);

}  // namespace vt
