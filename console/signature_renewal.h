// A signed revision expires 30 days after it is signed, and kiosks refuse an expired manifest
// (they keep showing their cache, but nothing new reaches them and their status says so). A quiet
// town that publishes nothing for a month must not find its kiosks stuck: the console signs the
// content again, as a new revision, a week before the current one expires.
#pragma once

#include "console_config.h"
#include "console_store.h"

#include "core/util/civil_time.h"

#include <string>

namespace vt::console {

constexpr UnixSeconds kRenewBeforeSeconds = 7 * 86400;

struct RenewalOutcome {
    bool due = false;      // the published manifest expires within a week (or already has)
    bool renewed = false;  // a new revision was signed
    std::int64_t revision = 0;
    std::string error;  // why a due renewal failed (it is tried again at the next check)
};

// Reads out_dir's manifest; when it expires before now + 7 days, publishes the content folder as
// it is (no file changes) with the town's key, recorded and audited as "publish" by
// "vetrina-console" with the reason "Rinnovo della firma". No manifest: nothing to renew.
RenewalOutcome renewSignatureIfDue(const ConsoleConfig& config, ConsoleStore& store, UnixSeconds now);

}  // namespace vt::console
