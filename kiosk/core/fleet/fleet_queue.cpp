#include "core/fleet/fleet_queue.h"

namespace vt {

int enqueueReport(Database& db, const std::string& body, UnixSeconds now, int max) {
    Transaction tx(db);
    db.prepare("INSERT INTO fleet_queue (created_at, body) VALUES (?1, ?2)").bind(1, now).bind(2, body).run();
    db.prepare(
          "DELETE FROM fleet_queue WHERE id NOT IN (SELECT id FROM fleet_queue ORDER BY id DESC LIMIT ?1)")
        .bind(1, max)
        .run();
    const int dropped = db.changes();
    tx.commit();
    return dropped;
}

std::vector<QueuedReport> queuedReports(const Database& db, int limit) {
    std::vector<QueuedReport> out;
    Statement st = db.prepare("SELECT id, created_at, body FROM fleet_queue ORDER BY id LIMIT ?1");
    st.bind(1, limit);
    while (st.step()) out.push_back({st.integer(0), st.integer(1), st.text(2)});
    return out;
}

void removeReport(Database& db, std::int64_t id) {
    db.prepare("DELETE FROM fleet_queue WHERE id = ?1").bind(1, id).run();
}

int queuedCount(const Database& db) {
    Statement st = db.prepare("SELECT count(*) FROM fleet_queue");
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

}  // namespace vt
