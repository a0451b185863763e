#include "console_config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace vt::console {

namespace {

std::string where(const std::string& file, const toml::node& n) {
    std::string s = file;
    s += ':';
    s += std::to_string(n.source().begin.line);
    return s;
}

[[noreturn]] void fail(const std::string& at, const std::string& key, const std::string& why) {
    std::string msg = at;
    msg += ": ";
    msg += key;
    msg += ": ";
    msg += why;
    throw ConsoleConfigError(msg);
}

std::string text(const toml::table& t, const char* table, const char* key, const std::string& file,
                 const std::string& fallback) {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    std::string name = table;
    name += '.';
    name += key;
    if (!n->is_string()) fail(where(file, *n), name, "must be a string");
    return n->as_string()->get();
}

// "127.0.0.1:8080" or "localhost:8080": the console only ever listens on loopback, nginx is in front.
void parseListen(const std::string& value, const std::string& at, ConsoleConfig& c) {
    const auto colon = value.rfind(':');
    const std::string host = colon == std::string::npos ? "" : value.substr(0, colon);
    const std::string port = colon == std::string::npos ? "" : value.substr(colon + 1);
    int p = -1;
    const auto r = std::from_chars(port.data(), port.data() + port.size(), p);
    if (port.empty() || r.ec != std::errc() || r.ptr != port.data() + port.size() || p < 0 || p > 65535)
        fail(at, "console.listen", "must be \"127.0.0.1:PORT\" (got \"" + value + "\")");
    if (host != "127.0.0.1" && host != "localhost")
        fail(at, "console.listen",
             "the console listens on 127.0.0.1 only, with nginx in front for TLS (got \"" + value + "\")");
    c.listenHost = "127.0.0.1";
    c.listenPort = p;
}

// "credential:NAME": the key is a systemd credential, readable by the console's user only and never
// copied into its data folder. NAME is a single file name, as systemd requires.
void resolveKeyFile(const std::string& value, const std::string& at, const std::string& credentialsDir,
                    ConsoleConfig& c) {
    static const std::string kPrefix = "credential:";
    if (value.rfind(kPrefix, 0) != 0) {
        c.keyFile = value;
        return;
    }
    const std::string name = value.substr(kPrefix.size());
    if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos)
        fail(at, "publish.key_file",
             "\"credential:NAME\" needs a file name without '/' (got \"" + value + "\")");
    c.keyCredential = name;
    if (!credentialsDir.empty()) c.keyFile = credentialsDir + "/" + name;
}

}  // namespace

const std::vector<std::string>& consoleConfigKeys() {
    static const std::vector<std::string> keys = {
        "console.listen",        "console.data_dir",    "console.public_url",   "console.threads",
        "console.templates_dir", "publish.content_dir", "publish.out_dir",      "publish.key_file",
        "publish.four_eyes",     "preview.vetrina",     "preview.kiosk_config", "preview.timeout_seconds",
    };
    return keys;
}

ConsoleConfig loadConsoleConfig(const std::string& path) {
    const char* credentials = std::getenv("CREDENTIALS_DIRECTORY");
    return loadConsoleConfig(path, credentials ? credentials : "");
}

ConsoleConfig loadConsoleConfig(const std::string& path, const std::string& credentialsDir) {
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        std::string msg = path;
        msg += ':';
        msg += std::to_string(e.source().begin.line);
        msg += ": ";
        msg += e.description();
        throw ConsoleConfigError(msg);
    }
    const auto& known = consoleConfigKeys();
    for (const auto& [tableName, node] : root) {
        const std::string tname(tableName.str());
        if (!node.is_table())
            fail(where(path, node), tname, "unknown key (the file has [console], [publish] and [preview])");
        for (const auto& [key, value] : *node.as_table()) {
            std::string full = tname;
            full += '.';
            full += key.str();
            if (std::find(known.begin(), known.end(), full) == known.end())
                fail(where(path, value), full, "unknown key (docs/CONSOLE.md lists them)");
        }
    }
    ConsoleConfig c;
    c.path = path;
    static const toml::table kEmpty;
    const toml::table& con = root["console"].as_table() ? *root["console"].as_table() : kEmpty;
    const toml::table& pub = root["publish"].as_table() ? *root["publish"].as_table() : kEmpty;
    const toml::table& pre = root["preview"].as_table() ? *root["preview"].as_table() : kEmpty;
    if (const toml::node* n = con.get("listen")) {
        if (!n->is_string()) fail(where(path, *n), "console.listen", "must be a string");
        parseListen(n->as_string()->get(), where(path, *n), c);
    }
    c.dataDir = text(con, "console", "data_dir", path, "");
    if (c.dataDir.empty()) fail(path, "console.data_dir", "is required (the folder of the console's store)");
    c.publicUrl = text(con, "console", "public_url", path, "");
    c.templatesDir = text(con, "console", "templates_dir", path, "");
    if (const toml::node* n = con.get("threads")) {
        if (!n->is_integer() || n->as_integer()->get() < 1 || n->as_integer()->get() > 64)
            fail(where(path, *n), "console.threads", "must be a whole number from 1 to 64");
        c.threads = static_cast<int>(n->as_integer()->get());
    }
    c.contentDir = text(pub, "publish", "content_dir", path, "");
    c.outDir = text(pub, "publish", "out_dir", path, "");
    if (const toml::node* n = pub.get("key_file"))
        resolveKeyFile(text(pub, "publish", "key_file", path, ""), where(path, *n), credentialsDir, c);
    if (const toml::node* n = pub.get("four_eyes")) {
        if (!n->is_boolean()) fail(where(path, *n), "publish.four_eyes", "must be true or false");
        c.fourEyes = n->as_boolean()->get();
    }
    c.previewVetrina = text(pre, "preview", "vetrina", path, "");
    c.previewKioskConfig = text(pre, "preview", "kiosk_config", path, "");
    if (const toml::node* n = pre.get("timeout_seconds")) {
        if (!n->is_integer() || n->as_integer()->get() < 1 || n->as_integer()->get() > 600)
            fail(where(path, *n), "preview.timeout_seconds",
                 "must be a whole number of seconds from 1 to 600");
        c.previewTimeoutSeconds = static_cast<int>(n->as_integer()->get());
    }
    return c;
}

}  // namespace vt::console
