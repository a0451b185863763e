#include "core/albo/albo_store.h"

namespace vt {

namespace {

constexpr const char* kActColumns =
    "id, source, uid, year, number, type, subject, description, unit, pub_start, pub_end, link, guid";

Act readAct(const Statement& st) {
    Act a;
    a.id = st.integer(0);
    a.source = st.text(1);
    a.uid = st.text(2);
    a.year = static_cast<int>(st.integer(3));
    a.number = st.text(4);
    a.type = st.text(5);
    a.subject = st.text(6);
    a.description = st.text(7);
    a.unit = st.text(8);
    a.pubStart = parseIsoDate(st.text(9)).value_or(CivilDate{});
    a.pubEnd = parseIsoDate(st.text(10)).value_or(CivilDate{});
    a.link = st.text(11);
    a.guid = st.text(12);
    return a;
}

void loadAttachments(const Database& db, std::vector<Act>& acts) {
    if (acts.empty()) return;
    Statement st = db.prepare("SELECT url, mime, length FROM act_attachments WHERE act_id = ?1 ORDER BY position");
    for (Act& a : acts) {
        st.bind(1, a.id);
        while (st.step()) a.attachments.push_back({st.text(0), st.text(1), st.integer(2)});
        st.reset();
    }
}

}  // namespace

AlboImportResult storeActs(Database& db, const std::vector<Act>& acts, const ImportReport& report, UnixSeconds now) {
    AlboImportResult result;
    const std::string stamp = formatIsoUtc(now);
    Transaction tx(db);
    Statement find = db.prepare(
        "SELECT id, type, subject, description, unit, pub_start, pub_end, link, guid FROM acts "
        "WHERE source = ?1 AND uid = ?2");
    Statement insert = db.prepare(
        "INSERT INTO acts (source, uid, year, number, type, subject, description, unit, pub_start, pub_end, "
        "link, guid, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    Statement update = db.prepare(
        "UPDATE acts SET type = ?2, subject = ?3, description = ?4, unit = ?5, pub_start = ?6, pub_end = ?7, "
        "link = ?8, guid = ?9, imported_at = ?10 WHERE id = ?1");
    Statement clearAttachments = db.prepare("DELETE FROM act_attachments WHERE act_id = ?1");
    Statement countAttachments = db.prepare("SELECT group_concat(url || '|' || mime || '|' || length, '\n') "
                                            "FROM (SELECT * FROM act_attachments WHERE act_id = ?1 ORDER BY position)");
    Statement addAttachment =
        db.prepare("INSERT INTO act_attachments (act_id, position, url, mime, length) VALUES (?1, ?2, ?3, ?4, ?5)");

    for (const Act& a : acts) {
        std::string attachmentsKey;
        for (size_t i = 0; i < a.attachments.size(); ++i) {
            if (i) attachmentsKey += '\n';
            attachmentsKey += a.attachments[i].url + "|" + a.attachments[i].mime + "|" +
                              std::to_string(a.attachments[i].length);
        }
        find.bind(1, a.source).bind(2, a.uid);
        std::int64_t id = 0;
        bool same = false;
        if (find.step()) {
            id = find.integer(0);
            same = find.text(1) == a.type && find.text(2) == a.subject && find.text(3) == a.description &&
                   find.text(4) == a.unit && find.text(5) == formatDate(a.pubStart) &&
                   find.text(6) == formatDate(a.pubEnd) && find.text(7) == a.link && find.text(8) == a.guid;
        }
        find.reset();
        if (id != 0 && same) {
            countAttachments.bind(1, id);
            countAttachments.step();
            same = countAttachments.text(0) == attachmentsKey;
            countAttachments.reset();
            if (same) {
                ++result.unchanged;
                continue;  // a re-import of the same feed writes nothing
            }
        }
        if (id == 0) {
            insert.bind(1, a.source).bind(2, a.uid).bind(3, a.year).bind(4, a.number).bind(5, a.type);
            insert.bind(6, a.subject).bind(7, a.description).bind(8, a.unit).bind(9, formatDate(a.pubStart));
            insert.bind(10, formatDate(a.pubEnd)).bind(11, a.link).bind(12, a.guid).bind(13, stamp);
            insert.run();
            id = db.lastInsertId();
            ++result.inserted;
        } else {
            update.bind(1, id).bind(2, a.type).bind(3, a.subject).bind(4, a.description).bind(5, a.unit);
            update.bind(6, formatDate(a.pubStart)).bind(7, formatDate(a.pubEnd)).bind(8, a.link).bind(9, a.guid);
            update.bind(10, stamp);
            update.run();
            ++result.updated;
        }
        clearAttachments.bind(1, id).run();
        for (size_t i = 0; i < a.attachments.size(); ++i) {
            const Attachment& at = a.attachments[i];
            addAttachment.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, at.url).bind(4, at.mime);
            addAttachment.bind(5, at.length).run();
        }
    }
    if (!report.issues.empty()) {
        Statement issue = db.prepare(
            "INSERT INTO import_issues (source, position, line, item, reason, seen_at) VALUES (?1,?2,?3,?4,?5,?6)");
        for (const ImportIssue& i : report.issues) {
            issue.bind(1, i.source).bind(2, i.position).bind(3, i.line).bind(4, i.item).bind(5, i.reason);
            issue.bind(6, stamp).run();
        }
    }
    tx.commit();
    return result;
}

std::vector<Act> listActsAt(const Database& db, UnixSeconds now, int limit, WithAttachments attachments) {
    const std::string today = formatDate(romeDate(now));
    Statement st = db.prepare(std::string("SELECT ") + kActColumns +
                              " FROM acts WHERE pub_start <= ?1 AND pub_end >= ?1 "
                              "ORDER BY pub_start DESC, year DESC, CAST(number AS INTEGER) DESC, number DESC "
                              "LIMIT ?2");
    st.bind(1, today).bind(2, limit > 0 ? static_cast<std::int64_t>(limit) : -1);
    std::vector<Act> acts;
    while (st.step()) acts.push_back(readAct(st));
    if (attachments == WithAttachments::Yes) loadAttachments(db, acts);
    return acts;
}

int countActsAt(const Database& db, UnixSeconds now) {
    Statement st = db.prepare("SELECT count(*) FROM acts WHERE pub_start <= ?1 AND pub_end >= ?1");
    st.bind(1, formatDate(romeDate(now)));
    st.step();
    return static_cast<int>(st.integer(0));
}

std::optional<Act> findAct(const Database& db, std::int64_t id) {
    Statement st = db.prepare(std::string("SELECT ") + kActColumns + " FROM acts WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    std::vector<Act> one{readAct(st)};
    loadAttachments(db, one);
    return one.front();
}

int countActs(const Database& db) {
    Statement st = db.prepare("SELECT count(*) FROM acts");
    st.step();
    return static_cast<int>(st.integer(0));
}

}  // namespace vt
