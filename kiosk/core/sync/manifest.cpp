#include "core/sync/manifest.h"

#include "core/util/nesting.h"

#include <sodium.h>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

namespace vt {

using nlohmann::json;

std::uint64_t Manifest::totalBytes() const {
    std::uint64_t total = 0;
    for (const auto& f : files) total += f.size;
    return total;
}

std::string sha256Hex(std::string_view data) {
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, reinterpret_cast<const unsigned char*>(data.data()), data.size());
    char hex[2 * crypto_hash_sha256_BYTES + 1];
    sodium_bin2hex(hex, sizeof hex, h, sizeof h);
    return hex;
}

bool isSafeRelativePath(std::string_view path) {
    if (path.empty() || path.size() > 512 || path.front() == '/') return false;
    for (char c : path)
        if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == 0x7f) return false;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

namespace {
bool isSha256Hex(const std::string& s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}
}  // namespace

std::string manifestToJson(const Manifest& m) {
    json j;
    j["format"] = "vetrina-manifest-1";
    j["revision"] = m.revision;
    j["created"] = formatIsoUtc(m.created);
    j["expires"] = formatIsoUtc(m.expires);
    json files = json::array();
    for (const auto& f : m.files)
        files.push_back({{"path", f.path}, {"sha256", f.sha256}, {"size", f.size}, {"kind", f.kind}});
    j["files"] = std::move(files);
    return j.dump(1) + "\n";
}

std::optional<Manifest> parseManifest(std::string_view text, std::string& error) {
    if (auto deep = jsonNestingError(text)) {
        error = "the manifest is ";
        error += deep->reason;
        return std::nullopt;
    }
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        error = "the manifest is not valid JSON";
        return std::nullopt;
    }
    try {
        if (j.value("format", "") != "vetrina-manifest-1") {
            error = "the manifest has an unknown format";
            return std::nullopt;
        }
        Manifest m;
        m.revision = j.at("revision").get<std::int64_t>();
        auto created = parseIsoInstant(j.at("created").get<std::string>());
        auto expires = parseIsoInstant(j.at("expires").get<std::string>());
        if (!created || !expires || m.revision < 1) {
            error = "the manifest has a bad revision, created or expires field";
            return std::nullopt;
        }
        m.created = *created;
        m.expires = *expires;
        const json& files = j.at("files");
        if (!files.is_array() || files.size() > kMaxManifestFiles) {
            error = "the manifest's \"files\" is not a list of a sane size";
            return std::nullopt;
        }
        std::set<std::string> seen;
        for (size_t i = 0; i < files.size(); ++i) {
            const json& f = files[i];
            ManifestFile mf;
            mf.path = f.at("path").get<std::string>();
            mf.sha256 = f.at("sha256").get<std::string>();
            mf.size = f.at("size").get<std::uint64_t>();
            mf.kind = f.at("kind").get<std::string>();
            const std::string where = "manifest file " + std::to_string(i + 1) + " (" + mf.path + "): ";
            if (!isSafeRelativePath(mf.path))
                error = where + "unsafe path";
            else if (!isSha256Hex(mf.sha256))
                error = where + "bad sha256";
            else if (mf.size > kMaxContentFileBytes)
                error = where + "absurd size";
            else if (mf.kind.empty())
                error = where + "no kind";
            else if (!seen.insert(mf.path).second)
                error = where + "listed twice";
            if (!error.empty()) return std::nullopt;
            m.files.push_back(std::move(mf));
        }
        return m;
    } catch (const json::exception& e) {
        error = std::string("the manifest is malformed: ") + e.what();
        return std::nullopt;
    }
}

std::string manifestTrustedComment(const Manifest& m) {
    return "revision:" + std::to_string(m.revision) + " expires:" + formatIsoUtc(m.expires);
}

std::optional<TrustedFacts> parseTrustedComment(std::string_view comment) {
    TrustedFacts t;
    bool haveRev = false, haveExp = false;
    std::istringstream in{std::string(comment)};
    std::string word;
    while (in >> word) {
        if (word.rfind("revision:", 0) == 0) {
            try {
                t.revision = std::stoll(word.substr(9));
                haveRev = true;
            } catch (const std::exception&) {
                return std::nullopt;
            }
        } else if (word.rfind("expires:", 0) == 0) {
            auto e = parseIsoInstant(word.substr(8));
            if (!e) return std::nullopt;
            t.expires = *e;
            haveExp = true;
        }
    }
    if (!haveRev || !haveExp) return std::nullopt;
    return t;
}

}  // namespace vt
