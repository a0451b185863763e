// A reader for GNU gettext message catalogs (.mo, as written by msgfmt). The kiosk switches
// language per visitor and Debian images often lack generated locales, so it does not go through
// setlocale()/gettext(): it loads the catalog itself and looks messages up by their msgid.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

class Catalog {
public:
    // Parses the bytes of a .mo file (either byte order). nullopt with `error` set when the
    // file is not a catalog or a table points outside it.
    static std::optional<Catalog> parse(std::string bytes, std::string& error);
    static std::optional<Catalog> load(const std::string& path, std::string& error);

    // The translation of `msgid`, or nullptr when the catalog has none (or an empty one, which
    // msgfmt writes for untranslated fuzzy entries). The pointer lives as long as the catalog.
    // A plural entry is found by its singular msgid and gives its first form.
    const char* find(std::string_view msgid) const;
    // The translation, or `msgid` itself: the Italian text when a message is not translated.
    const char* translate(const char* msgid) const {
        const char* t = find(msgid);
        return t ? t : msgid;
    }

    // Number of messages (the header entry, msgid "", is not counted).
    std::size_t size() const { return m_entries.size(); }
    // Every msgid, sorted (for checks that the catalog covers the sources).
    std::vector<std::string_view> msgids() const;
    // A field of the header entry, e.g. header("Language") -> "en".
    std::string header(std::string_view field) const;

private:
    struct Entry {
        std::string_view msgid;
        const char* translation;
    };
    std::string m_bytes;
    std::vector<Entry> m_entries;  // sorted by msgid
    std::string_view m_header;
};

}  // namespace vt
