// The signed content manifest of a town: every file with its SHA-256, size and kind, a revision
// that only grows and an expiry. `manifest.json` is signed as a whole (`manifest.json.minisig`);
// its trusted comment repeats revision and expiry so they are signed metadata for tools too.
#pragma once

#include "core/util/civil_time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

struct ManifestFile {
    std::string path;    // relative, '/'-separated, as in the content folder ("albo/albo.xml")
    std::string sha256;  // lowercase hex
    std::uint64_t size = 0;
    std::string kind;  // importer kind, or "media"/"town"/... for files only stored
    // Where the file is published, relative to the manifest ("objects/<sha256>").
    std::string objectPath() const { return "objects/" + sha256; }
};

struct Manifest {
    std::int64_t revision = 0;
    UnixSeconds created = 0;
    UnixSeconds expires = 0;
    std::vector<ManifestFile> files;
    std::uint64_t totalBytes() const;
};

// Limits that keep a hostile manifest from asking for the impossible.
constexpr std::uint64_t kMaxContentFileBytes = 256ull << 20;
constexpr std::size_t kMaxManifestFiles = 100000;

std::string manifestToJson(const Manifest& m);
// Parses and checks a manifest; on failure returns nullopt and says why in `error`.
std::optional<Manifest> parseManifest(std::string_view json, std::string& error);

// "revision:12 expires:2026-12-01T00:00:00Z", the trusted comment of the signature.
std::string manifestTrustedComment(const Manifest& m);
struct TrustedFacts {
    std::int64_t revision = 0;
    UnixSeconds expires = 0;
};
std::optional<TrustedFacts> parseTrustedComment(std::string_view comment);

// A relative path with no "..", no absolute start, no backslash or control characters.
bool isSafeRelativePath(std::string_view path);
std::string sha256Hex(std::string_view data);

}  // namespace vt
