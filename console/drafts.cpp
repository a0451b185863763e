#include "drafts.h"

#include <nlohmann/json.hpp>

namespace vt::console {

namespace {

constexpr const char* kColumns =
    "id, kind, content_id, fields, image, image_ext, state, author, submitted_by, approved_by, created_at,"
    " updated_at, submitted_at, approved_at, revision, return_note, replaces";

Draft readDraft(const Statement& st) {
    Draft d;
    d.id = st.integer(0);
    d.kind = st.text(1);
    d.contentId = st.text(2);
    const auto json = nlohmann::json::parse(st.text(3), nullptr, false);
    if (json.is_object())
        for (const auto& [k, v] : json.items())
            if (v.is_string()) d.fields[k] = v.get<std::string>();
    if (!st.isNull(4)) {
        const void* blob = sqlite3_column_blob(st.handle(), 4);
        const int size = sqlite3_column_bytes(st.handle(), 4);
        d.image =
            DraftImage{std::string(static_cast<const char*>(blob), static_cast<size_t>(size)), st.text(5)};
    }
    d.state = parseDraftState(st.text(6)).value_or(DraftState::Draft);
    d.author = st.text(7);
    d.submittedBy = st.text(8);
    d.approvedBy = st.text(9);
    d.createdAt = st.integer(10);
    d.updatedAt = st.integer(11);
    d.submittedAt = st.integer(12);
    d.approvedAt = st.integer(13);
    d.revision = st.integer(14);
    d.returnNote = st.text(15);
    d.replaces = st.integer(16) != 0;
    return d;
}

// Binds every column but id, from ?2 on, in kColumns' order.
void bindDraft(Statement& st, const Draft& d) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [k, v] : d.fields) fields[k] = v;
    st.bind(2, d.kind).bind(3, d.contentId).bind(4, fields.dump());
    if (d.image) {
        st.bindBlob(5, d.image->bytes.data(), d.image->bytes.size()).bind(6, d.image->extension);
    } else {
        st.bindNull(5).bindNull(6);
    }
    st.bind(7, std::string(stateName(d.state)))
        .bind(8, d.author)
        .bind(9, d.submittedBy)
        .bind(10, d.approvedBy)
        .bind(11, d.createdAt)
        .bind(12, d.updatedAt)
        .bind(13, d.submittedAt)
        .bind(14, d.approvedAt)
        .bind(15, d.revision)
        .bind(16, d.returnNote)
        .bind(17, d.replaces ? 1 : 0);
}

}  // namespace

std::string_view stateName(DraftState s) {
    switch (s) {
        case DraftState::Draft:
            return "draft";
        case DraftState::Submitted:
            return "submitted";
        case DraftState::Published:
            return "published";
        case DraftState::Discarded:
            return "discarded";
    }
    return "draft";
}

std::optional<DraftState> parseDraftState(std::string_view s) {
    for (DraftState d :
         {DraftState::Draft, DraftState::Submitted, DraftState::Published, DraftState::Discarded})
        if (stateName(d) == s) return d;
    return std::nullopt;
}

std::int64_t insertDraft(ConsoleStore& store, const Draft& d) {
    Statement st = store.prepare(std::string("INSERT INTO drafts (") + kColumns +
                                 ") VALUES (NULL,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)");
    bindDraft(st, d);
    st.run();
    return store.lastInsertId();
}

void saveDraft(ConsoleStore& store, const Draft& d) {
    Statement st = store.prepare(
        "UPDATE drafts SET kind=?2, content_id=?3, fields=?4, image=?5, image_ext=?6, state=?7, author=?8,"
        " submitted_by=?9, approved_by=?10, created_at=?11, updated_at=?12, submitted_at=?13, "
        "approved_at=?14,"
        " revision=?15, return_note=?16, replaces=?17 WHERE id=?1");
    st.bind(1, d.id);
    bindDraft(st, d);
    st.run();
}

std::optional<Draft> findDraft(const ConsoleStore& store, std::int64_t id) {
    Statement st = store.prepare(std::string("SELECT ") + kColumns + " FROM drafts WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return readDraft(st);
}

std::vector<Draft> listDrafts(const ConsoleStore& store, bool open) {
    Statement st = store.prepare(std::string("SELECT ") + kColumns + " FROM drafts" +
                                 (open ? " WHERE state IN ('draft','submitted')" : "") +
                                 " ORDER BY updated_at DESC, id DESC LIMIT 500");
    std::vector<Draft> out;
    while (st.step()) out.push_back(readDraft(st));
    return out;
}

std::optional<std::int64_t> openDraftFor(const ConsoleStore& store, const std::string& kind,
                                         const std::string& contentId, std::int64_t except) {
    Statement st = store.prepare(
        "SELECT id FROM drafts WHERE kind = ?1 AND content_id = ?2 AND id != ?3"
        " AND state IN ('draft','submitted') LIMIT 1");
    st.bind(1, kind).bind(2, contentId).bind(3, except);
    if (!st.step()) return std::nullopt;
    return st.integer(0);
}

}  // namespace vt::console
