#include "core/notices/notice_store.h"

#include "core/content/source_rows.h"
#include "core/search/content_index.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace vt {

namespace {

nlohmann::json textsJson(const Notice& n) {
    nlohmann::json a = nlohmann::json::array();
    for (const NoticeText& t : n.texts)
        a.push_back({{"lang", t.lang}, {"title", t.title}, {"short", t.shortText}, {"body", t.body}});
    return a;
}

void bindOptional(Statement& st, int i, std::optional<UnixSeconds> v) {
    if (v)
        st.bind(i, static_cast<std::int64_t>(*v));
    else
        st.bindNull(i);
}

std::optional<UnixSeconds> optionalAt(const Statement& st, int col) {
    if (st.isNull(col)) return std::nullopt;
    return st.integer(col);
}

}  // namespace

NoticeImportResult storeNotices(Database& db, const std::string& source, const std::vector<Notice>& notices,
                                const std::vector<StoredImage>& images, UnixSeconds now) {
    NoticeImportResult result;
    Transaction tx(db);
    SourceRows rows(db, "notices", source);
    Statement insert = db.prepare(
        "INSERT INTO notices (source, uid, digest, kind, priority, duration, texts, image, image_w, image_h, "
        "valid_from, valid_until, show, link, published, imported_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    for (const Notice& n : notices) {
        const std::string texts = textsJson(n).dump();
        const std::string show = n.when.windows ? n.when.windows->text() : "";
        const nlohmann::json all = {n.kind,
                                    n.priority,
                                    n.durationSeconds,
                                    texts,
                                    n.imageHash,
                                    n.when.validFrom.value_or(-1),
                                    n.when.validUntil.value_or(-1),
                                    show,
                                    n.link,
                                    n.published.value_or(-1)};
        if (rows.check(n.uid, all.dump()) == SourceRows::State::Same) continue;
        insert.bind(1, source).bind(2, n.uid).bind(3, all.dump()).bind(4, n.kind).bind(5, n.priority);
        insert.bind(6, n.durationSeconds)
            .bind(7, texts)
            .bind(8, n.imageHash)
            .bind(9, n.imageWidth)
            .bind(10, n.imageHeight);
        bindOptional(insert, 11, n.when.validFrom);
        bindOptional(insert, 12, n.when.validUntil);
        insert.bind(13, show).bind(14, n.link);
        bindOptional(insert, 15, n.published);
        insert.bind(16, formatIsoUtc(now));
        insert.run();
    }
    result.removed = rows.finish();
    Statement addImage = db.prepare(
        "INSERT OR IGNORE INTO media (hash, source, width, height, png) VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const StoredImage& img : images) {
        addImage.bind(1, img.hash).bind(2, source).bind(3, img.width).bind(4, img.height);
        addImage.bindBlob(5, img.png.data(), img.png.size());
        addImage.run();
    }
    db.prepare("DELETE FROM media WHERE source = ?1 AND hash NOT IN (SELECT image FROM notices)")
        .bind(1, source)
        .run();
    reindexNoticesOfSource(db, source);
    tx.commit();
    result.inserted = rows.inserted;
    result.updated = rows.updated;
    result.unchanged = rows.unchanged;
    return result;
}

std::vector<Notice> loadNotices(const Database& db, UnixSeconds t) {
    std::vector<Notice> out;
    Statement st = db.prepare(
        "SELECT id, source, uid, kind, priority, duration, texts, image, image_w, image_h, valid_from, "
        "valid_until, "
        "show, link, published FROM notices WHERE valid_until IS NULL OR valid_until > ?1");
    st.bind(1, static_cast<std::int64_t>(t));
    while (st.step()) {
        Notice n;
        n.id = st.integer(0);
        n.source = st.text(1);
        n.uid = st.text(2);
        n.kind = st.text(3);
        n.priority = static_cast<int>(st.integer(4));
        n.durationSeconds = static_cast<int>(st.integer(5));
        for (const auto& j : nlohmann::json::parse(st.text(6)))
            n.texts.push_back(
                {j.value("lang", ""), j.value("title", ""), j.value("short", ""), j.value("body", "")});
        n.imageHash = st.text(7);
        n.imageWidth = static_cast<int>(st.integer(8));
        n.imageHeight = static_cast<int>(st.integer(9));
        n.when.validFrom = optionalAt(st, 10);
        n.when.validUntil = optionalAt(st, 11);
        if (const std::string show = st.text(12); !show.empty()) n.when.windows = OpeningHours::parse(show);
        n.link = st.text(13);
        n.published = optionalAt(st, 14);
        out.push_back(std::move(n));
    }
    std::stable_sort(out.begin(), out.end(), [](const Notice& a, const Notice& b) {
        if (a.priority != b.priority) return a.priority > b.priority;
        const UnixSeconds ta = a.published.value_or(a.when.validFrom.value_or(0));
        const UnixSeconds tb = b.published.value_or(b.when.validFrom.value_or(0));
        if (ta != tb) return ta > tb;
        return a.uid < b.uid;
    });
    return out;
}

std::vector<Notice> listNoticesAt(const Database& db, UnixSeconds t, const HolidayCalendar& holidays) {
    std::vector<Notice> all = loadNotices(db, t);
    std::erase_if(all, [&](const Notice& n) { return !n.when.activeAt(t, holidays); });
    return all;
}

std::optional<std::string> noticeImage(const Database& db, const std::string& hash) {
    Statement st = db.prepare("SELECT png FROM media WHERE hash = ?1");
    st.bind(1, hash);
    if (!st.step()) return std::nullopt;
    const void* blob = sqlite3_column_blob(st.handle(), 0);
    const int size = sqlite3_column_bytes(st.handle(), 0);
    return std::string(static_cast<const char*>(blob), static_cast<size_t>(size));
}

}  // namespace vt
