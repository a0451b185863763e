#include "core/content/source_rows.h"

namespace vt {

SourceRows::SourceRows(Database& db, std::string table, std::string source)
    : m_db(db), m_table(std::move(table)), m_source(std::move(source)) {
    Statement st = m_db.prepare("SELECT uid, digest FROM " + m_table + " WHERE source = ?1");
    st.bind(1, m_source);
    while (st.step()) m_existing[st.text(0)] = st.text(1);
}

SourceRows::State SourceRows::check(const std::string& uid, const std::string& digest) {
    m_seen.insert(uid);
    const auto it = m_existing.find(uid);
    if (it == m_existing.end()) {
        ++inserted;
        m_existing[uid] = digest;
        return State::New;
    }
    if (it->second == digest) {
        ++unchanged;
        return State::Same;
    }
    m_db.prepare("DELETE FROM " + m_table + " WHERE source = ?1 AND uid = ?2")
        .bind(1, m_source)
        .bind(2, uid)
        .run();
    it->second = digest;
    ++updated;
    return State::Changed;
}

int SourceRows::finish() {
    int removed = 0;
    Statement del = m_db.prepare("DELETE FROM " + m_table + " WHERE source = ?1 AND uid = ?2");
    for (const auto& [uid, digest] : m_existing) {
        if (m_seen.count(uid)) continue;
        del.bind(1, m_source).bind(2, uid).run();
        del.reset();
        ++removed;
    }
    return removed;
}

}  // namespace vt
