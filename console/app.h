// The console's pages and API: routes a request to its page, with the session, the CSRF check
// and the role check done here once for all of them.
#pragma once

#include "console_config.h"
#include "console_store.h"
#include "http_server.h"
#include "sessions.h"
#include "templates.h"

#include <functional>

namespace vt::console {

// The largest request body accepted (forms; uploads will have their own cap).
constexpr size_t kMaxFormBody = 64 * 1024;

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
    Response message(Ctx& c, int status, const std::string& titleIt, const std::string& titleEn,
                     const std::string& textIt, const std::string& textEn);
    PageData pageData(Ctx& c, const std::string& titleIt, const std::string& titleEn);

    const ConsoleConfig& m_config;
    ConsoleStore& m_store;
    const Templates& m_templates;
    std::function<UnixSeconds()> m_now;
};

}  // namespace vt::console
