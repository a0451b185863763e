#include "core/albo/albo_store.h"

#include "core/albo/act_types.h"
#include "core/util/text.h"

#include <map>

namespace vt {

namespace {

// The last column resolves a rectification to the cached act it corrects, whichever source
// listed it.
constexpr const char* kActColumns =
    "id, source, uid, year, number, type, subject, description, unit, pub_start, pub_end, link, guid, "
    "annulled, annulled_on, annul_reason, rectifies_year, rectifies_number, agid_code, category, "
    "(SELECT r.id FROM acts r WHERE acts.rectifies_year > 0 AND r.year = acts.rectifies_year "
    "AND ltrim(r.number, '0') = ltrim(acts.rectifies_number, '0') AND r.id <> acts.id ORDER BY r.id LIMIT 1)";

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
    a.annulled = st.integer(13) != 0;
    a.annulledOn = parseIsoDate(st.text(14));
    a.annulReason = st.text(15);
    a.rectifiesYear = static_cast<int>(st.integer(16));
    a.rectifiesNumber = st.text(17);
    a.agidCode = st.text(18);
    a.category = st.text(19);
    a.rectifies = st.isNull(20) ? 0 : st.integer(20);
    return a;
}

void loadAttachments(const Database& db, std::vector<Act>& acts) {
    if (acts.empty()) return;
    Statement st =
        db.prepare("SELECT url, mime, length FROM act_attachments WHERE act_id = ?1 ORDER BY position");
    for (Act& a : acts) {
        st.bind(1, a.id);
        while (st.step()) a.attachments.push_back({st.text(0), st.text(1), st.integer(2)});
        st.reset();
    }
}

}  // namespace

AlboImportResult storeActs(Database& db, const std::vector<Act>& acts, const ImportReport& report,
                           UnixSeconds now) {
    AlboImportResult result;
    const std::string stamp = formatIsoUtc(now);
    Transaction tx(db);
    Statement find = db.prepare(
        "SELECT id, type, subject, description, unit, pub_start, pub_end, link, guid, annulled, annulled_on, "
        "annul_reason, rectifies_year, rectifies_number, agid_code, category FROM acts WHERE source = ?1 AND "
        "uid = ?2");
    Statement insert = db.prepare(
        "INSERT INTO acts (source, uid, year, number, type, subject, description, unit, pub_start, pub_end, "
        "link, guid, imported_at, annulled, annulled_on, annul_reason, rectifies_year, rectifies_number, "
        "agid_code, "
        "category) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
        "?19, ?20)");
    Statement update = db.prepare(
        "UPDATE acts SET type = ?2, subject = ?3, description = ?4, unit = ?5, pub_start = ?6, pub_end = ?7, "
        "link = ?8, guid = ?9, imported_at = ?10, annulled = ?11, annulled_on = ?12, annul_reason = ?13, "
        "rectifies_year = ?14, rectifies_number = ?15, agid_code = ?16, category = ?17 WHERE id = ?1");
    Statement clearAttachments = db.prepare("DELETE FROM act_attachments WHERE act_id = ?1");
    Statement countAttachments = db.prepare(
        "SELECT group_concat(url || '|' || mime || '|' || length, '\n') "
        "FROM (SELECT * FROM act_attachments WHERE act_id = ?1 ORDER BY position)");
    Statement addAttachment = db.prepare(
        "INSERT INTO act_attachments (act_id, position, url, mime, length) VALUES (?1, ?2, ?3, ?4, ?5)");

    for (const Act& in : acts) {
        Act a = in;
        if (a.category.empty()) classifyAct(a);
        const std::string annulledOn = a.annulledOn ? formatDate(*a.annulledOn) : std::string();
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
                   find.text(6) == formatDate(a.pubEnd) && find.text(7) == a.link && find.text(8) == a.guid &&
                   (find.integer(9) != 0) == a.annulled && find.text(10) == annulledOn &&
                   find.text(11) == a.annulReason && find.integer(12) == a.rectifiesYear &&
                   find.text(13) == a.rectifiesNumber && find.text(14) == a.agidCode &&
                   find.text(15) == a.category;
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
            insert.bind(14, a.annulled ? 1 : 0).bind(15, annulledOn).bind(16, a.annulReason);
            insert.bind(17, a.rectifiesYear)
                .bind(18, a.rectifiesNumber)
                .bind(19, a.agidCode)
                .bind(20, a.category);
            insert.run();
            id = db.lastInsertId();
            ++result.inserted;
        } else {
            update.bind(1, id).bind(2, a.type).bind(3, a.subject).bind(4, a.description).bind(5, a.unit);
            update.bind(6, formatDate(a.pubStart))
                .bind(7, formatDate(a.pubEnd))
                .bind(8, a.link)
                .bind(9, a.guid);
            update.bind(10, stamp).bind(11, a.annulled ? 1 : 0).bind(12, annulledOn).bind(13, a.annulReason);
            update.bind(14, a.rectifiesYear)
                .bind(15, a.rectifiesNumber)
                .bind(16, a.agidCode)
                .bind(17, a.category);
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
            "INSERT INTO import_issues (source, position, line, item, reason, seen_at) VALUES "
            "(?1,?2,?3,?4,?5,?6)");
        for (const ImportIssue& i : report.issues) {
            issue.bind(1, i.source).bind(2, i.position).bind(3, i.line).bind(4, i.item).bind(5, i.reason);
            issue.bind(6, stamp).run();
        }
    }
    tx.commit();
    return result;
}

std::vector<Act> listActsAt(const Database& db, UnixSeconds now, int limit, WithAttachments attachments) {
    Statement st = db.prepare(
        std::string("SELECT ") + kActColumns + " FROM acts WHERE " + publicationWindowSql("acts", 1) +
        " ORDER BY pub_start DESC, year DESC, CAST(number AS INTEGER) DESC, number DESC, id "
        "LIMIT ?2");
    // A short list (the newest on Home) need not read every act: twice the rows plus a margin
    // leave room for the duplicates folded below.
    st.bind(1, windowSqlDay(now))
        .bind(2, limit > 0 ? static_cast<std::int64_t>(limit) * 2 + 8 : std::int64_t{-1});
    std::vector<Act> acts;
    // The same act (year and number) from two listings is shown once: the first row wins, but an
    // annulment seen in any listing is kept, since the later listing knows better.
    std::map<std::pair<int, std::string>, size_t> seen;
    while (st.step()) {
        Act a = readAct(st);
        std::string key = a.number;
        while (key.size() > 1 && key.front() == '0') key.erase(0, 1);
        const auto [it, fresh] = seen.emplace(std::make_pair(a.year, key), acts.size());
        if (fresh) {
            acts.push_back(std::move(a));
        } else if (a.annulled && !acts[it->second].annulled) {
            Act& first = acts[it->second];
            first.annulled = true;
            first.annulledOn = a.annulledOn;
            first.annulReason = a.annulReason;
        }
    }
    if (limit > 0 && acts.size() > static_cast<size_t>(limit)) acts.resize(static_cast<size_t>(limit));
    if (attachments == WithAttachments::Yes) loadAttachments(db, acts);
    return acts;
}

int countActsAt(const Database& db, UnixSeconds now) {
    // Counted like listActsAt shows them: an act listed twice (same year and number) once.
    Statement st = db.prepare("SELECT count(DISTINCT year || '/' || ltrim(number, '0')) FROM acts WHERE " +
                              publicationWindowSql("acts", 1));
    st.bind(1, windowSqlDay(now));
    st.step();
    return static_cast<int>(st.integer(0));
}

bool matchesFilter(const Act& act, const AlboFilter& filter) {
    if (!filter.category.empty() && act.category != filter.category) return false;
    const std::string needle = foldForMatch(trim(filter.text));
    if (needle.empty()) return true;
    for (const std::string* field : {&act.subject, &act.type, &act.unit, &act.number, &act.uid})
        if (foldForMatch(*field).find(needle) != std::string::npos) return true;
    return false;
}

std::vector<Act> listActsAt(const Database& db, UnixSeconds now, const AlboFilter& filter,
                            WithAttachments attachments) {
    std::vector<Act> acts = listActsAt(db, now, 0, WithAttachments::No);
    std::erase_if(acts, [&](const Act& a) { return !matchesFilter(a, filter); });
    if (attachments == WithAttachments::Yes) loadAttachments(db, acts);
    return acts;
}

std::vector<std::pair<std::string, int>> countActsByCategory(const Database& db, UnixSeconds now) {
    std::vector<std::pair<std::string, int>> counts;
    for (const std::string& c : alboCategories()) counts.emplace_back(c, 0);
    for (const Act& a : listActsAt(db, now, 0, WithAttachments::No))
        for (auto& [name, n] : counts)
            if (name == a.category) ++n;
    return counts;
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
