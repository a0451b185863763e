#include "core/sync/sync_status.h"

#include <algorithm>

namespace vt {

std::vector<SyncStatus> readSyncStatus(const Database& db) {
    std::vector<SyncStatus> out;
    Statement st = db.prepare(
        "SELECT name, kind, url, last_attempt, last_success, last_change, last_error, failures, revision, "
        "expires, "
        "key_id, etag, last_modified FROM sync_sources ORDER BY name");
    while (st.step()) {
        SyncStatus s;
        s.source = st.text(0);
        s.kind = st.text(1);
        s.url = st.text(2);
        s.lastAttempt = st.integer(3);
        s.lastSuccess = st.integer(4);
        s.lastChange = st.integer(5);
        s.lastError = st.text(6);
        s.failures = static_cast<int>(st.integer(7));
        s.revision = st.integer(8);
        s.expires = st.integer(9);
        s.keyId = st.text(10);
        s.etag = st.text(11);
        s.lastModified = st.text(12);
        out.push_back(std::move(s));
    }
    return out;
}

SyncOverview summarize(std::vector<SyncStatus> sources) {
    SyncOverview o;
    size_t failing = 0;
    for (const SyncStatus& s : sources) {
        o.contentUpdatedAt = std::max(o.contentUpdatedAt, s.lastChange);
        o.lastSuccess = std::max(o.lastSuccess, s.lastSuccess);
        if (s.failing()) ++failing;
    }
    o.anyFailing = failing > 0;
    o.offline = !sources.empty() && failing == sources.size();
    o.sources = std::move(sources);
    return o;
}

SyncOverview readSyncOverview(const Database& db) {
    return summarize(readSyncStatus(db));
}

}  // namespace vt
