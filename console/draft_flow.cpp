// Sections: helpers · save · submit, send back, discard · approve · published content
#include "draft_flow.h"

#include "audit.h"
#include "publishing.h"

#include "core/util/files.h"
#include "core/util/text.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace vt::console {

// ---------------------------------------------------------------- helpers

namespace {

FlowResult refuse(int status, std::string message) {
    FlowResult r;
    r.status = status;
    r.message = std::move(message);
    return r;
}

const char* const kNoDraft = "Bozza non trovata. / No such draft.";

std::string draftTarget(const Draft& d) {
    return d.kind + ":" + d.contentId + " (#" + std::to_string(d.id) + ")";
}

}  // namespace

ContentFiles draftFiles(const Draft& d) {
    const DraftKind* kind = findDraftKind(d.kind);
    return kind ? kind->files(d.fields, d.image, d.updatedAt) : ContentFiles{};
}

// ---------------------------------------------------------------- save

FlowResult saveDraftInput(ConsoleStore& store, const User& user, std::int64_t existing,
                          const std::string& kindName, DraftInput input, UnixSeconds now,
                          const std::string& address) {
    std::optional<Draft> before;
    if (existing) {
        before = findDraft(store, existing);
        if (!before) return refuse(404, kNoDraft);
        if (before->state != DraftState::Draft)
            return refuse(
                409,
                "Questa bozza è già stata inviata o pubblicata: non si può più modificare. / This draft "
                "was already submitted or published: it can no longer change.");
    }
    const DraftKind* kind = findDraftKind(before ? before->kind : kindName);
    if (!kind) return refuse(400, "Tipo di contenuto sconosciuto. / Unknown kind of content.");
    // Only the form's own fields are kept: an API caller's extra keys are not stored.
    Fields fields;
    for (const FieldSpec& spec : kind->fields)
        if (spec.type != FieldType::Image) fields[spec.name] = input.fields[spec.name];
    std::optional<DraftImage> image = input.image;
    if (!image && input.keepImage && before) image = before->image;

    FlowResult r;
    r.errors = checkDraft(*kind, fields, image, now);
    if (r.errors.empty()) {
        if (const auto other = openDraftFor(store, kind->name, fields["id"], existing))
            r.errors["id"] = "C'è già una bozza aperta per questo contenuto (n. " + std::to_string(*other) +
                             "): continua quella. / There is already an open draft of this content.";
    }
    if (!r.errors.empty()) {
        r.status = 400;
        r.message = "Correggi i campi segnalati. / Please correct the fields marked.";
        return r;
    }
    Draft d = before.value_or(Draft{});
    if (!before) {
        d.kind = kind->name;
        d.author = user.name;
        d.createdAt = now;
    }
    d.fields = fields;
    d.contentId = fields["id"];
    d.image = image;
    d.updatedAt = now;
    d.returnNote.clear();
    // It edits a published file when the content folder already has one with that id.
    StoreTransaction tx(store);
    if (before) {
        saveDraft(store, d);
        r.id = d.id;
    } else {
        r.id = insertDraft(store, d);
    }
    audit(store, now, user.name, before ? "draft_save" : "draft_create",
          kind->name + ":" + d.contentId + " (#" + std::to_string(r.id) + ")", fields["title"], address);
    tx.commit();
    return r;
}

// ---------------------------------------------------------------- submit, send back, discard

namespace {

// A step that only changes the draft's state: saved with its audit entry in one transaction.
FlowResult recordStep(ConsoleStore& store, Draft& d, const User& user, UnixSeconds now,
                      const std::string& address, const char* action, const std::string& detail) {
    StoreTransaction tx(store);
    saveDraft(store, d);
    audit(store, now, user.name, action, draftTarget(d), detail, address);
    tx.commit();
    FlowResult r;
    r.id = d.id;
    return r;
}

}  // namespace

FlowResult submitDraft(ConsoleStore& store, const User& user, std::int64_t id, UnixSeconds now,
                       const std::string& address) {
    auto d = findDraft(store, id);
    if (!d) return refuse(404, kNoDraft);
    if (d->state != DraftState::Draft)
        return refuse(409, "La bozza non è in stato di bozza. / The draft is not in the draft state.");
    d->state = DraftState::Submitted;
    d->submittedBy = user.name;
    d->submittedAt = now;
    return recordStep(store, *d, user, now, address, "draft_submit", d->fields["title"]);
}

FlowResult returnDraft(ConsoleStore& store, const User& user, std::int64_t id, const std::string& note,
                       UnixSeconds now, const std::string& address) {
    if (!canPublish(user))
        return refuse(403,
                      "Solo chi pubblica può rimandare una bozza. / Only a publisher can send a draft back.");
    auto d = findDraft(store, id);
    if (!d) return refuse(404, kNoDraft);
    if (d->state != DraftState::Submitted)
        return refuse(409,
                      "La bozza non è in attesa di approvazione. / The draft is not waiting for approval.");
    d->state = DraftState::Draft;
    d->returnNote = trim(note).substr(0, 2000);
    return recordStep(store, *d, user, now, address, "draft_return", d->returnNote);
}

FlowResult discardDraft(ConsoleStore& store, const User& user, std::int64_t id, UnixSeconds now,
                        const std::string& address) {
    auto d = findDraft(store, id);
    if (!d) return refuse(404, kNoDraft);
    if (d->state != DraftState::Draft && !(d->state == DraftState::Submitted && canPublish(user)))
        return refuse(409, "Questa bozza non si può scartare. / This draft cannot be discarded.");
    d->state = DraftState::Discarded;
    return recordStep(store, *d, user, now, address, "draft_discard", d->fields["title"]);
}

// ---------------------------------------------------------------- approve

FlowResult approveDraft(const ConsoleConfig& config, ConsoleStore& store, const User& user, std::int64_t id,
                        UnixSeconds now, const std::string& address) {
    if (!canPublish(user)) {
        audit(store, now, user.name, "approve_refused", "#" + std::to_string(id), "role", address);
        return refuse(403,
                      "Solo chi ha il ruolo di pubblicatore può approvare. / Only a publisher can approve.");
    }
    auto d = findDraft(store, id);
    if (!d) return refuse(404, kNoDraft);
    if (d->state != DraftState::Submitted)
        return refuse(409,
                      "La bozza non è in attesa di approvazione. / The draft is not waiting for approval.");
    if (config.fourEyes && (d->author == user.name || d->submittedBy == user.name)) {
        audit(store, now, user.name, "approve_refused", draftTarget(*d), "four eyes", address);
        return refuse(
            403,
            "Doppio controllo: una bozza che hai scritto o inviato tu va approvata da un'altra persona. / "
            "Four eyes: a draft you wrote or submitted must be approved by someone else.");
    }
    const DraftKind* kind = findDraftKind(d->kind);
    if (!kind) return refuse(400, "Tipo di contenuto sconosciuto. / Unknown kind of content.");
    // Checked again: the kiosk's rules may have changed since the draft was saved.
    Fields fields = d->fields;
    if (FieldErrors e = checkDraft(*kind, fields, d->image, d->updatedAt); !e.empty()) {
        FlowResult r = refuse(400,
                              "La bozza non supera più i controlli: va corretta. / The draft no longer "
                              "passes the checks: it must be corrected.");
        r.errors = std::move(e);
        return r;
    }
    FileChanges changes;
    for (auto& [path, bytes] : draftFiles(*d)) changes[path] = bytes;
    PublishRequest request;
    request.actor = user.name;
    request.reason = kind->labelIt + " «" + d->fields["title"] + "»";
    request.address = address;
    request.draftId = d->id;
    // One transaction: the revision's record, the draft's new state and the audit entries land
    // together; the publish itself is the last thing that can fail.
    StoreTransaction tx(store);
    const PublishOutcome out = publishChanges(config, store, changes, request, now);
    if (!out.ok) {
        FlowResult r = refuse(500,
                              "La pubblicazione non è riuscita: nulla è cambiato per i chioschi. / "
                              "Publishing failed: nothing changed for the kiosks.");
        r.publishErrors = out.errors;
        std::string detail;
        for (const std::string& e : out.errors) detail += e + "\n";
        audit(store, now, user.name, "approve_failed", draftTarget(*d), detail, address);
        tx.commit();
        return r;
    }
    d->state = DraftState::Published;
    d->approvedBy = user.name;
    d->approvedAt = now;
    d->revision = out.revision;
    saveDraft(store, *d);
    audit(store, now, user.name, "draft_approve", draftTarget(*d), d->fields["title"], address,
          AuditRevision{out.revision, out.manifestBefore, out.manifestAfter});
    tx.commit();
    FlowResult r;
    r.id = id;
    r.revision = out.revision;
    return r;
}

// ---------------------------------------------------------------- published content

namespace {

std::string tomlText(const toml::table& t, const char* key) {
    return t[key].value_or(std::string());
}

// "2026-12-24" from a TOML date or date-time (the form edits days).
std::string tomlDay(const toml::table& t, const char* key) {
    if (const auto d = t[key].value<toml::date>()) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(d->year), int(d->month), int(d->day));
        return buf;
    }
    if (const auto dt = t[key].value<toml::date_time>()) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(dt->date.year), int(dt->date.month),
                      int(dt->date.day));
        return buf;
    }
    return "";
}

// A notice file's fields; its picture too when `withImage` (the list of published content needs
// only the title).
std::optional<DraftInput> noticeFromFile(const std::string& contentDir, const std::string& contentId,
                                         bool withImage) {
    const fs::path file = fs::path(contentDir) / "notices" / (contentId + ".md");
    const auto text = readFile(file.string(), 1 << 20);
    if (!text || text->rfind("+++", 0) != 0) return std::nullopt;
    const size_t fmStart = text->find('\n');
    const size_t fmEnd = fmStart == std::string::npos ? std::string::npos : text->find("\n+++", fmStart);
    if (fmEnd == std::string::npos) return std::nullopt;
    toml::table fm;
    try {
        fm = toml::parse(text->substr(fmStart + 1, fmEnd - fmStart));
    } catch (const toml::parse_error&) {
        return std::nullopt;
    }
    DraftInput in;
    in.fields["id"] = contentId;
    in.fields["title"] = tomlText(fm, "title");
    in.fields["short"] = tomlText(fm, "short");
    in.fields["priority"] = std::to_string(fm["priority"].value_or(std::int64_t{0}));
    in.fields["valid_from"] = tomlDay(fm, "valid_from");
    in.fields["valid_until"] = tomlDay(fm, "valid_until");
    const size_t bodyStart = text->find('\n', fmEnd + 1);
    in.fields["body"] = bodyStart == std::string::npos ? "" : trim(text->substr(bodyStart + 1));
    if (const toml::table* en = fm["en"].as_table()) {
        in.fields["en_title"] = tomlText(*en, "title");
        in.fields["en_short"] = tomlText(*en, "short");
        in.fields["en_body"] = tomlText(*en, "body");
    }
    const std::string image = withImage ? tomlText(fm, "image") : std::string();
    if (!image.empty()) {
        const fs::path p = (file.parent_path() / image).lexically_normal();
        if (const auto bytes = readFile(p.string(), 16u << 20)) {
            const std::string ext = toLowerAscii(p.extension().string());
            in.image = DraftImage{*bytes, ext == ".png" ? "png" : "jpg"};
        }
    }
    return in;
}

}  // namespace

namespace {

std::optional<DraftInput> publishedInput(const ConsoleConfig& config, const ConsoleStore& store,
                                         const std::string& kind, const std::string& contentId,
                                         bool withImage) {
    if (!isValidContentId(contentId)) return std::nullopt;
    // The last approved draft of that file, when the console wrote it.
    Statement st = store.prepare(
        "SELECT id FROM drafts WHERE kind = ?1 AND content_id = ?2 AND state = 'published'"
        " ORDER BY approved_at DESC, id DESC LIMIT 1");
    st.bind(1, kind).bind(2, contentId);
    if (st.step()) {
        if (const auto d = findDraft(store, st.integer(0))) {
            DraftInput in;
            in.fields = d->fields;
            in.image = d->image;
            return in;
        }
    }
    if (kind == "notice") return noticeFromFile(config.contentDir, contentId, withImage);
    return std::nullopt;
}

}  // namespace

std::optional<DraftInput> inputFromPublished(const ConsoleConfig& config, const ConsoleStore& store,
                                             const std::string& kind, const std::string& contentId) {
    return publishedInput(config, store, kind, contentId, true);
}

std::vector<PublishedItem> listPublished(const ConsoleConfig& config, const ConsoleStore& store) {
    std::vector<PublishedItem> out;
    for (const DraftKind* kind : draftKinds()) {
        const fs::path dir = fs::path(config.contentDir) / kind->folder;
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            const std::string ext = entry.path().extension().string();
            if (!entry.is_regular_file() || (ext != ".md" && ext != ".ics")) continue;
            PublishedItem item;
            item.kind = kind->name;
            item.contentId = entry.path().stem().string();
            item.path = kind->folder + "/" + entry.path().filename().string();
            item.title = item.contentId;
            if (const auto in = publishedInput(config, store, kind->name, item.contentId, false)) {
                item.editable = true;
                if (!in->fields.at("title").empty()) item.title = in->fields.at("title");
            }
            out.push_back(std::move(item));
        }
    }
    std::sort(out.begin(), out.end(), [](const PublishedItem& a, const PublishedItem& b) {
        return std::tie(a.kind, a.title) < std::tie(b.kind, b.title);
    });
    return out;
}

}  // namespace vt::console
