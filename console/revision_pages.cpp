#include "revision_pages.h"

#include "app_context.h"
#include "clerk_time.h"

#include "revisions.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace vt::console {

namespace {

std::string sizeText(std::uint64_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " B";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024.0);
    return buf;
}

Response page(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

Response message(const Templates& t, PageData d, int status, const std::string& titleIt,
                 const std::string& titleEn, const std::string& textIt, const std::string& textEn) {
    d.set("title_it", titleIt);
    d.set("title_en", titleEn);
    d.set("text_it", textIt);
    d.set("text_en", textEn);
    d.set("logged_in", true);
    return page(status, t.render("message", d));
}

Response listPage(ConsoleStore& store, const Templates& t, PageData d) {
    d.set("title_it", "Revisioni pubblicate");
    d.set("title_en", "Published revisions");
    PageData rows = PageData::type::list;
    const auto revisions = listRevisions(store);
    for (const RevisionRecord& r : revisions) {
        PageData row;
        row.set("number", std::to_string(r.number));
        row.set("at", clerkTime(r.publishedAt));
        if (!r.actor.empty()) row.set("actor", r.actor);
        row.set("reason", r.reason);
        if (r.restoredFrom) row.set("restored_from", std::to_string(*r.restoredFrom));
        row.set("files_changed", std::to_string(r.filesChanged));
        row.set("latest", &r == &revisions.front());
        rows.push_back(row);
    }
    d.set("revisions", rows);
    d.set("has_revisions", !revisions.empty());
    return page(200, t.render("revisions", d));
}

PageData fileData(const FileDiff& f) {
    PageData d;
    static const char* const kChange[][2] = {
        {"Aggiunto", "Added"}, {"Modificato", "Changed"}, {"Rimosso", "Removed"}};
    const auto c = static_cast<std::size_t>(f.change);
    d.set("change", fileChangeName(f.change));
    d.set("change_it", kChange[c][0]);
    d.set("change_en", kChange[c][1]);
    d.set("path", f.path);
    std::string size = f.change == FileChange::Added ? sizeText(f.sizeAfter)
                       : f.change == FileChange::Removed
                           ? sizeText(f.sizeBefore)
                           : sizeText(f.sizeBefore) + " → " + sizeText(f.sizeAfter);
    if (f.text) {
        size += " · +" + std::to_string(f.diff.added) + " / −" + std::to_string(f.diff.removed);
        size += f.diff.added + f.diff.removed == 1 ? " riga / line" : " righe / lines";
    }
    d.set("size_text", size);
    if (!f.note.empty()) d.set("note", f.note);
    d.set("approximate", f.diff.approximate);
    PageData hunks = PageData::type::list;
    for (const DiffHunk& h : f.diff.hunks) {
        PageData hd;
        hd.set("old_start", std::to_string(h.oldStart));
        hd.set("old_count", std::to_string(h.oldCount));
        hd.set("new_start", std::to_string(h.newStart));
        hd.set("new_count", std::to_string(h.newCount));
        PageData lines = PageData::type::list;
        for (const DiffLine& l : h.lines) {
            PageData ld;
            ld.set("cls", l.op == '+' ? "add" : l.op == '-' ? "del" : "ctx");
            ld.set("sign", l.op == '+' ? "+" : l.op == '-' ? "−" : "");
            ld.set("old_no", l.oldNo ? std::to_string(l.oldNo) : "");
            ld.set("new_no", l.newNo ? std::to_string(l.newNo) : "");
            ld.set("text", l.text);
            lines.push_back(ld);
        }
        hd.set("lines", lines);
        hunks.push_back(hd);
    }
    d.set("has_hunks", !f.diff.hunks.empty());
    d.set("hunks", hunks);
    return d;
}

Response revisionPage(const ConsoleConfig& config, ConsoleStore& store, const Templates& t,
                      const RevisionPageRequest& r, std::int64_t number, int status,
                      const std::vector<std::string>& errors, bool confirmError) {
    const auto rec = findRevision(store, number);
    const auto diff = diffRevisions(config, store, number);
    if (!rec || !diff)
        return message(t, r.base, 404, "Revisione non trovata", "No such revision",
                       "Questa revisione non è registrata nella console.",
                       "The console has no such revision.");
    PageData d = r.base;
    const std::string n = std::to_string(number);
    d.set("title_it", "Revisione " + n);
    d.set("title_en", "Revision " + n);
    d.set("number", n);
    d.set("at", clerkTime(rec->publishedAt));
    if (!rec->actor.empty()) d.set("actor", rec->actor);
    if (!rec->reason.empty()) d.set("reason", rec->reason);
    if (rec->restoredFrom) d.set("restored_from", std::to_string(*rec->restoredFrom));
    if (diff->previous) d.set("previous", std::to_string(diff->previous));
    d.set("manifest_sha256", rec->manifestSha256);
    PageData files = PageData::type::list;
    for (const FileDiff& f : diff->files) files.push_back(fileData(f));
    d.set("files", files);
    d.set("file_count", std::to_string(diff->files.size()));
    const std::int64_t latest = latestRevision(store);
    d.set("can_restore", canPublish(r.user) && number < latest);
    d.set("next", std::to_string(latest + 1));
    const auto restored = r.req.query.find("restored");
    if (restored != r.req.query.end() && !restored->second.empty() &&
        restored->second.find_first_not_of("0123456789") == std::string::npos)
        d.set("restored", restored->second);
    if (!errors.empty()) {
        PageData list = PageData::type::list;
        for (const std::string& e : errors) list.push_back(PageData(e));
        d.set("errors", list);
        d.set("has_errors", true);
    }
    d.set("confirm_error", confirmError);
    return page(status, t.render("revision", d));
}

Response restorePost(const ConsoleConfig& config, ConsoleStore& store, const Templates& t,
                     const RevisionPageRequest& r, std::int64_t number) {
    if (!canPublish(r.user))
        return message(t, r.base, 403, "Accesso negato", "Access denied",
                       "Ripristinare una revisione spetta a pubblicatori e amministratori.",
                       "Restoring a revision is for publishers and administrators.");
    if (!findRevision(store, number)) return revisionPage(config, store, t, r, number, 404, {}, false);
    const auto confirm = r.req.form.find("confirm");
    if (confirm == r.req.form.end() || confirm->second != "yes")
        return revisionPage(config, store, t, r, number, 400, {}, true);
    const auto reason = r.req.form.find("reason");
    std::string why = reason == r.req.form.end() ? "" : reason->second.substr(0, 500);
    const PublishOutcome out = restoreRevision(config, store, number, r.user.name, r.now, r.address, why);
    if (!out.ok) return revisionPage(config, store, t, r, number, 409, out.errors, false);
    Response res;
    res.status = 303;
    res.contentType = "text/plain; charset=utf-8";
    res.headers.emplace_back(
        "Location", "/revisions/" + std::to_string(out.revision) + "?restored=" + std::to_string(number));
    return res;
}

nlohmann::json revisionJson(const RevisionRecord& r) {
    nlohmann::json j = {{"revision", r.number},
                        {"published_at", formatIsoRome(r.publishedAt)},
                        {"actor", r.actor},
                        {"reason", r.reason},
                        {"files_changed", r.filesChanged},
                        {"manifest_sha256", r.manifestSha256},
                        {"draft_id", nullptr},
                        {"restored_from", nullptr}};
    if (r.draftId) j["draft_id"] = *r.draftId;
    if (r.restoredFrom) j["restored_from"] = *r.restoredFrom;
    return j;
}

nlohmann::json diffJson(const RevisionDiff& d) {
    nlohmann::json files = nlohmann::json::array();
    for (const FileDiff& f : d.files) {
        nlohmann::json lines = nlohmann::json::array();
        for (const DiffHunk& h : f.diff.hunks) {
            lines.push_back("@@ -" + std::to_string(h.oldStart) + "," + std::to_string(h.oldCount) + " +" +
                            std::to_string(h.newStart) + "," + std::to_string(h.newCount) + " @@");
            for (const DiffLine& l : h.lines) lines.push_back(std::string(1, l.op) + l.text);
        }
        files.push_back({{"path", f.path},
                         {"kind", f.kind},
                         {"change", fileChangeName(f.change)},
                         {"size_before", f.sizeBefore},
                         {"size_after", f.sizeAfter},
                         {"sha256_before", f.shaBefore},
                         {"sha256_after", f.shaAfter},
                         {"note", f.note},
                         {"diff", lines}});
    }
    return {{"revision", d.revision}, {"previous", d.previous}, {"files", files}};
}

}  // namespace

std::optional<Response> revisionPages(const ConsoleConfig& config, ConsoleStore& store,
                                      const Templates& templates, const RevisionPageRequest& r) {
    const std::string& p = r.req.path;
    const std::string& m = r.req.method;
    if (p == "/revisions" && m == "GET") return listPage(store, templates, r.base);
    std::string rest;
    const auto n = numberAfter(p, "/revisions/", rest);
    if (!n) return std::nullopt;
    if (rest.empty() && m == "GET") return revisionPage(config, store, templates, r, *n, 200, {}, false);
    if (rest == "restore" && m == "POST") return restorePost(config, store, templates, r, *n);
    return std::nullopt;
}

std::optional<Response> revisionsApi(const ConsoleConfig& config, ConsoleStore& store, const Request& req,
                                     const User& user, UnixSeconds now, const std::string& address) {
    const std::string& p = req.path;
    const std::string& m = req.method;
    if (p == "/api/v1/revisions") {
        if (m != "GET") return json(405, {{"error", "use GET"}});
        nlohmann::json list = nlohmann::json::array();
        for (const RevisionRecord& r : listRevisions(store)) list.push_back(revisionJson(r));
        return json(200, {{"revisions", list}});
    }
    std::string rest;
    const auto n = numberAfter(p, "/api/v1/revisions/", rest);
    if (!n) return std::nullopt;
    if (rest.empty()) {
        if (m != "GET") return json(405, {{"error", "use GET"}});
        const auto d = diffRevisions(config, store, *n);
        if (!d) return json(404, {{"error", "no such revision"}});
        return json(200, diffJson(*d));
    }
    if (rest != "restore") return std::nullopt;
    if (m != "POST") return json(405, {{"error", "use POST"}});
    if (!canPublish(user)) return json(403, {{"error", "restoring is for publishers and admins"}});
    if (!findRevision(store, *n)) return json(404, {{"error", "no such revision"}});
    const PublishOutcome out = restoreRevision(config, store, *n, user.name, now, address);
    if (!out.ok) return json(409, {{"errors", out.errors}});
    return json(200, {{"revision", out.revision}, {"restored_from", *n}});
}

}  // namespace vt::console
