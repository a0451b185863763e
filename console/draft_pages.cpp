// The pages of notices and events: the list, the form (made from the kind's fields), the draft
// with its exact preview and the buttons of its next step. The steps themselves are draft_flow's.
#include "app.h"
#include "app_context.h"
#include "draft_flow.h"
#include "upload_check.h"

#include "core/util/text.h"

namespace vt::console {

namespace {

std::string stateLabel(DraftState s) {
    switch (s) {
        case DraftState::Draft:
            return "Bozza / Draft";
        case DraftState::Submitted:
            return "In attesa di approvazione / Waiting for approval";
        case DraftState::Published:
            return "Pubblicata / Published";
        case DraftState::Discarded:
            return "Scartata / Discarded";
    }
    return "";
}

std::string kindLabel(const std::string& kind) {
    const DraftKind* k = findDraftKind(kind);
    return k ? k->labelIt + " / " + k->labelEn : kind;
}

// One field of a form, with its value and its error.
PageData fieldData(const FieldSpec& spec, const Fields& values, const FieldErrors& errors,
                   const std::string& imageUrl) {
    PageData f;
    f.set("name", spec.name);
    f.set("label_it", spec.labelIt);
    f.set("label_en", spec.labelEn);
    if (!spec.helpIt.empty()) {
        f.set("help_it", spec.helpIt);
        f.set("help_en", spec.helpEn);
    }
    f.set("required", spec.required);
    if (spec.maxLength) f.set("max", std::to_string(spec.maxLength));
    const auto v = values.find(spec.name);
    const std::string value = v == values.end() ? "" : v->second;
    f.set("value", value);
    if (const auto e = errors.find(spec.name); e != errors.end()) f.set("error", e->second);
    f.set("is_text", spec.type == FieldType::Text);
    f.set("is_longtext", spec.type == FieldType::LongText);
    f.set("is_markdown", spec.type == FieldType::Markdown);
    f.set("is_date", spec.type == FieldType::Date);
    f.set("is_time", spec.type == FieldType::Time);
    f.set("is_check", spec.type == FieldType::Check);
    f.set("checked", value == "1" || value == "on");
    f.set("is_choice", spec.type == FieldType::Choice);
    f.set("is_image", spec.type == FieldType::Image);
    if (spec.type == FieldType::Image && !imageUrl.empty()) f.set("image_url", imageUrl);
    if (spec.type == FieldType::Choice) {
        PageData choices = PageData::type::list;
        for (const FieldChoice& c : spec.choices) {
            PageData o;
            o.set("value", c.value);
            o.set("label_it", c.labelIt);
            o.set("label_en", c.labelEn);
            o.set("selected", c.value == value);
            choices.push_back(o);
        }
        f.set("choices", choices);
    }
    return f;
}

std::string query(const Request& req, const std::string& key) {
    const auto it = req.query.find(key);
    return it == req.query.end() ? "" : it->second;
}

}  // namespace

Response ConsoleApp::draftsPage(Ctx& c) {
    PageData d = pageData(c, "Avvisi ed eventi", "Notices and events");
    const std::string saved = query(c.req, "done");
    if (saved == "discarded") d.set("flash", std::string("Bozza scartata. / Draft discarded."));
    PageData open = PageData::type::list, done = PageData::type::list;
    for (const Draft& draft : listDrafts(m_store, false)) {
        PageData row;
        row.set("id", std::to_string(draft.id));
        row.set("title", draft.fields.count("title") ? draft.fields.at("title") : draft.contentId);
        row.set("kind_label", kindLabel(draft.kind));
        row.set("state", std::string(stateName(draft.state)));
        row.set("state_label", stateLabel(draft.state));
        row.set("author", draft.author);
        row.set("updated", clerkTime(draft.updatedAt));
        if (draft.state == DraftState::Draft || draft.state == DraftState::Submitted) {
            open.push_back(row);
        } else if (draft.state == DraftState::Published && done.list_value().size() < 10) {
            row.set("revision", std::to_string(draft.revision));
            row.set("approved_by", draft.approvedBy);
            row.set("approved_at", clerkTime(draft.approvedAt));
            done.push_back(row);
        }
    }
    d.set("has_open", !open.list_value().empty());
    d.set("open", open);
    d.set("has_done", !done.list_value().empty());
    d.set("done", done);
    PageData published = PageData::type::list;
    for (const PublishedItem& item : listPublished(m_config, m_store)) {
        PageData row;
        row.set("title", item.title);
        row.set("kind", item.kind);
        row.set("kind_label", kindLabel(item.kind));
        row.set("content_id", item.contentId);
        row.set("path", item.path);
        row.set("editable", item.editable);
        row.set("csrf", c.session->csrf);
        published.push_back(row);
    }
    d.set("published", published);
    Response r;
    r.body = m_templates.render("drafts", d);
    return r;
}

Response ConsoleApp::draftForm(Ctx& c, int status, const std::string& kindName, std::int64_t id,
                               const Fields& values, const FlowResult& result) {
    const DraftKind* kind = findDraftKind(kindName);
    if (!kind) return message(c, 404, "Tipo sconosciuto", "Unknown kind", "", "");
    PageData d =
        id ? pageData(c, "Modifica della bozza", "Edit the draft")
           : pageData(c, "Nuovo " + toLowerAscii(kind->labelIt), "New " + toLowerAscii(kind->labelEn));
    d.set("kind", kind->name);
    d.set("action", id ? "/drafts/" + std::to_string(id) : std::string("/drafts"));
    d.set("cancel", id ? "/drafts/" + std::to_string(id) : std::string("/drafts"));
    std::string imageUrl;
    if (id) {
        if (const auto draft = findDraft(m_store, id)) {
            if (draft->image)
                imageUrl = "/drafts/" + std::to_string(id) + "/image?v=" + std::to_string(draft->updatedAt);
            if (!draft->returnNote.empty()) d.set("return_note", draft->returnNote);
        }
    }
    PageData fields = PageData::type::list, english = PageData::type::list;
    bool englishErrors = false;
    for (const FieldSpec& spec : kind->fields) {
        (spec.english ? english : fields).push_back(fieldData(spec, values, result.errors, imageUrl));
        if (spec.english &&
            (result.errors.count(spec.name) || (values.count(spec.name) && !values.at(spec.name).empty())))
            englishErrors = true;
    }
    d.set("fields", fields);
    d.set("has_english", !english.list_value().empty());
    d.set("en_fields", english);
    d.set("en_open", englishErrors);
    if (!result.message.empty()) d.set("message", result.message);
    if (const auto e = result.errors.find(""); e != result.errors.end()) d.set("general_error", e->second);
    Response r;
    r.status = status;
    r.body = m_templates.render("draft_form", d);
    return r;
}

Response ConsoleApp::draftSave(Ctx& c, std::int64_t id) {
    const User* me = c.user();
    DraftInput input;
    input.fields = c.req.form;
    input.keepImage = c.field("image_remove").empty();
    const auto file = c.req.files.find("image");
    FlowResult bad;
    if (file != c.req.files.end() && !file->second.bytes.empty()) {
        ImageCheck check = checkUploadedImage(file->second.bytes);
        if (!check.image) bad.errors["image"] = check.error;
        input.image = std::move(check.image);
    }
    std::string kind = c.field("kind");
    if (id) {
        const auto existing = findDraft(m_store, id);
        if (!existing) return message(c, 404, "Bozza non trovata", "No such draft", "", "");
        kind = existing->kind;
    }
    if (!bad.errors.empty()) {
        // The picture is refused: nothing is saved, the form comes back with what was typed.
        bad.status = 400;
        bad.message = "Correggi i campi segnalati. / Please correct the fields marked.";
        return draftForm(c, 400, kind, id, input.fields, bad);
    }
    const FlowResult r = saveDraftInput(m_store, *me, id, kind, input, c.now, c.address());
    if (!r.ok()) {
        if (r.status == 400 && !r.errors.empty()) {
            Fields shown = input.fields;
            return draftForm(c, 400, kind, id, shown, r);
        }
        return message(c, r.status, "Non salvato", "Not saved", r.message, "");
    }
    return redirect("/drafts/" + std::to_string(r.id) + "?done=saved");
}

Response ConsoleApp::draftFromPublished(Ctx& c) {
    const std::string kind = c.field("kind"), contentId = c.field("id");
    auto input = inputFromPublished(m_config, m_store, kind, contentId);
    if (!input)
        return message(c, 404, "Contenuto non modificabile", "Content not editable",
                       "Questo file non si può modificare dalla console. / This file cannot be edited here.",
                       "");
    if (const auto open = openDraftFor(m_store, kind, contentId, 0))
        return redirect("/drafts/" + std::to_string(*open));
    input->fields["id"] = contentId;
    const FlowResult r = saveDraftInput(m_store, *c.user(), 0, kind, *input, c.now, c.address());
    if (!r.ok()) {
        // The published file no longer passes today's checks: the form shows why.
        return draftForm(c, 400, kind, 0, input->fields, r);
    }
    return redirect("/drafts/" + std::to_string(r.id) + "/edit");
}

Response ConsoleApp::draftPage(Ctx& c, std::int64_t id, const FlowResult& outcome) {
    const auto draft = findDraft(m_store, id);
    if (!draft) return message(c, 404, "Bozza non trovata", "No such draft", "", "");
    const DraftKind* kind = findDraftKind(draft->kind);
    if (!kind) return message(c, 404, "Tipo sconosciuto", "Unknown kind", "", "");
    const User& me = *c.user();
    const std::string title = draft->fields.count("title") ? draft->fields.at("title") : draft->contentId;
    PageData d = pageData(c, title, kind->labelEn + " #" + std::to_string(id));
    d.set("id", std::to_string(id));
    d.set("state", std::string(stateName(draft->state)));
    d.set("state_label", stateLabel(draft->state));
    d.set("kind_label", kindLabel(draft->kind));
    d.set("author", draft->author);
    if (!draft->submittedBy.empty() && draft->state != DraftState::Draft) {
        d.set("submitted_by", draft->submittedBy);
        d.set("submitted_at", clerkTime(draft->submittedAt));
    }
    if (draft->state == DraftState::Published) {
        d.set("approved_by", draft->approvedBy);
        d.set("approved_at", clerkTime(draft->approvedAt));
        d.set("revision", std::to_string(draft->revision));
    }
    if (!draft->returnNote.empty() && draft->state == DraftState::Draft)
        d.set("return_note", draft->returnNote);
    const std::string done = query(c.req, "done");
    if (done == "saved")
        d.set("flash", std::string("Bozza salvata. Controlla l'anteprima, poi inviala per l'approvazione. / "
                                   "Draft saved. Check the preview, then submit it."));
    if (done == "submitted")
        d.set("flash", std::string("Inviata per l'approvazione. / Submitted for approval."));
    if (done == "returned") d.set("flash", std::string("Rimandata al redattore. / Sent back to the editor."));
    if (done == "approved")
        d.set("flash", "Approvata e pubblicata: revisione " + std::to_string(draft->revision) +
                           ". I chioschi la mostreranno al prossimo aggiornamento. / Approved and published: "
                           "revision " +
                           std::to_string(draft->revision) + ". The kiosks show it after their next sync.");
    if (!outcome.message.empty()) d.set("message", outcome.message);
    if (!outcome.publishErrors.empty()) {
        PageData errs = PageData::type::list;
        for (const std::string& e : outcome.publishErrors) errs.push_back(PageData(e));
        d.set("publish_errors", errs);
    }
    const bool submitted = draft->state == DraftState::Submitted;
    const bool own = draft->author == me.name || draft->submittedBy == me.name;
    d.set("can_edit", draft->state == DraftState::Draft);
    d.set("can_approve", submitted && canPublish(me) && !(m_config.fourEyes && own));
    d.set("four_eyes_note", submitted && canPublish(me) && m_config.fourEyes && own);
    d.set("waiting_note", submitted && !canPublish(me));
    d.set("can_return", submitted && canPublish(me));
    d.set("can_discard", draft->state == DraftState::Draft || (submitted && canPublish(me)));
    d.set("has_actions", draft->state == DraftState::Draft || submitted);

    // The preview's choices: the day and time looked at (default: now), screen shape, language.
    const CivilDateTime local = romeLocal(c.now);
    std::string day = query(c.req, "day"), time = query(c.req, "time");
    if (!parseIsoDate(day)) day = formatDate(local.date);
    if (time.size() != 5 || time[2] != ':') {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d:%02d", local.hour, local.minute);
        time = buf;
    }
    const bool portrait = query(c.req, "orient") != "landscape";
    const std::string lang = query(c.req, "lang") == "en" ? "en" : "it";
    d.set("p_day", day);
    d.set("p_time", time);
    d.set("p_portrait", portrait);
    d.set("p_it", lang == "it");
    d.set("orient", std::string(portrait ? "portrait" : "landscape"));
    PageData previews = PageData::type::list;
    const std::string common = "&orient=" + std::string(portrait ? "portrait" : "landscape") +
                               "&lang=" + lang + "&at=" + day + "T" + time +
                               "&v=" + std::to_string(draft->updatedAt);
    const std::pair<std::string, std::string> screens[] = {
        {"item", kind->name == "notice" ? "Schermata dell'avviso / The notice's screen"
                                        : "Schermata degli eventi / The events screen"},
        {"home", "Schermata iniziale / Home screen"}};
    for (const auto& [screen, caption] : screens) {
        PageData p;
        p.set("src", "/drafts/" + std::to_string(id) + "/preview.png?screen=" + screen + common);
        p.set("alt", "Anteprima: " + caption);
        p.set("caption", caption + " · " + clerkDate(parseIsoDate(day).value_or(local.date)) + " " + time);
        p.set("w", std::string(portrait ? "540" : "960"));
        p.set("h", std::string(portrait ? "960" : "540"));
        previews.push_back(p);
    }
    d.set("previews", previews);

    PageData values = PageData::type::list;
    for (const FieldSpec& spec : kind->fields) {
        const auto v = draft->fields.find(spec.name);
        if (v == draft->fields.end() || trim(v->second).empty() || spec.type == FieldType::Image) continue;
        PageData row;
        row.set("label_it", spec.labelIt);
        row.set("label_en", spec.labelEn);
        std::string shown = v->second;
        if (spec.type == FieldType::Choice)
            for (const FieldChoice& ch : spec.choices)
                if (ch.value == v->second) shown = ch.labelIt + " / " + ch.labelEn;
        if (spec.type == FieldType::Check) shown = "Sì / Yes";
        if (const auto date = spec.type == FieldType::Date ? parseIsoDate(v->second) : std::nullopt)
            shown = clerkDate(*date);
        row.set("value", shown);
        row.set("long", spec.type == FieldType::LongText || spec.type == FieldType::Markdown);
        values.push_back(row);
    }
    d.set("values", values);
    if (draft->image)
        d.set("image_url", "/drafts/" + std::to_string(id) + "/image?v=" + std::to_string(draft->updatedAt));
    PageData files = PageData::type::list;
    for (const auto& [path, bytes] : draftFiles(*draft)) {
        if (path.rfind("media/", 0) == 0) continue;
        PageData f;
        f.set("path", path);
        f.set("text", bytes);
        files.push_back(f);
    }
    d.set("files", files);
    Response r;
    r.status = outcome.status == 200 ? 200 : outcome.status;
    r.body = m_templates.render("draft", d);
    return r;
}

Response ConsoleApp::draftEdit(Ctx& c, std::int64_t id) {
    const auto draft = findDraft(m_store, id);
    if (!draft) return message(c, 404, "Bozza non trovata", "No such draft", "", "");
    if (draft->state != DraftState::Draft) return redirect("/drafts/" + std::to_string(id));
    return draftForm(c, 200, draft->kind, id, draft->fields, FlowResult{});
}

Response ConsoleApp::draftStep(Ctx& c, std::int64_t id, const std::string& step) {
    const User& me = *c.user();
    FlowResult r;
    if (step == "submit")
        r = submitDraft(m_store, me, id, c.now, c.address());
    else if (step == "return")
        r = returnDraft(m_store, me, id, c.field("note"), c.now, c.address());
    else if (step == "discard")
        r = discardDraft(m_store, me, id, c.now, c.address());
    else if (step == "approve")
        r = approveDraft(m_config, m_store, me, id, c.now, c.address());
    else
        return message(c, 404, "Pagina non trovata", "Page not found", "", "");
    if (!r.ok()) return draftPage(c, id, r);
    if (step == "discard") return redirect("/drafts?done=discarded");
    const char* done = step == "submit" ? "submitted" : step == "return" ? "returned" : "approved";
    return redirect("/drafts/" + std::to_string(id) + "?done=" + done);
}

Response ConsoleApp::draftImage(Ctx& c, std::int64_t id) {
    const auto draft = findDraft(m_store, id);
    if (!draft || !draft->image) return message(c, 404, "Immagine non trovata", "No such picture", "", "");
    Response r;
    r.contentType = draft->image->extension == "png" ? "image/png" : "image/jpeg";
    r.headers.emplace_back("Cache-Control", "private, max-age=3600");
    r.body = draft->image->bytes;
    return r;
}

}  // namespace vt::console

namespace vt::console {

Response ConsoleApp::draftRoutes(Ctx& c) {
    const std::string& p = c.req.path;
    const bool get = c.req.method == "GET", post = c.req.method == "POST";
    if (p == "/drafts" && get) return draftsPage(c);
    if (p == "/drafts" && post) return draftSave(c, 0);
    if (p == "/drafts/new" && get) {
        const auto kind = c.req.query.find("kind");
        return draftForm(c, 200, kind == c.req.query.end() ? "notice" : kind->second, 0, Fields{},
                         FlowResult{});
    }
    if (p == "/drafts/from-published" && post) return draftFromPublished(c);
    // /drafts/ID[/step]
    std::string step;
    const auto number = numberAfter(p, "/drafts/", step);
    if (!number) return message(c, 404, "Pagina non trovata", "Page not found", "", "");
    const std::int64_t id = *number;
    if (step.empty() && get) return draftPage(c, id, FlowResult{});
    if (step.empty() && post) return draftSave(c, id);
    if (step == "edit" && get) return draftEdit(c, id);
    if (step == "image" && get) return draftImage(c, id);
    if ((step == "submit" || step == "return" || step == "discard" || step == "approve") && post)
        return draftStep(c, id, step);
    return message(c, 404, "Pagina non trovata", "Page not found", "L'indirizzo non esiste.",
                   "There is no such address.");
}

}  // namespace vt::console
