// vetrina-console: the town hall's web console. See `vetrina-console --help` and docs/CONSOLE.md.
#include "accounts.h"
#include "app.h"
#include "audit.h"
#include "console_help.h"
#include "signature_renewal.h"
#include "upload_check.h"

#include "core/system/board_clock.h"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace vt::console;

namespace {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "--key value" options and positional words after the command's own words.
struct CommandLine {
    std::map<std::string, std::string> options;
    std::vector<std::string> positional;
};

CommandLine parse(int argc, char** argv, int first, const std::vector<std::string>& known) {
    CommandLine cl;
    for (int i = first; i < argc; ++i) {
        const std::string a = argv[i];
        if (a.rfind("--", 0) == 0) {
            if (std::find(known.begin(), known.end(), a) == known.end())
                throw UsageError("unknown option " + a);
            if (i + 1 >= argc) throw UsageError(a + " needs a value");
            cl.options[a] = argv[++i];
        } else {
            cl.positional.push_back(a);
        }
    }
    return cl;
}

std::string need(const CommandLine& cl, const std::string& key) {
    const auto it = cl.options.find(key);
    if (it == cl.options.end()) throw UsageError(key + " is required");
    return it->second;
}

// One line of standard input, without its line end; not echoed when it is a terminal.
std::string readSecretLine(const char* prompt) {
    const bool tty = isatty(STDIN_FILENO);
    termios old{};
    if (tty) {
        std::fprintf(stderr, "%s", prompt);
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fprintf(stderr, "\n");
    }
    if (!got) throw UsageError("the password is read from standard input, one line; there was none");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

std::string readLine(const char* prompt) {
    if (isatty(STDIN_FILENO)) std::fprintf(stderr, "%s", prompt);
    std::string line;
    if (!std::getline(std::cin, line)) throw UsageError("expected a line on standard input");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

ConsoleStore openStoreOf(const ConsoleConfig& cfg) {
    std::filesystem::create_directories(cfg.dataDir);
    return ConsoleStore::open(storePathIn(cfg.dataDir));
}

int cmdInit(int argc, char** argv) {
    const CommandLine cl = parse(argc, argv, 2, {"--config"});
    if (!cl.positional.empty()) throw UsageError("unexpected argument " + cl.positional[0]);
    const ConsoleConfig cfg = loadConsoleConfig(need(cl, "--config"));
    ConsoleStore store = openStoreOf(cfg);
    if (hasUsers(store)) {
        std::fprintf(stderr, "vetrina-console init: %s already has users; add more with `user add`\n",
                     storePathIn(cfg.dataDir).c_str());
        return 1;
    }
    const std::string name = readLine("Nome dell'amministratore / Administrator's name: ");
    const std::string password = readSecretLine("Password: ");
    const auto now = vt::boardNow();
    StoreTransaction tx(store);
    const User u = addUser(store, name, Role::Admin, "", password, now);
    audit(store, now, "(command line)", "init", u.name, "first administrator");
    tx.commit();
    std::printf("vetrina-console: store %s created; administrator \"%s\"\n", storePathIn(cfg.dataDir).c_str(),
                u.name.c_str());
    return 0;
}

int cmdUserAdd(int argc, char** argv) {
    const CommandLine cl = parse(argc, argv, 3, {"--config", "--role", "--body"});
    if (cl.positional.size() != 1) throw UsageError("expected one user NAME");
    const auto role = parseRole(need(cl, "--role"));
    if (!role) throw UsageError("--role must be editor, publisher or admin");
    const ConsoleConfig cfg = loadConsoleConfig(need(cl, "--config"));
    ConsoleStore store = openStoreOf(cfg);
    const auto body = cl.options.count("--body") ? cl.options.at("--body") : std::string();
    const std::string password = readSecretLine("Password: ");
    const auto now = vt::boardNow();
    StoreTransaction tx(store);
    const User u = addUser(store, cl.positional[0], *role, body, password, now);
    audit(store, now, "(command line)", "user_add", u.name, roleName(u.role));
    tx.commit();
    std::printf("vetrina-console: user \"%s\" added as %s\n", u.name.c_str(), roleName(u.role));
    return 0;
}

int cmdTokenAdd(int argc, char** argv) {
    const CommandLine cl = parse(argc, argv, 3, {"--config"});
    if (cl.positional.size() != 1) throw UsageError("expected one user NAME");
    const ConsoleConfig cfg = loadConsoleConfig(need(cl, "--config"));
    ConsoleStore store = openStoreOf(cfg);
    const auto now = vt::boardNow();
    StoreTransaction tx(store);
    const std::string token = addApiToken(store, cl.positional[0], now);
    audit(store, now, "(command line)", "token_add", cl.positional[0]);
    tx.commit();
    std::printf("vetrina-console: API token for \"%s\" (shown once; the store keeps only its hash):\n%s\n",
                cl.positional[0].c_str(), token.c_str());
    return 0;
}

int cmdServe(int argc, char** argv) {
    const CommandLine cl = parse(argc, argv, 2, {"--config"});
    if (!cl.positional.empty()) throw UsageError("unexpected argument " + cl.positional[0]);
    const ConsoleConfig cfg = loadConsoleConfig(need(cl, "--config"));
    ConsoleStore store = openStoreOf(cfg);
    if (!hasUsers(store)) {
        std::fprintf(stderr,
                     "vetrina-console serve: the store has no users; create the first administrator with "
                     "`vetrina-console init --config %s`\n",
                     cfg.path.c_str());
        return 1;
    }
    vt::boardNow();  // a bad VETRINA_BOARD_CLOCK fails here, not in the first request
    if (!cfg.keyCredential.empty() && cfg.keyFile.empty())
        std::fprintf(stderr,
                     "vetrina-console serve: publish.key_file names the systemd credential \"%s\" but "
                     "$CREDENTIALS_DIRECTORY is not set (start it with LoadCredential=, as the packaged unit "
                     "does): publishing cannot sign\n",
                     cfg.keyCredential.c_str());
    const Templates templates = Templates::load(findTemplatesDir(cfg.templatesDir));
    ConsoleApp app(cfg, store, templates, [] { return vt::boardNow(); });
    // SIGTERM and SIGINT are taken by sigwait below, in this thread only.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    HttpServer server;
    server.start(cfg.listenPort, cfg.threads, kMaxUploadBody,
                 [&app](const Request& r) { return app.handle(r); });
    std::printf("vetrina-console: listening on http://127.0.0.1:%d\n", server.port());
    std::fflush(stdout);
    // Until a stop signal: every hour (and now), sign the content again if its signature is about
    // to expire (signature_renewal.h).
    int sig = 0;
    for (;;) {
        {
            std::lock_guard<std::mutex> guard(store.lock());
            const RenewalOutcome r = renewSignatureIfDue(cfg, store, vt::boardNow());
            if (r.renewed)
                std::printf("vetrina-console: signature renewed, revision %lld\n",
                            static_cast<long long>(r.revision));
            if (!r.error.empty())
                std::fprintf(stderr, "vetrina-console: signature renewal failed: %s\n", r.error.c_str());
            std::fflush(stdout);
        }
        const timespec hour{3600, 0};
        sig = sigtimedwait(&stopSignals, nullptr, &hour);
        if (sig == SIGTERM || sig == SIGINT) break;
    }
    server.stop();
    std::printf("vetrina-console: stopped (%s)\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
    return 0;
}

const char* commandName(int argc, char** argv, std::string& buf) {
    if (argc < 2) return nullptr;
    buf = argv[1];
    if ((buf == "user" || buf == "token") && argc >= 3) {
        buf += ' ';
        buf += argv[2];
    }
    return buf.c_str();
}

}  // namespace

int main(int argc, char** argv) {
    std::string name;
    const char* cmd = commandName(argc, argv, name);
    if (!cmd || !std::strcmp(cmd, "--help") || !std::strcmp(cmd, "-h") || !std::strcmp(cmd, "help")) {
        if (argc >= 3 && !std::strcmp(argv[1], "help")) {
            std::string which = argv[2];
            if (argc >= 4) {
                which += ' ';
                which += argv[3];
            }
            if (const char* text = consoleCommandHelp(which.c_str())) return std::fputs(text, stdout), 0;
        }
        std::fputs(consoleOverview(), cmd ? stdout : stderr);
        return cmd ? 0 : 2;
    }
    for (int i = 2; i < argc; ++i)
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
            if (const char* text = consoleCommandHelp(cmd)) return std::fputs(text, stdout), 0;
        }
    if (!std::strcmp(cmd, "--version")) return std::printf("vetrina-console %s\n", VETRINA_VERSION), 0;
    try {
        if (name == "init") return cmdInit(argc, argv);
        if (name == "user add") return cmdUserAdd(argc, argv);
        if (name == "token add") return cmdTokenAdd(argc, argv);
        if (name == "serve") return cmdServe(argc, argv);
        std::fprintf(stderr, "vetrina-console: unknown command \"%s\"\n\n%s", cmd, consoleOverview());
        return 2;
    } catch (const UsageError& e) {
        std::fprintf(stderr, "vetrina-console %s: %s\nSee `vetrina-console %s --help`.\n", cmd, e.what(),
                     cmd);
        return 2;
    } catch (const ConsoleConfigError& e) {
        std::fprintf(stderr, "vetrina-console: configuration error: %s\n", e.what());
        return 1;
    } catch (const AccountError& e) {
        std::fprintf(stderr, "vetrina-console %s: %s\n", cmd, e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vetrina-console %s: %s\n", cmd, e.what());
        return 1;
    }
}
