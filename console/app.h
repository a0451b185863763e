// The console's pages and API: routes a request to its page, with the session, the CSRF check
// and the role check done here once for all of them.
#pragma once

#include "console_config.h"
#include "console_store.h"
#include "draft_kinds.h"
#include "http_server.h"
#include "sessions.h"
#include "templates.h"

#include <functional>
#include <memory>

namespace vt::console {

// The largest form without a file (application/x-www-form-urlencoded); a form with a picture has
// its own cap (upload_check.h).
constexpr size_t kMaxFormBody = 64 * 1024;

struct FlowResult;

class ConsoleApp {
public:
    // `now` is the board clock in the server, a fixed instant in tests.
    ConsoleApp(const ConsoleConfig& config, ConsoleStore& store, const Templates& templates,
               std::function<UnixSeconds()> now);
    Response handle(const Request& req);

private:
    struct Ctx;  // one request: its session, the instant, what the page needs
    Response route(Ctx& c);
    Response loginPage(Ctx& c, int status, const std::string& error, const std::string& name);
    Response loginPost(Ctx& c);
    Response logout(Ctx& c);
    Response home(Ctx& c);
    Response usersPage(Ctx& c, int status, PageData form);
    Response usersPost(Ctx& c);
    Response unlockPost(Ctx& c);
    Response auditPage(Ctx& c);
    Response auditCsvFile(Ctx& c);
    Response api(Ctx& c);
    // Notices and events (draft_pages.cpp): list, form, save, the draft and its next steps.
    Response draftsPage(Ctx& c);
    Response draftForm(Ctx& c, int status, const std::string& kind, std::int64_t id, const Fields& values,
                       const FlowResult& result);
    Response draftSave(Ctx& c, std::int64_t id);
    Response draftFromPublished(Ctx& c);
    Response draftPage(Ctx& c, std::int64_t id, const FlowResult& outcome);
    Response draftEdit(Ctx& c, std::int64_t id);
    Response draftStep(Ctx& c, std::int64_t id, const std::string& step);
    Response draftImage(Ctx& c, std::int64_t id);
    Response draftRoutes(Ctx& c);
    // The JSON API of drafts (draft_api.cpp).
    Response draftsApi(Ctx& c);
    // A preview PNG (draft_preview.cpp): checked under the store's lock, drawn without it, so a
    // preview never stops the other clerks' pages.
    Response previewRequest(const Request& req);
    Response message(Ctx& c, int status, const std::string& titleIt, const std::string& titleEn,
                     const std::string& textIt, const std::string& textEn);
    PageData pageData(Ctx& c, const std::string& titleIt, const std::string& titleEn);

    struct PreviewCache;  // recent preview images and how many are being drawn
    static std::shared_ptr<PreviewCache> makePreviewCache();

    const ConsoleConfig& m_config;
    ConsoleStore& m_store;
    const Templates& m_templates;
    std::function<UnixSeconds()> m_now;
    std::shared_ptr<PreviewCache> m_previews = makePreviewCache();
};

}  // namespace vt::console
