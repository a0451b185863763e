// The console's configuration file (TOML): [console], [publish] and [preview], every key in
// docs/CONSOLE.md.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace vt::console {

class ConsoleConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ConsoleConfig {
    std::string path;  // the file read
    std::string listenHost = "127.0.0.1";
    int listenPort = 8080;     // 0: any free port (tests), printed at start-up
    std::string dataDir;       // the store lives here
    std::string publicUrl;     // the address clerks use (through nginx, https)
    int threads = 4;           // the HTTP worker pool
    std::string templatesDir;  // empty: next to the binary, else the source tree
    std::string contentDir, outDir;
    // The minisign secret key to sign with. `key_file = "credential:NAME"` names a systemd credential
    // (LoadCredential=NAME:...): keyFile is then $CREDENTIALS_DIRECTORY/NAME, or empty when that
    // variable is unset (a command run from a shell, which needs no key), and keyCredential is NAME.
    std::string keyFile;
    std::string keyCredential;
    bool fourEyes = true;
    // [preview]: the kiosk binary run headless (empty: `vetrina` next to this executable, else
    // /usr/bin/vetrina), the town's kiosk config for the look, the child's time limit.
    std::string previewVetrina, previewKioskConfig;
    int previewTimeoutSeconds = 30;
};

// Every [table].key the file may hold.
const std::vector<std::string>& consoleConfigKeys();
// Reads and checks the file: unknown keys, wrong types, a listen address that is not loopback and
// a missing data_dir are errors naming the file, the line and the key.
// $CREDENTIALS_DIRECTORY comes from the environment.
ConsoleConfig loadConsoleConfig(const std::string& path);
// The same with the credentials directory given (empty: none), for tests.
ConsoleConfig loadConsoleConfig(const std::string& path, const std::string& credentialsDir);

}  // namespace vt::console
