#include "ui/i18n.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <vector>

namespace vt {

namespace {

namespace fs = std::filesystem;

Language g_language = Language::Italian;
std::once_flag g_loadOnce;
std::optional<Catalog> g_english;

std::vector<fs::path> candidates() {
    std::vector<fs::path> out;
    const fs::path rel = "en/LC_MESSAGES/vetrina.mo";
    if (const char* dir = std::getenv("VETRINA_LOCALE_DIR"); dir && *dir) out.push_back(fs::path(dir) / rel);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        out.push_back(exe.parent_path().parent_path() / "share/vetrina/locale" / rel);  // installed
        out.push_back(exe.parent_path() / "locale" / rel);                              // build tree
        out.push_back(exe.parent_path().parent_path() / "locale" / rel);                // build/tests
    }
    return out;
}

void loadDefault() {
    std::call_once(g_loadOnce, [] {
        if (g_english) return;  // a test loaded one first
        for (const fs::path& p : candidates()) {
            std::error_code ec;
            if (!fs::exists(p, ec)) continue;
            std::string error;
            if ((g_english = Catalog::load(p.string(), error))) return;
        }
    });
}

}  // namespace

void setUiLanguage(Language l) {
    g_language = l;
}
Language uiLanguage() {
    return g_language;
}

const char* tr(const char* msgid, Language l) {
    if (l == Language::Italian || !msgid || !*msgid) return msgid;
    loadDefault();
    return g_english ? g_english->translate(msgid) : msgid;
}

const char* tr(const char* msgid) {
    return tr(msgid, g_language);
}

const char* tr(const char* msgid, OtherLanguage) {
    return tr(msgid, g_language == Language::English ? Language::Italian : Language::English);
}

std::string tr(const char* msgid, BothLanguages) {
    const std::string first = tr(msgid), second = tr(msgid, kOther);
    return first == second ? first : first + " \xC2\xB7 " + second;
}

const Catalog* englishCatalog() {
    loadDefault();
    return g_english ? &*g_english : nullptr;
}

bool loadEnglishCatalog(const std::string& path, std::string& error) {
    std::optional<Catalog> c = Catalog::load(path, error);
    if (!c) return false;
    g_english = std::move(c);
    return true;
}

std::string catalogSearchPath() {
    std::string out;
    for (const fs::path& p : candidates()) {
        // Appended in place: "..." + a temporary string trips GCC 12's -Wrestrict false positive at -O3.
        if (!out.empty()) out += ':';
        out += p.string();
    }
    return out;
}

}  // namespace vt
