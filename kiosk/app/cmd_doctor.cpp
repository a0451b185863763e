// vetrina doctor [--config FILE] [--json]
// Checks what makes a kiosk show a blank screen or silently stale content: display, fonts,
// database, disk, clock, and every configured source. One line per check, Italian first with an
// English line; exits 1 on any error (warnings alone exit 0).
#include "args.h"
#include "command_clock.h"
#include "commands.h"
#include "kiosk_session.h"
#include "ops_checks.h"

#include "core/config/config.h"
#include "core/sources/local_refresh.h"
#include "core/store/database.h"
#include "core/store/migrations.h"
#include "core/system/board_clock.h"
#include "core/system/trusted_clock.h"
#include "core/util/url_policy.h"

#include <SDL.h>
#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <sys/statvfs.h>
#include <sys/timex.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

namespace {

namespace fs = std::filesystem;

enum class Status { Ok, Warning, Error };

struct Check {
    std::string id;
    Status status;
    std::string it;
    std::string en;
};

const char* statusWord(Status s) {
    return s == Status::Ok ? "OK" : s == Status::Warning ? "ATTENZIONE" : "ERRORE";
}
const char* statusJson(Status s) {
    return s == Status::Ok ? "ok" : s == Status::Warning ? "warning" : "error";
}

// Below these, the kiosk may fail to write its cache (warning) or its database (error).
constexpr unsigned long long kDiskWarnBytes = 500ull << 20;
constexpr unsigned long long kDiskErrorBytes = 50ull << 20;

Check checkDisplay() {
    const char* wanted = std::getenv("SDL_VIDEODRIVER");
    const std::string asked = wanted && *wanted ? std::string(" (SDL_VIDEODRIVER=") + wanted + ")" : "";
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        const std::string why = SDL_GetError();
        return {"display", Status::Error,
                "Schermo: nessun driver video disponibile" + asked + ": " + why + ".",
                "Display: no video driver available" + asked + ": " + why + "."};
    }
    const std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "?";
    SDL_Rect bounds{};
    std::string size;
    if (SDL_GetNumVideoDisplays() > 0 && SDL_GetDisplayBounds(0, &bounds) == 0)
        size = ", " + std::to_string(bounds.w) + "x" + std::to_string(bounds.h);
    SDL_Quit();
    if (driver == "dummy" || driver == "offscreen")
        return {"display", Status::Warning,
                "Schermo: driver \"" + driver + "\", nessuno schermo reale" + asked + ".",
                "Display: driver \"" + driver + "\", not a real screen" + asked + "."};
    return {"display", Status::Ok, "Schermo: driver \"" + driver + "\"" + size + ".",
            "Display: driver \"" + driver + "\"" + size + "."};
}

Check checkFonts() {
    const std::string dir = findFontDir();
    if (!dir.empty() && fs::exists(fs::path(dir) / "TitilliumWeb-Regular.ttf"))
        return {"fonts", Status::Ok, "Caratteri: Titillium Web in " + dir + ".",
                "Fonts: Titillium Web in " + dir + "."};
    const char* env = std::getenv("VETRINA_FONT_DIR");  // then the only font folder (theme.cpp)
    if (fs::exists(std::string(env && *env ? env : "/usr/share/fonts/truetype/dejavu") + "/DejaVuSans.ttf"))
        return {"fonts", Status::Ok, "Caratteri: DejaVu Sans (Titillium Web non trovato).",
                "Fonts: DejaVu Sans (Titillium Web not found)."};
    return {"fonts", Status::Error,
            "Caratteri: né Titillium Web né DejaVu Sans: installare fonts-dejavu-core.",
            "Fonts: neither Titillium Web nor DejaVu Sans: install fonts-dejavu-core."};
}

Check checkDisk(const Config& c) {
    std::error_code ec;
    if (!fs::is_directory(c.dataDir, ec))
        return {"disk", Status::Error, "Disco: manca la cartella dati " + c.dataDir + ".",
                "Disk: the data directory " + c.dataDir + " is missing."};
    if (access(c.dataDir.c_str(), W_OK) != 0)
        return {"disk", Status::Error, "Disco: la cartella dati " + c.dataDir + " non è scrivibile.",
                "Disk: the data directory " + c.dataDir + " is not writable."};
    struct statvfs st {};
    if (statvfs(c.dataDir.c_str(), &st) != 0)
        return {"disk", Status::Error, "Disco: impossibile leggere lo spazio libero in " + c.dataDir + ".",
                "Disk: cannot read the free space in " + c.dataDir + "."};
    const unsigned long long freeBytes = static_cast<unsigned long long>(st.f_bavail) * st.f_frsize;
    const std::string mb = std::to_string(freeBytes >> 20) + " MB";
    if (freeBytes < kDiskErrorBytes)
        return {"disk", Status::Error, "Disco: solo " + mb + " liberi in " + c.dataDir + ".",
                "Disk: only " + mb + " free in " + c.dataDir + "."};
    if (freeBytes < kDiskWarnBytes)
        return {"disk", Status::Warning, "Disco: " + mb + " liberi in " + c.dataDir + " (meno di 500 MB).",
                "Disk: " + mb + " free in " + c.dataDir + " (less than 500 MB)."};
    return {"disk", Status::Ok, "Disco: " + mb + " liberi in " + c.dataDir + ".",
            "Disk: " + mb + " free in " + c.dataDir + "."};
}

Check checkDatabase(const Config& c) {
    const std::string path = c.databasePath();
    std::error_code ec;
    if (!fs::exists(path, ec))
        return {"database", Status::Warning,
                "Archivio: " + path + " non esiste ancora; `vetrina run` lo crea.",
                "Database: " + path + " does not exist yet; `vetrina run` creates it."};
    try {
        Database db = Database::open(path, OpenMode::ReadOnly);
        Statement st = db.prepare("PRAGMA integrity_check");
        std::string result = st.step() ? st.text(0) : "no answer";
        if (result != "ok")
            return {"database", Status::Error, "Archivio: " + path + " è danneggiato (" + result + ").",
                    "Database: " + path + " is damaged (" + result + ")."};
        const int version = db.userVersion();
        const std::string v = std::to_string(version) + "/" + std::to_string(latestSchemaVersion());
        if (version < latestSchemaVersion())
            return {"database", Status::Warning,
                    "Archivio: integro, schema " + v + "; `vetrina run` lo aggiorna.",
                    "Database: intact, schema " + v + "; `vetrina run` migrates it."};
        return {"database", Status::Ok, "Archivio: integro, schema " + v + ".",
                "Database: intact, schema " + v + "."};
    } catch (const std::exception& e) {
        return {"database", Status::Error, std::string("Archivio: non si apre: ") + e.what() + ".",
                std::string("Database: cannot be opened: ") + e.what() + "."};
    }
}

// The board's own clock (what NTP or the RTC set), not the trusted clock: this is the diagnosis of
// the clock the trusted one corrects.
Check checkClock() {
    const std::time_t now = static_cast<std::time_t>(boardNow());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char shown[32];
    std::strftime(shown, sizeof shown, "%Y-%m-%d %H:%M UTC", &utc);
    const std::string when = shown;
    // A day of slack for time zones around the build.
    if (now < earliestTrustedTime() - 86400 || utc.tm_year + 1900 > 2100)
        return {
            "clock", Status::Error,
            "Orologio: segna " + when +
                ", prima della data di compilazione o fuori scala: le date dell'albo sarebbero sbagliate.",
            "Clock: reads " + when + ", before the build date or out of range: albo dates would be wrong."};
    timex tx{};
    if (ntp_adjtime(&tx) == TIME_ERROR || (tx.status & STA_UNSYNC))
        return {"clock", Status::Warning, "Orologio: " + when + ", non sincronizzato (NTP).",
                "Clock: " + when + ", not synchronised (NTP)."};
    return {"clock", Status::Ok, "Orologio: " + when + ", sincronizzato.",
            "Clock: " + when + ", synchronised."};
}

size_t discardBody(char*, size_t size, size_t n, void*) {
    return size * n;
}

// HEAD, then a GET when the server refuses HEAD; https only, plain http only to this machine.
Check checkRemoteSource(const SourceConfig& s) {
    const std::string id = "source." + s.name;
    const std::string label = "Fonte \"" + s.name + "\" (" + s.url + ")";
    const std::string labelEn = "Source \"" + s.name + "\" (" + s.url + ")";
    const UrlCheck url = checkUrl(s.url, UrlUse::Source);
    if (!url.ok)
        return {id, Status::Error, label + ": solo https (http solo verso 127.0.0.1), senza credenziali.",
                labelEn + ": https only (plain http only to 127.0.0.1), no credentials: " + url.why + "."};
    long code = 0;
    std::string error;
    for (const bool head : {true, false}) {
        CURL* c = curl_easy_init();
        if (!c)
            return {id, Status::Error, label + ": libcurl non disponibile.",
                    labelEn + ": libcurl unavailable."};
        char errbuf[CURL_ERROR_SIZE] = {};
        curl_easy_setopt(c, CURLOPT_URL, url.url.c_str());
        curl_easy_setopt(c, CURLOPT_NOBODY, head ? 1L : 0L);
        curl_easy_setopt(c, CURLOPT_RANGE, head ? nullptr : "0-1023");
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discardBody);
        curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, url.curlProtocols());
        curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
        curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_USERAGENT, "vetrina-doctor/" VETRINA_VERSION);
        curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
        const CURLcode rc = curl_easy_perform(c);
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
        curl_easy_cleanup(c);
        if (rc != CURLE_OK) {
            error = *errbuf ? errbuf : curl_easy_strerror(rc);
            return {id, Status::Error, label + ": non risponde (" + error + ").",
                    labelEn + ": no answer (" + error + ")."};
        }
        if (!(head && (code == 405 || code == 501 || code == 403))) break;
    }
    const std::string c = "HTTP " + std::to_string(code);
    if (code >= 200 && code < 300)
        return {id, Status::Ok, label + ": risponde (" + c + ").", labelEn + ": answers (" + c + ")."};
    return {id, Status::Error, label + ": risponde con errore (" + c + ").",
            labelEn + ": answers with an error (" + c + ")."};
}

Check checkSource(const Config& config, const SourceConfig& s) {
    if (!isLocalSource(s)) return checkRemoteSource(s);
    const std::string id = "source." + s.name;
    const std::string path = config.resolve(s.url);
    const std::string label = "Fonte \"" + s.name + "\" (" + path + ")";
    const std::string labelEn = "Source \"" + s.name + "\" (" + path + ")";
    std::error_code ec;
    if (!fs::exists(path, ec))
        return {id, Status::Error, label + ": il file non esiste.", labelEn + ": the file does not exist."};
    if (!fs::is_regular_file(path, ec))
        return {id, Status::Error, label + ": non è un file.", labelEn + ": not a regular file."};
    std::ifstream in(path, std::ios::binary);
    char byte = 0;
    if (!in || (!in.get(byte) && fs::file_size(path, ec) != 0))
        return {id, Status::Error, label + ": il file non si legge.", labelEn + ": the file cannot be read."};
    const auto size = fs::file_size(path, ec);
    if (size == 0)
        return {id, Status::Warning, label + ": il file è vuoto.", labelEn + ": the file is empty."};
    return {id, Status::Ok, label + ": leggibile, " + std::to_string(size) + " byte.",
            labelEn + ": readable, " + std::to_string(size) + " bytes."};
}

}  // namespace

int cmdDoctor(int argc, char** argv) {
    Args args(argc, argv, 2, {"json"});
    args.allowOnly({"config", "json"});
    const std::string configPath = findConfigPath(args);
    std::vector<Check> checks;
    Config config;
    bool haveConfig = false;
    try {
        config = loadConfig(configPath);
        haveConfig = true;
        if (config.sources.empty())
            checks.push_back({"config", Status::Warning,
                              "Configurazione: " + configPath +
                                  ", nessuna fonte: il chiosco mostra solo quanto già in archivio.",
                              "Configuration: " + configPath +
                                  ", no sources: the kiosk shows only what is already stored."});
        else
            checks.push_back(
                {"config", Status::Ok,
                 "Configurazione: " + configPath + ", " + std::to_string(config.sources.size()) + " fonti.",
                 "Configuration: " + configPath + ", " + std::to_string(config.sources.size()) +
                     " sources."});
    } catch (const std::exception& e) {
        // "...; did you mean "idle_seconds"?" already ends its sentence.
        std::string why = e.what();
        if (why.empty() || std::string_view(".?!").find(why.back()) == std::string_view::npos) why += ".";
        checks.push_back({"config", Status::Error, "Configurazione: " + why, "Configuration: " + why});
    }
    checks.push_back(checkDisplay());
    checks.push_back(checkFonts());
    if (haveConfig) {
        checks.push_back(checkDatabase(config));
        checks.push_back(checkDisk(config));
    }
    checks.push_back(checkClock());
    if (haveConfig && fs::exists(config.databasePath())) {
        try {
            const Database db = Database::open(config.databasePath(), OpenMode::ReadOnly);
            for (const OpsCheck& c : opsChecks(config.dataDir, &config, db, commandNow(config.dataDir)))
                checks.push_back({c.id,
                                  c.level == 0   ? Status::Ok
                                  : c.level == 1 ? Status::Warning
                                                 : Status::Error,
                                  c.it, c.en});
        } catch (const std::exception&) {
            // checkDatabase above already says what is wrong with the store
        }
    }
    if (haveConfig) {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        for (const SourceConfig& s : config.sources) checks.push_back(checkSource(config, s));
        curl_global_cleanup();
    }

    int errors = 0, warnings = 0;
    for (const Check& c : checks) {
        errors += c.status == Status::Error;
        warnings += c.status == Status::Warning;
    }
    if (args.has("json")) {
        nlohmann::json out;
        out["config"] = configPath;
        out["ok"] = errors == 0;
        out["errors"] = errors;
        out["warnings"] = warnings;
        out["checks"] = nlohmann::json::array();
        for (const Check& c : checks)
            out["checks"].push_back(
                {{"id", c.id}, {"status", statusJson(c.status)}, {"it", c.it}, {"en", c.en}});
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        for (const Check& c : checks)
            std::printf("%-11s %s\n%-11s %s\n", statusWord(c.status), c.it.c_str(), "", c.en.c_str());
        std::printf("\nEsito: errori %d, avvisi %d.\nResult: errors %d, warnings %d.\n", errors, warnings,
                    errors, warnings);
    }
    return errors > 0 ? 1 : 0;
}

}  // namespace vt
