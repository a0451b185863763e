#include "signature_renewal.h"

#include "publishing.h"

#include "core/sync/manifest.h"
#include "core/util/files.h"

namespace vt::console {

RenewalOutcome renewSignatureIfDue(const ConsoleConfig& config, ConsoleStore& store, UnixSeconds now) {
    RenewalOutcome out;
    const auto text = readFile(config.outDir + "/manifest.json");
    if (!text) return out;
    std::string error;
    const auto manifest = parseManifest(*text, error);
    if (!manifest) {
        out.due = true;
        out.error = config.outDir + "/manifest.json: " + error;
        return out;
    }
    if (manifest->expires - now > kRenewBeforeSeconds) return out;
    out.due = true;
    PublishRequest request;
    request.actor = "vetrina-console";
    request.reason = "Rinnovo della firma: la revisione " + std::to_string(manifest->revision) +
                     " scade il " + formatIsoRome(manifest->expires).substr(0, 10) +
                     " / Signature renewed before it expires";
    const PublishOutcome published = publishChanges(config, store, FileChanges{}, request, now);
    if (!published.ok) {
        for (const std::string& e : published.errors) out.error += (out.error.empty() ? "" : "; ") + e;
        return out;
    }
    out.renewed = true;
    out.revision = published.revision;
    return out;
}

}  // namespace vt::console
