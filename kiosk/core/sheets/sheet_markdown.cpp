#include "core/sheets/sheet_markdown.h"

#include "core/sheets/taxonomy.h"
#include "core/util/text.h"

#include <md4c.h>
#include <toml++/toml.h>

#include <algorithm>
#include <set>

namespace vt {

namespace {

// md4c callbacks build blocks; list items and the paragraphs inside them become one bullet.
struct MdState {
    std::vector<TextBlock> blocks;
    int listItemDepth = 0;
    int boldDepth = 0;
    bool inBlock = false;

    void start(TextBlock::Type type) {
        blocks.push_back({type, {}});
        inBlock = true;
    }
    void append(std::string_view text) {
        if (!inBlock) start(TextBlock::Type::Paragraph);
        auto& spans = blocks.back().spans;
        const bool bold = boldDepth > 0;
        if (!spans.empty() && spans.back().bold == bold)
            spans.back().text += text;
        else
            spans.push_back({std::string(text), bold});
    }
};

int enterBlock(MD_BLOCKTYPE type, void*, void* user) {
    auto* st = static_cast<MdState*>(user);
    if (type == MD_BLOCK_LI) {
        ++st->listItemDepth;
        st->start(TextBlock::Type::Bullet);
    } else if (type == MD_BLOCK_P || type == MD_BLOCK_H || type == MD_BLOCK_CODE || type == MD_BLOCK_QUOTE) {
        if (st->listItemDepth == 0)
            st->start(TextBlock::Type::Paragraph);
        else if (!st->blocks.empty() && !st->blocks.back().spans.empty())
            st->append(" ");
    }
    return 0;
}

int leaveBlock(MD_BLOCKTYPE type, void*, void* user) {
    auto* st = static_cast<MdState*>(user);
    if (type == MD_BLOCK_LI) {
        --st->listItemDepth;
        st->inBlock = false;
    } else if (type == MD_BLOCK_P || type == MD_BLOCK_H) {
        if (st->listItemDepth == 0) st->inBlock = false;
    }
    return 0;
}

int enterSpan(MD_SPANTYPE type, void*, void* user) {
    if (type == MD_SPAN_STRONG) ++static_cast<MdState*>(user)->boldDepth;
    return 0;
}

int leaveSpan(MD_SPANTYPE type, void*, void* user) {
    if (type == MD_SPAN_STRONG) --static_cast<MdState*>(user)->boldDepth;
    return 0;
}

int onText(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
    auto* st = static_cast<MdState*>(user);
    const std::string_view t(text, size);
    switch (type) {
        case MD_TEXT_SOFTBR:
        case MD_TEXT_BR:
            st->append(" ");
            break;
        case MD_TEXT_ENTITY:
            st->append(decodeEntities(t));
            break;
        case MD_TEXT_NULLCHAR:
            break;
        case MD_TEXT_HTML:
            break;  // raw HTML is never shown
        default:
            st->append(t);
    }
    return 0;
}

struct RawSection {
    std::string heading;
    int line = 0;
    std::string text;
};

std::string tomlString(const toml::table& t, const char* key) {
    if (auto v = t[key].value<std::string>()) return trim(*v);
    return {};
}

int nodeLine(const toml::node* n, int firstLine) {
    return n ? static_cast<int>(n->source().begin.line) + firstLine - 1 : firstLine;
}

}  // namespace

std::vector<TextBlock> markdownToBlocks(std::string_view markdown) {
    MdState st;
    MD_PARSER parser{};
    parser.flags = MD_FLAG_NOHTML | MD_FLAG_STRIKETHROUGH | MD_FLAG_TABLES;
    parser.enter_block = enterBlock;
    parser.leave_block = leaveBlock;
    parser.enter_span = enterSpan;
    parser.leave_span = leaveSpan;
    parser.text = onText;
    md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &st);
    std::vector<TextBlock> out;
    for (TextBlock& b : st.blocks) {
        std::vector<TextSpan> spans;
        for (TextSpan& s : b.spans) {
            s.text = collapseWhitespace(s.text);
            if (!spans.empty() && !s.text.empty()) {
                // Not s.text.insert(0, " "): GCC 12 at -O3 reads that inlined insert as a memcpy
                // that "may overlap" (a -Wrestrict false positive, fatal with -Werror).
                std::string spaced(1, ' ');
                spaced += s.text;
                s.text = std::move(spaced);
            }
            if (!s.text.empty()) spans.push_back(std::move(s));
        }
        if (!spans.empty()) out.push_back({b.type, std::move(spans)});
    }
    return out;
}

ParsedSheet parseSheetMarkdown(std::string_view rawBytes, const std::string& src) {
    ParsedSheet out;
    auto fail = [&](int line, const std::string& item, const std::string& reason) {
        out.report.add({src, 1, line, item, reason});
        out.report.fatal = true;
    };
    std::string text = sanitizeUtf8(rawBytes);
    if (startsWith(text, "\xEF\xBB\xBF")) text.erase(0, 3);
    out.report.itemsSeen = 1;

    // Split into lines, keeping track of numbers for every message.
    std::vector<std::string_view> lines;
    for (size_t p = 0; p <= text.size();) {
        size_t nl = text.find('\n', p);
        if (nl == std::string::npos) nl = text.size();
        std::string_view l(text.data() + p, nl - p);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        lines.push_back(l);
        p = nl + 1;
    }
    if (lines.empty() || trim(lines[0]) != "+++") {
        fail(1, "", "a sheet must start with a \"+++\" line, then the TOML front matter, then \"+++\"");
        return out;
    }
    size_t close = 1;
    while (close < lines.size() && trim(lines[close]) != "+++") ++close;
    if (close >= lines.size()) {
        fail(1, "", "the front matter is not closed by a \"+++\" line");
        return out;
    }
    std::string front;
    for (size_t i = 1; i < close; ++i) (front += lines[i]) += '\n';

    toml::table fm;
    try {
        fm = toml::parse(front, src);
    } catch (const toml::parse_error& e) {
        fail(static_cast<int>(e.source().begin.line) + 1, "",
             std::string("bad TOML: ") + std::string(e.description()));
        return out;
    }
    Sheet s;
    s.id = tomlString(fm, "id");
    s.title = tomlString(fm, "title");
    const std::string item = s.id.empty() ? s.title : s.id;
    auto need = [&](const char* key, const std::string& value) {
        if (value.empty()) fail(2, item, std::string("missing front matter field \"") + key + "\"");
    };
    need("id", s.id);
    need("title", s.title);
    for (char c : s.id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
            fail(nodeLine(fm.get("id"), 2), item, "id \"" + s.id + "\" may use only a-z, 0-9, '-' and '_'");
            break;
        }
    s.lang = tomlString(fm, "lang");
    if (s.lang.empty()) s.lang = "it";
    if (s.lang != "it" && s.lang != "en")
        fail(nodeLine(fm.get("lang"), 2), item, "lang must be \"it\" or \"en\"");
    s.bodyId = tomlString(fm, "body");
    s.bodyName = tomlString(fm, "body_name");
    need("body", s.bodyId);
    need("body_name", s.bodyName);
    const std::string status = tomlString(fm, "status");
    if (status.empty() || status == "active") {
        s.active = true;
    } else if (status == "not-active" || status == "not active" || status == "inactive") {
        s.active = false;
        s.statusNote = tomlString(fm, "status_reason");
        if (s.statusNote.empty())
            fail(nodeLine(fm.get("status"), 2), item, "a sheet that is not active needs \"status_reason\"");
    } else {
        fail(nodeLine(fm.get("status"), 2), item,
             "status must be \"active\" or \"not-active\", not \"" + status + "\"");
    }
    s.onlineLink = tomlString(fm, "online");
    if (!s.onlineLink.empty() && !startsWith(s.onlineLink, "https://") &&
        !startsWith(s.onlineLink, "http://"))
        out.report.add(
            {src, 1, nodeLine(fm.get("online"), 2), item, "online link is not an http(s) address; ignored"}),
            s.onlineLink.clear();
    s.office = tomlString(fm, "office");

    auto stringList = [&](const char* key, auto&& accept) {
        const toml::node* n = fm.get(key);
        if (!n) return;
        const toml::array* arr = n->as_array();
        if (!arr) {
            out.report.add({src, 1, nodeLine(n, 2), item, std::string(key) + " must be a list of strings"});
            return;
        }
        for (const toml::node& e : *arr) {
            const auto v = e.value<std::string>();
            if (!v) {
                out.report.add({src, 1, nodeLine(&e, 2), item, std::string(key) + ": not a string"});
                continue;
            }
            accept(*v, nodeLine(&e, 2));
        }
    };
    stringList("keywords", [&](const std::string& v, int) {
        if (!trim(v).empty()) s.keywords.push_back(trim(v));
    });
    stringList("topics", [&](const std::string& v, int line) {
        if (auto t = canonicalTopic(v))
            s.topics.push_back(*t);
        else
            out.report.add(
                {src, 1, line, item, "unknown topic \"" + v + "\" (not one of the 64 official Argomenti)"});
    });
    stringList("life_events", [&](const std::string& v, int line) {
        if (auto e = canonicalLifeEvent(v))
            s.lifeEvents.push_back(*e);
        else
            out.report.add({src, 1, line, item,
                            "unknown life event \"" + v + "\" (use \"persone/N\" or \"imprese/N\")"});
    });
    for (const auto& [key, node] : fm) {
        static const std::set<std::string> known{"id",        "title",    "lang",          "body",
                                                 "body_name", "status",   "status_reason", "online",
                                                 "office",    "keywords", "topics",        "life_events"};
        if (!known.count(std::string(key.str())))
            out.report.add({src, 1, nodeLine(&node, 2), item,
                            "unknown front matter field \"" + std::string(key.str()) + "\""});
    }

    // Sections: "## " headings; text before the first one is an error the staff should see.
    std::vector<RawSection> raw;
    for (size_t i = close + 1; i < lines.size(); ++i) {
        const std::string_view l = lines[i];
        const int lineNo = static_cast<int>(i) + 1;
        if (startsWith(l, "## ")) {
            raw.push_back({trim(l.substr(3)), lineNo, {}});
        } else if (raw.empty()) {
            if (!trim(l).empty())
                out.report.add(
                    {src, 1, lineNo, item, "text before the first \"## \" section heading is ignored"});
        } else {
            (raw.back().text += l) += '\n';
        }
    }
    std::set<std::string> seen;
    for (const RawSection& r : raw) {
        std::string label = canonicalSection(r.heading);
        if (label.empty()) {
            out.report.add({src, 1, r.line, item, "unknown section \"" + r.heading + "\"; shown as it is"});
            label = r.heading;
        } else if (seen.count(label)) {
            out.report.add({src, 1, r.line, item, "section \"" + label + "\" appears twice"});
        }
        seen.insert(label);
        SheetSection sec{label, markdownToBlocks(r.text)};
        if (sec.blocks.empty()) {
            out.report.add({src, 1, r.line, item, "section \"" + label + "\" is empty"});
            seen.erase(label);
            continue;
        }
        if (label == "Descrizione breve") s.description = sec.blocks.front().plain();
        s.sections.push_back(std::move(sec));
    }
    for (const SectionSpec& spec : sheetSectionSpecs())
        if (spec.mandatory && !seen.count(std::string(spec.label)))
            fail(static_cast<int>(close) + 1, item,
                 "missing mandatory section \"## " + std::string(spec.label) + "\"");
    // Keep the national model's order whatever order the file used.
    std::stable_sort(s.sections.begin(), s.sections.end(), [](const SheetSection& a, const SheetSection& b) {
        auto rank = [](const std::string& t) {
            const auto& specs = sheetSectionSpecs();
            for (size_t i = 0; i < specs.size(); ++i)
                if (specs[i].label == t) return i;
            return specs.size();
        };
        return rank(a.title) < rank(b.title);
    });
    if (out.report.fatal) return out;
    out.report.itemsImported = 1;
    out.sheet = std::move(s);
    return out;
}

}  // namespace vt
