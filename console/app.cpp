#include "app.h"

#include "accounts.h"
#include "app_context.h"
#include "audit.h"
#include "passwords.h"
#include "revision_pages.h"

#include "core/util/text.h"

#include <nlohmann/json.hpp>

namespace vt::console {

Response redirect(const std::string& to) {
    Response r;
    r.status = 303;
    r.headers.emplace_back("Location", to);
    r.contentType = "text/plain; charset=utf-8";
    return r;
}

Response json(int status, const nlohmann::json& j) {
    Response r;
    r.status = status;
    r.contentType = "application/json";
    r.body = j.dump(2);
    r.body += '\n';
    return r;
}

std::optional<User> bearerUser(const ConsoleStore& store, const Request& req) {
    const auto auth = req.headers.find("authorization");
    if (auth == req.headers.end() || auth->second.rfind("Bearer ", 0) != 0) return std::nullopt;
    return userForApiToken(store, std::string_view(auth->second).substr(7));
}

Response tokenRequired() {
    Response r = json(401, {{"error", "a valid API token is required (Authorization: Bearer TOKEN)"}});
    r.headers.emplace_back("WWW-Authenticate", "Bearer");
    return r;
}

std::optional<std::int64_t> numberAfter(const std::string& path, std::string_view prefix, std::string& rest) {
    if (path.rfind(prefix, 0) != 0) return std::nullopt;
    const std::string tail = path.substr(prefix.size());
    const size_t slash = tail.find('/');
    const std::string number = tail.substr(0, slash);
    if (number.empty() || number.size() > 12 || number[0] == '0' ||
        !std::all_of(number.begin(), number.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        return std::nullopt;
    rest = slash == std::string::npos ? "" : tail.substr(slash + 1);
    return std::stoll(number);
}

bool canSeeAudit(const User& u) {
    return u.role == Role::Admin || u.role == Role::Publisher;
}

ConsoleApp::ConsoleApp(const ConsoleConfig& config, ConsoleStore& store, const Templates& templates,
                       std::function<UnixSeconds()> now)
    : m_config(config), m_store(store), m_templates(templates), m_now(std::move(now)) {}

namespace {

// "/drafts/12/preview.png" and "/api/v1/drafts/12/preview": drawn outside the store's lock.
bool isPreviewPath(const std::string& p) {
    return (p.rfind("/drafts/", 0) == 0 && endsWith(p, "/preview.png")) ||
           (p.rfind("/api/v1/drafts/", 0) == 0 && endsWith(p, "/preview"));
}

}  // namespace

Response ConsoleApp::handle(const Request& req) {
    if (req.method == "GET" && isPreviewPath(req.path)) return previewRequest(req);
    std::lock_guard<std::mutex> guard(m_store.lock());
    Ctx c{req, m_now(), std::nullopt, {}, std::nullopt};
    if (req.path.rfind("/api/", 0) == 0) return api(c);
    if (const auto it = req.cookies.find(kSessionCookie); it != req.cookies.end())
        c.session = findSession(m_store, it->second, c.now);
    Response r;
    const bool multipart = req.headers.count("content-type") &&
                           toLowerAscii(req.headers.at("content-type")).rfind("multipart/form-data", 0) == 0;
    if (req.bodyTooLarge || (!multipart && req.body.size() > kMaxFormBody)) {
        r = multipart
                ? message(c, 413, "File troppo grande", "File too large",
                          "L'immagine inviata supera i 5 MB: riducila e riprova. Nulla è stato salvato.",
                          "The picture sent is larger than 5 MB: make it smaller and try again. Nothing "
                          "was saved.")
                : message(c, 413, "Richiesta troppo grande", "Request too large",
                          "Il modulo inviato supera la dimensione massima.",
                          "The form sent is larger than allowed.");
    } else if (req.method == "POST" && !(c.session && csrfMatches(*c.session, c.field("csrf")))) {
        // Every form carries its session's token; without it (another site's form, a stale page,
        // a forged request) nothing is done.
        if (const User* u = c.user())
            audit(m_store, c.now, u->name, "csrf_refused", req.path, "", c.address());
        r = message(c, 403, "Modulo non valido o scaduto", "Form invalid or expired",
                    "La richiesta non è stata eseguita. Ricarica la pagina e riprova.",
                    "Nothing was done. Reload the page and try again.");
    } else {
        r = route(c);
    }
    if (!c.setCookie.empty()) r.headers.emplace_back("Set-Cookie", c.setCookie);
    return r;
}

Response ConsoleApp::route(Ctx& c) {
    const std::string& p = c.req.path;
    const std::string& m = c.req.method;
    if (m == "GET" && p == "/static/console.css") {
        Response r;
        r.contentType = "text/css; charset=utf-8";
        r.body = m_templates.css();
        return r;
    }
    if (p == "/login" && m == "GET") return loginPage(c, 200, "", "");
    if (p == "/login" && m == "POST") return loginPost(c);
    if (m != "GET" && m != "POST") return message(c, 405, "Metodo non ammesso", "Method not allowed", "", "");
    const User* me = c.user();
    if (!me) return redirect("/login");
    if (p == "/" && m == "GET") return redirect("/home");
    if (p == "/logout" && m == "POST") return logout(c);
    if (p == "/home" && m == "GET") return home(c);
    if (p == "/drafts" || p.rfind("/drafts/", 0) == 0) return draftRoutes(c);
    if (p.rfind("/admin/", 0) == 0 && me->role != Role::Admin)
        return message(c, 403, "Accesso negato", "Access denied",
                       "Questa pagina è riservata agli amministratori.",
                       "This page is for administrators only.");
    if (p == "/admin/users" && m == "GET") return usersPage(c, 200, PageData());
    if (p == "/admin/users" && m == "POST") return usersPost(c);
    if (p == "/admin/users/unlock" && m == "POST") return unlockPost(c);
    if ((p == "/audit" || p == "/audit.csv") && !canSeeAudit(*me))
        return message(c, 403, "Accesso negato", "Access denied",
                       "Il registro è visibile a pubblicatori e amministratori.",
                       "The log is for publishers and administrators.");
    if (p == "/audit" && m == "GET") return auditPage(c);
    if (p == "/audit.csv" && m == "GET") return auditCsvFile(c);
    // Revisions: list, changes, restore (revision_pages.cpp checks the roles it needs).
    if (p == "/revisions" || p.rfind("/revisions/", 0) == 0)
        if (auto r = revisionPages(m_config, m_store, m_templates,
                                   {c.req, c.now, *me, c.address(), pageData(c, "", "")}))
            return *r;
    return message(c, 404, "Pagina non trovata", "Page not found", "L'indirizzo non esiste.",
                   "There is no such address.");
}

PageData ConsoleApp::pageData(Ctx& c, const std::string& titleIt, const std::string& titleEn) {
    PageData d;
    d.set("title_it", titleIt);
    d.set("title_en", titleEn);
    if (c.session) d.set("csrf", c.session->csrf);
    if (const User* u = c.user()) {
        d.set("user_name", u->name);
        d.set("user_role", roleLabel(u->role));
        d.set("is_admin", u->role == Role::Admin);
        d.set("can_audit", canSeeAudit(*u));
    }
    return d;
}

Response ConsoleApp::message(Ctx& c, int status, const std::string& titleIt, const std::string& titleEn,
                             const std::string& textIt, const std::string& textEn) {
    PageData d = pageData(c, titleIt, titleEn);
    d.set("text_it", textIt);
    d.set("text_en", textEn);
    d.set("logged_in", c.user() != nullptr);
    Response r;
    r.status = status;
    r.body = m_templates.render("message", d);
    return r;
}

Response ConsoleApp::loginPage(Ctx& c, int status, const std::string& error, const std::string& name) {
    if (c.user()) return redirect("/home");
    if (!c.session) {  // the log-in form's own anonymous session, for its CSRF token
        c.session = openSession(m_store, std::nullopt, c.now);
        c.setCookie = sessionCookie(c.session->id);
    }
    PageData d = pageData(c, "Accesso", "Log in");
    d.set("name", name);
    if (!error.empty()) {
        const auto bar = error.find(" / ");
        d.set("error_it", error.substr(0, bar));
        d.set("error_en", bar == std::string::npos ? "" : error.substr(bar + 3));
    }
    Response r;
    r.status = status;
    r.body = m_templates.render("login", d);
    return r;
}

Response ConsoleApp::loginPost(Ctx& c) {
    if (c.user()) return redirect("/home");
    const std::string name = c.field("name");
    const LoginResult res = attemptLogin(m_store, name, c.field("password"), c.address(), c.now);
    switch (res.outcome) {
        case LoginOutcome::Ok: {
            // A new session id at log-in: whatever id the browser had before is now worthless.
            closeSession(m_store, c.session->id);
            c.session = openSession(m_store, res.user->id, c.now);
            c.setCookie = sessionCookie(c.session->id);
            return redirect("/home");
        }
        case LoginOutcome::Wrong:
            return loginPage(c, 401, "Nome utente o password non corretti. / Wrong user name or password.",
                             name);
        case LoginOutcome::Locked: {
            std::string e = "Troppi tentativi falliti: l'accesso di questo utente è bloccato fino al ";
            e += clerkTime(res.lockedUntil);
            e += ". Un amministratore può sbloccarlo prima. / Too many failed attempts: this user is locked "
                 "out until ";
            e += clerkTime(res.lockedUntil);
            e += ". An administrator can unlock it sooner.";
            return loginPage(c, 403, e, name);
        }
        case LoginOutcome::Throttled:
            return loginPage(
                c, 429,
                "Troppi tentativi falliti da questo computer: riprova tra qualche minuto. / Too many "
                "failed attempts from this computer: try again in a few minutes.",
                name);
    }
    return loginPage(c, 401, "", name);
}

Response ConsoleApp::logout(Ctx& c) {
    const User* me = c.user();
    if (!me) return redirect("/login");
    audit(m_store, c.now, me->name, "logout", me->name, "", c.address());
    closeSession(m_store, c.session->id);
    c.session.reset();
    c.setCookie = clearedSessionCookie();
    return redirect("/login");
}

Response ConsoleApp::home(Ctx& c) {
    PageData d = pageData(c, "Scrivania", "Desk");
    d.set("four_eyes", m_config.fourEyes);
    Response r;
    r.body = m_templates.render("home", d);
    return r;
}

Response ConsoleApp::usersPage(Ctx& c, int status, PageData form) {
    PageData d = pageData(c, "Utenti", "Users");
    PageData list = PageData::type::list;
    for (const User& u : listUsers(m_store)) {
        PageData row;
        row.set("name", u.name);
        row.set("role", roleLabel(u.role));
        row.set("body", u.body);
        row.set("town", u.body.empty());
        if (u.lockedUntil > c.now) {
            row.set("locked", true);
            row.set("locked_until", clerkTime(u.lockedUntil));
        }
        list.push_back(row);
    }
    d.set("users", list);
    const auto added = c.req.query.find("added");
    if (added != c.req.query.end() && !added->second.empty()) d.set("added", added->second);
    const auto unlocked = c.req.query.find("unlocked");
    if (unlocked != c.req.query.end() && !unlocked->second.empty()) d.set("unlocked", unlocked->second);
    for (const char* key :
         {"f_name", "f_body", "name_error", "password_error", "password2_error", "body_error", "role_error"})
        if (form.get(key)) d.set(key, *form.get(key));
    const PageData* chosen = form.get("f_role");
    const std::string role = chosen && chosen->is_string() ? chosen->string_value() : "editor";
    d.set("role_editor", role == "editor");
    d.set("role_publisher", role == "publisher");
    d.set("role_admin", role == "admin");
    d.set("has_errors", form.get("name_error") || form.get("password_error") || form.get("password2_error") ||
                            form.get("body_error") || form.get("role_error"));
    Response r;
    r.status = status;
    r.body = m_templates.render("users", d);
    return r;
}

Response ConsoleApp::usersPost(Ctx& c) {
    const User* me = c.user();
    if (!me) return redirect("/login");
    const std::string name = c.field("name"), body = c.field("body"), role = c.field("role");
    const std::string password = c.field("password"), password2 = c.field("password2");
    PageData form;
    form.set("f_name", name);
    form.set("f_body", body);
    form.set("f_role", role);
    bool bad = false;
    if (auto p = userNameProblem(name))
        form.set("name_error", *p), bad = true;
    else if (findUser(m_store, name))
        form.set("name_error", "Questo nome è già usato. / This name is already taken."), bad = true;
    if (!body.empty() && (body.size() > 64 || userNameProblem(body)))
        form.set("body_error",
                 "L'ente usa le stesse regole dei nomi utente. / The body follows the rules of user names."),
            bad = true;
    if (!parseRole(role)) form.set("role_error", "Scegli un ruolo. / Choose a role."), bad = true;
    if (auto p = passwordProblem(password))
        form.set("password_error", *p), bad = true;
    else if (password != password2)
        form.set("password2_error", "Le due password non coincidono. / The two passwords differ."),
            bad = true;
    if (bad) return usersPage(c, 400, form);
    StoreTransaction tx(m_store);
    const User u = addUser(m_store, name, *parseRole(role), body, password, c.now);
    audit(m_store, c.now, me->name, "user_add", u.name, roleName(u.role), c.address());
    tx.commit();
    return redirect("/admin/users?added=" + u.name);
}

Response ConsoleApp::unlockPost(Ctx& c) {
    const User* me = c.user();
    if (!me) return redirect("/login");
    const auto u = findUser(m_store, c.field("name"));
    if (!u) return message(c, 404, "Utente non trovato", "No such user", "", "");
    StoreTransaction tx(m_store);
    unlockUser(m_store, u->id);
    audit(m_store, c.now, me->name, "user_unlock", u->name, "", c.address());
    tx.commit();
    return redirect("/admin/users?unlocked=" + u->name);
}

Response ConsoleApp::auditPage(Ctx& c) {
    PageData d = pageData(c, "Registro delle attività", "Audit log");
    PageData list = PageData::type::list;
    for (const AuditEntry& e : recentAudit(m_store, 200)) {
        PageData row;
        row.set("at", clerkTime(e.at));
        row.set("actor", e.actor);
        row.set("action", e.action);
        row.set("action_label", actionLabel(e.action));
        row.set("target", e.target);
        row.set("detail", e.detail);
        row.set("address", e.address);
        if (e.revision) {
            row.set("revision", std::to_string(e.revision->revision));
            if (!e.revision->hashBefore.empty()) row.set("hash_before", e.revision->hashBefore.substr(0, 12));
            row.set("hash_after", e.revision->hashAfter.substr(0, 12));
        }
        list.push_back(row);
    }
    d.set("entries", list);
    Response r;
    r.body = m_templates.render("audit", d);
    return r;
}

Response ConsoleApp::auditCsvFile(Ctx& c) {
    const User* me = c.user();
    if (!me) return redirect("/login");
    audit(m_store, c.now, me->name, "audit_export", "audit.csv", "", c.address());
    Response r;
    r.contentType = "text/csv; charset=utf-8";
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"registro-attivita.csv\"");
    r.body = auditCsv(m_store);
    return r;
}

Response ConsoleApp::api(Ctx& c) {
    const std::optional<User> user = bearerUser(m_store, c.req);
    if (!user) return tokenRequired();
    c.apiUser = user;
    if (c.req.path == "/api/v1/drafts" || c.req.path.rfind("/api/v1/drafts/", 0) == 0) return draftsApi(c);
    if (c.req.path == "/api/v1/audit" && c.req.method == "GET") {
        if (!canSeeAudit(*user)) return json(403, {{"error", "the audit log is for publishers and admins"}});
        nlohmann::json entries = nlohmann::json::array();
        for (const AuditEntry& e : recentAudit(m_store, 1000)) {
            entries.push_back({{"id", e.id},
                               {"at", formatIsoRome(e.at)},
                               {"actor", e.actor},
                               {"action", e.action},
                               {"target", e.target},
                               {"detail", e.detail},
                               {"address", e.address}});
            if (e.revision) {  // publish and restore entries
                entries.back()["revision"] = e.revision->revision;
                entries.back()["hash_before"] = e.revision->hashBefore;
                entries.back()["hash_after"] = e.revision->hashAfter;
            }
        }
        return json(200, {{"entries", entries}});
    }
    if (c.req.path.rfind("/api/v1/revisions", 0) == 0)
        if (auto r = revisionsApi(m_config, m_store, c.req, *user, c.now, c.address())) return *r;
    return json(404, {{"error", "no such API endpoint"}});
}

}  // namespace vt::console
