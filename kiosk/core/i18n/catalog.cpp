#include "core/i18n/catalog.h"

#include "core/util/files.h"

#include <algorithm>
#include <cstdint>

namespace vt {

namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kMagicSwapped = 0xde120495;

std::uint32_t readU32(const std::string& b, std::size_t at, bool swap) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v |= std::uint32_t(static_cast<unsigned char>(b[at + std::size_t(i)])) << (8 * i);
    if (swap) v = (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
    return v;
}

}  // namespace

std::optional<Catalog> Catalog::parse(std::string bytes, std::string& error) {
    if (bytes.size() < 28) {
        error = "too short for a .mo header";
        return std::nullopt;
    }
    const std::uint32_t magic = readU32(bytes, 0, false);
    if (magic != kMagic && magic != kMagicSwapped) {
        error = "not a .mo catalog (bad magic number)";
        return std::nullopt;
    }
    const bool swap = magic == kMagicSwapped;
    if (readU32(bytes, 4, swap) >> 16 != 0) {
        error = "unsupported .mo major revision";
        return std::nullopt;
    }
    const std::uint64_t count = readU32(bytes, 8, swap);
    const std::uint64_t originals = readU32(bytes, 12, swap);
    const std::uint64_t translations = readU32(bytes, 16, swap);
    const std::uint64_t size = bytes.size();
    if (originals + count * 8 > size || translations + count * 8 > size) {
        error = "string tables run past the end of the file";
        return std::nullopt;
    }
    Catalog c;
    c.m_bytes = std::move(bytes);
    const std::string& b = c.m_bytes;
    // A string is (length, offset) and msgfmt NUL-terminates it; both are checked.
    auto stringAt = [&](std::uint64_t table, std::uint64_t i, std::string_view& out) {
        const std::uint64_t len = readU32(b, std::size_t(table + i * 8), swap);
        const std::uint64_t off = readU32(b, std::size_t(table + i * 8 + 4), swap);
        if (off + len >= size || b[std::size_t(off + len)] != '\0') return false;
        out = std::string_view(b.data() + off, std::size_t(len));
        return true;
    };
    for (std::uint64_t i = 0; i < count; ++i) {
        std::string_view id, tr;
        if (!stringAt(originals, i, id) || !stringAt(translations, i, tr)) {
            error = "message " + std::to_string(i) + " points outside the file";
            return std::nullopt;
        }
        if (id.empty()) {
            c.m_header = tr;
            continue;
        }
        // Plurals: "singular\0plural" -> "form0\0form1..."; the first part is the key and the
        // first form the text (each is NUL-terminated inside the file).
        id = id.substr(0, id.find('\0'));
        if (tr.empty()) continue;  // untranslated: the Italian is used
        c.m_entries.push_back({id, tr.data()});
    }
    // msgfmt sorts the originals, but a catalog written by another tool need not be.
    std::sort(c.m_entries.begin(), c.m_entries.end(),
              [](const Entry& a, const Entry& e) { return a.msgid < e.msgid; });
    return c;
}

std::optional<Catalog> Catalog::load(const std::string& path, std::string& error) {
    std::optional<std::string> bytes = readFile(path);
    if (!bytes) {
        error = path + ": cannot read";
        return std::nullopt;
    }
    std::optional<Catalog> c = parse(std::move(*bytes), error);
    if (!c) error = path + ": " + error;
    return c;
}

const char* Catalog::find(std::string_view msgid) const {
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), msgid,
                                     [](const Entry& e, std::string_view k) { return e.msgid < k; });
    return it != m_entries.end() && it->msgid == msgid ? it->translation : nullptr;
}

std::vector<std::string_view> Catalog::msgids() const {
    std::vector<std::string_view> out;
    out.reserve(m_entries.size());
    for (const Entry& e : m_entries) out.push_back(e.msgid);
    return out;
}

std::string Catalog::header(std::string_view field) const {
    std::size_t at = 0;
    while (at < m_header.size()) {
        std::size_t end = m_header.find('\n', at);
        if (end == std::string_view::npos) end = m_header.size();
        const std::string_view line = m_header.substr(at, end - at);
        if (line.size() > field.size() && line.substr(0, field.size()) == field &&
            line[field.size()] == ':') {
            std::string_view v = line.substr(field.size() + 1);
            while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
            return std::string(v);
        }
        at = end + 1;
    }
    return "";
}

}  // namespace vt
