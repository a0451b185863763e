// Staff side of content sync: validate a content folder, copy its files content-addressed into a
// publish folder and write the signed manifest. Nothing is written when anything is invalid.
#pragma once

#include "core/sync/manifest.h"
#include "core/sync/minisign.h"

#include <optional>
#include <string>
#include <vector>

namespace vt {

struct PublishOptions {
    std::string contentDir;
    std::string outDir;
    std::optional<std::int64_t> revision;  // default: the revision already in outDir + 1
    int expiresDays = 30;
    UnixSeconds now = 0;
};

struct PublishResult {
    std::vector<std::string> errors;  // "sheets/x.md:12: ..." ; empty on success
    Manifest manifest;
    int filesCopied = 0;  // new objects written (the others were already published)
    bool ok() const { return errors.empty(); }
};

// Reads and checks every file of the content folder: the returned manifest has no revision yet.
// Imported kinds go through importBuffer into a throwaway database; any issue is an error.
PublishResult validateContent(const std::string& contentDir, UnixSeconds now);
PublishResult publishContent(const PublishOptions& options, const SecretKey& key);

}  // namespace vt
