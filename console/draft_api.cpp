// The JSON API of drafts (docs/CONSOLE.md): create and change, list, read, submit, approve. The
// same steps as the pages (draft_flow.h), the same roles, the same audit; `fields` are named as in
// the content files, and a picture comes as base64 (a data: URL is accepted too).
#include "app.h"
#include "app_context.h"
#include "draft_flow.h"
#include "upload_check.h"

#include <sodium.h>

namespace vt::console {

namespace {

std::optional<std::string> fromBase64(std::string_view text) {
    if (text.rfind("data:", 0) == 0) {
        const size_t comma = text.find(',');
        if (comma == std::string_view::npos) return std::nullopt;
        text.remove_prefix(comma + 1);
    }
    std::string out(text.size() / 4 * 3 + 3, '\0');
    size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                          "\n\r ", &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(length);
    return out;
}

nlohmann::json draftJson(const Draft& d, bool withFields) {
    nlohmann::json j = {{"id", d.id},
                        {"kind", d.kind},
                        {"content_id", d.contentId},
                        {"state", std::string(stateName(d.state))},
                        {"title", d.fields.count("title") ? d.fields.at("title") : ""},
                        {"author", d.author},
                        {"updated_at", formatIsoRome(d.updatedAt)},
                        {"has_image", d.image.has_value()}};
    if (!d.submittedBy.empty()) j["submitted_by"] = d.submittedBy;
    if (d.state == DraftState::Published) {
        j["approved_by"] = d.approvedBy;
        j["revision"] = d.revision;
    }
    if (!d.returnNote.empty()) j["return_note"] = d.returnNote;
    if (withFields) j["fields"] = d.fields;
    return j;
}

Response flowJson(const FlowResult& r) {
    nlohmann::json j = {{"error", r.message}};
    if (!r.errors.empty()) j["errors"] = r.errors;
    if (!r.publishErrors.empty()) j["publish_errors"] = r.publishErrors;
    return json(r.status, j);
}

}  // namespace

Response ConsoleApp::draftsApi(Ctx& c) {
    const User& me = *c.user();
    const std::string& p = c.req.path;
    const std::string& m = c.req.method;
    if (p == "/api/v1/drafts" && m == "GET") {
        nlohmann::json list = nlohmann::json::array();
        const auto state = c.req.query.find("state");
        for (const Draft& d : listDrafts(m_store, false))
            if (state == c.req.query.end() || stateName(d.state) == state->second)
                list.push_back(draftJson(d, false));
        return json(200, {{"drafts", list}});
    }
    std::int64_t id = 0;
    std::string step;
    if (p != "/api/v1/drafts") {
        const auto number = numberAfter(p, "/api/v1/drafts/", step);
        if (!number) return json(404, {{"error", "no such draft"}});
        id = *number;
    }
    if (id && step.empty() && m == "GET") {
        const auto d = findDraft(m_store, id);
        if (!d) return json(404, {{"error", "no such draft"}});
        nlohmann::json j = draftJson(*d, true);
        nlohmann::json files = nlohmann::json::object();
        for (const auto& [path, bytes] : draftFiles(*d))
            files[path] =
                path.rfind("media/", 0) == 0 ? "(" + std::to_string(bytes.size()) + " bytes)" : bytes;
        j["files"] = files;
        return json(200, j);
    }
    if (m == "POST" && step.empty()) {  // create (no id) or change a draft
        const auto body = nlohmann::json::parse(c.req.body, nullptr, false);
        if (!body.is_object() || (!id && !body.contains("kind")) || !body.contains("fields") ||
            !body["fields"].is_object())
            return json(400, {{"error", "expected {\"kind\": \"notice\"|\"event\", \"fields\": {...}}"}});
        DraftInput input;
        FieldErrors bad;
        for (const auto& [k, v] : body["fields"].items()) {
            if (k == "image") {
                if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) {
                    input.keepImage = false;
                    continue;
                }
                const auto bytes = v.is_string() ? fromBase64(v.get<std::string>()) : std::nullopt;
                if (!bytes) {
                    bad["image"] = "L'immagine va inviata in base64. / The picture must be sent as base64.";
                    continue;
                }
                ImageCheck check = checkUploadedImage(*bytes);
                if (!check.image) bad["image"] = check.error;
                input.image = std::move(check.image);
            } else if (v.is_string()) {
                input.fields[k] = v.get<std::string>();
            } else if (v.is_number_integer()) {
                input.fields[k] = std::to_string(v.get<std::int64_t>());
            } else if (v.is_boolean()) {
                input.fields[k] = v.get<bool>() ? "1" : "";
            } else if (!v.is_null()) {
                bad[k] = "Valore non valido: serve un testo. / Invalid value: text expected.";
            }
        }
        if (!bad.empty()) return json(400, {{"error", "the draft has problems"}, {"errors", bad}});
        const std::string kind = body.value("kind", std::string());
        const FlowResult r = saveDraftInput(m_store, me, id, kind, input, c.now, c.address());
        if (!r.ok()) return flowJson(r);
        Response out = json(id ? 200 : 201, {{"id", r.id}});
        if (!id) out.headers.emplace_back("Location", "/api/v1/drafts/" + std::to_string(r.id));
        return out;
    }
    if (m == "POST" && id &&
        (step == "submit" || step == "approve" || step == "return" || step == "discard")) {
        FlowResult r;
        if (step == "submit") r = submitDraft(m_store, me, id, c.now, c.address());
        if (step == "approve") r = approveDraft(m_config, m_store, me, id, c.now, c.address());
        if (step == "discard") r = discardDraft(m_store, me, id, c.now, c.address());
        if (step == "return") {
            const auto body = nlohmann::json::parse(c.req.body, nullptr, false);
            const std::string note = body.is_object() ? body.value("note", std::string()) : std::string();
            r = returnDraft(m_store, me, id, note, c.now, c.address());
        }
        if (!r.ok()) return flowJson(r);
        const auto d = findDraft(m_store, id);
        nlohmann::json j = {{"id", id}, {"state", d ? std::string(stateName(d->state)) : ""}};
        if (step == "approve") j["revision"] = r.revision;
        return json(200, j);
    }
    return json(404, {{"error", "no such API endpoint"}});
}

}  // namespace vt::console
