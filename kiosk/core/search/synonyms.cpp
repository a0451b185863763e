#include "core/search/synonyms.h"

#include "core/search/fts_tokenizer.h"
#include "core/util/text.h"

#include <map>

namespace vt {

namespace {

std::string joinWords(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

// A synonym line is a few phrases; longer is not a synonyms file (binary junk, a wrong file).
constexpr size_t kMaxLineBytes = 1000;

// Why a raw line is not text, or nullptr: binary junk is rejected line by line, with its number,
// instead of being "repaired" into rows of replacement characters.
const char* notText(std::string_view line) {
    if (line.size() > kMaxLineBytes) return "line longer than 1000 bytes: not a synonyms file";
    for (size_t i = 0; i < line.size();) {
        const size_t start = i;
        const std::uint32_t cp = nextCodepoint(line, i);
        if (cp == 0xFFFD && i - start != 3) return "not UTF-8 text";
        if ((cp < 0x20 && cp != '\t' && cp != '\r') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
            return "control character: not a text line";
    }
    return nullptr;
}

}  // namespace

SynonymList parseSynonyms(sqlite3* db, std::string_view text, const std::string& src) {
    SynonymList out;
    int lineNo = 0;
    size_t p = 0;
    while (p < text.size()) {
        size_t nl = text.find('\n', p);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view raw = text.substr(p, nl - p);
        p = nl + 1;
        ++lineNo;
        if (const char* why = notText(raw)) {
            ++out.report.itemsSeen;
            out.report.add({src, out.report.itemsSeen, lineNo, "", why});
            continue;
        }
        const std::string line = trim(raw);
        if (line.empty() || line[0] == '#') continue;
        ++out.report.itemsSeen;
        SynonymGroup group;
        size_t q = 0;
        while (q <= line.size()) {
            size_t sep = line.find_first_of("=,", q);
            if (sep == std::string::npos) sep = line.size();
            auto words = tokenizeWords(db, line.substr(q, sep - q));
            if (!words.empty()) group.push_back(std::move(words));
            q = sep + 1;
        }
        if (group.size() < 2) {
            out.report.add({src, out.report.itemsSeen, lineNo, line,
                            "a synonym line needs at least two phrases separated by \"=\""});
            continue;
        }
        out.groups.push_back(std::move(group));
        ++out.report.itemsImported;
    }
    return out;
}

void storeSynonyms(Database& db, const SynonymList& list, const std::string& source) {
    Transaction tx(db);
    db.prepare("DELETE FROM search_synonyms WHERE source = ?1").bind(1, source).run();
    Statement next = db.prepare("SELECT coalesce(max(grp), 0) FROM search_synonyms");
    std::int64_t grp = next.step() ? next.integer(0) : 0;
    Statement ins = db.prepare("INSERT INTO search_synonyms(source, grp, phrase) VALUES(?1, ?2, ?3)");
    for (const SynonymGroup& g : list.groups) {
        ++grp;
        for (const auto& phrase : g) {
            ins.bind(1, source).bind(2, grp).bind(3, joinWords(phrase));
            ins.run();
        }
    }
    tx.commit();
}

std::vector<SynonymGroup> loadSynonyms(const Database& db) {
    std::map<std::int64_t, SynonymGroup> groups;
    Statement st = db.prepare("SELECT grp, phrase FROM search_synonyms ORDER BY grp, rowid");
    while (st.step()) {
        std::vector<std::string> words;
        const std::string phrase = st.text(1);
        size_t p = 0;
        while (p < phrase.size()) {
            size_t sp = phrase.find(' ', p);
            if (sp == std::string::npos) sp = phrase.size();
            if (sp > p) words.push_back(phrase.substr(p, sp - p));
            p = sp + 1;
        }
        if (!words.empty()) groups[st.integer(0)].push_back(std::move(words));
    }
    std::vector<SynonymGroup> out;
    for (auto& [k, g] : groups) out.push_back(std::move(g));
    return out;
}

}  // namespace vt
