#include "accounts.h"

#include "audit.h"
#include "passwords.h"

namespace vt::console {

namespace {

// Verified against when the name is unknown, so that a wrong name costs as much as a wrong password
// and the time taken does not tell which names exist.
const std::string& decoyHash() {
    static const std::string h = hashPassword(randomHex(16));
    return h;
}

User userFrom(const Statement& st) {
    User u;
    u.id = st.integer(0);
    u.name = st.text(1);
    u.role = parseRole(st.text(2)).value_or(Role::Editor);
    u.body = st.text(3);
    u.failedLogins = static_cast<int>(st.integer(4));
    u.lockedUntil = st.integer(5);
    return u;
}

constexpr const char* kUserColumns = "SELECT id, name, role, body, failed_logins, locked_until FROM users ";

}  // namespace

std::optional<Role> parseRole(std::string_view s) {
    if (s == "editor") return Role::Editor;
    if (s == "publisher") return Role::Publisher;
    if (s == "admin") return Role::Admin;
    return std::nullopt;
}

const char* roleName(Role r) {
    switch (r) {
        case Role::Editor:
            return "editor";
        case Role::Publisher:
            return "publisher";
        case Role::Admin:
            return "admin";
    }
    return "editor";
}

const char* roleLabel(Role r) {
    switch (r) {
        case Role::Editor:
            return "Redattore / Editor";
        case Role::Publisher:
            return "Pubblicatore / Publisher";
        case Role::Admin:
            return "Amministratore / Administrator";
    }
    return "";
}

std::optional<std::string> userNameProblem(std::string_view name) {
    const auto lowerOrDigit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    bool ok = !name.empty() && name.size() <= 64 && lowerOrDigit(name[0]);
    for (char c : name) ok = ok && (lowerOrDigit(c) || c == '.' || c == '_' || c == '-');
    if (ok) return std::nullopt;
    return "Il nome utente deve avere da 1 a 64 caratteri tra a-z, 0-9, punto, trattino e trattino basso, e "
           "iniziare con una lettera o una cifra. / A user name is 1 to 64 of a-z, 0-9, dot, hyphen and "
           "underscore, starting with a letter or a digit.";
}

bool hasUsers(const ConsoleStore& store) {
    return store.prepare("SELECT 1 FROM users LIMIT 1").step();
}

User addUser(ConsoleStore& store, std::string_view name, Role role, std::string_view body,
             std::string_view password, UnixSeconds now) {
    if (auto p = userNameProblem(name)) throw AccountError(*p);
    if (auto p = passwordProblem(password)) throw AccountError(*p);
    if (body.size() > 64 || (!body.empty() && userNameProblem(body)))
        throw AccountError(
            "L'ente (--body) usa le stesse regole dei nomi utente. / The body (--body) follows the rules of "
            "user names.");
    if (findUser(store, name)) {
        std::string msg = "L'utente \"";
        msg += name;
        msg += "\" esiste già. / The user \"";
        msg += name;
        msg += "\" already exists.";
        throw AccountError(msg);
    }
    store.prepare("INSERT INTO users(name, role, body, password_hash, created_at) VALUES (?,?,?,?,?)")
        .bind(1, name)
        .bind(2, roleName(role))
        .bind(3, std::string(body))
        .bind(4, hashPassword(password))
        .bind(5, static_cast<std::int64_t>(now))
        .run();
    return *findUserById(store, store.lastInsertId());
}

std::optional<User> findUser(const ConsoleStore& store, std::string_view name) {
    auto st = store.prepare(std::string(kUserColumns) + "WHERE name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return userFrom(st);
}

std::optional<User> findUserById(const ConsoleStore& store, std::int64_t id) {
    auto st = store.prepare(std::string(kUserColumns) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return userFrom(st);
}

std::vector<User> listUsers(const ConsoleStore& store) {
    std::vector<User> out;
    auto st = store.prepare(std::string(kUserColumns) + "ORDER BY name");
    while (st.step()) out.push_back(userFrom(st));
    return out;
}

void unlockUser(ConsoleStore& store, std::int64_t userId) {
    store.prepare("UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = ?").bind(1, userId).run();
}

namespace {

LoginResult checkLogin(ConsoleStore& store, std::string_view name, std::string_view password,
                       std::string_view address, UnixSeconds now) {
    LoginResult r;
    // Old failures beyond the throttle window no longer count; the table stays small.
    store.prepare("DELETE FROM login_failures WHERE at <= ?")
        .bind(1, static_cast<std::int64_t>(now - kThrottleWindow))
        .run();
    auto recent = store.prepare("SELECT count(*) FROM login_failures WHERE address = ?");
    recent.bind(1, std::string(address));
    recent.step();
    if (recent.integer(0) >= kThrottleFailures) {
        audit(store, now, name, "login_throttled", name, "too many failed log-ins from this address",
              address);
        r.outcome = LoginOutcome::Throttled;
        return r;
    }
    const auto user = findUser(store, name);
    if (user && user->lockedUntil > now) {
        std::string why = "locked until ";
        why += formatIsoRome(user->lockedUntil);
        audit(store, now, name, "login_refused_locked", name, why, address);
        r.outcome = LoginOutcome::Locked;
        r.lockedUntil = user->lockedUntil;
        return r;
    }
    std::string hash = decoyHash();
    if (user) {
        auto st = store.prepare("SELECT password_hash FROM users WHERE id = ?");
        st.bind(1, user->id);
        if (st.step()) hash = st.text(0);
    }
    const bool good = verifyPassword(hash, password) && user;
    if (good) {
        store.prepare("UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = ?")
            .bind(1, user->id)
            .run();
        audit(store, now, user->name, "login", user->name, "", address);
        r.outcome = LoginOutcome::Ok;
        r.user = findUserById(store, user->id);
        return r;
    }
    store.prepare("INSERT INTO login_failures(address, at) VALUES (?, ?)")
        .bind(1, std::string(address))
        .bind(2, static_cast<std::int64_t>(now))
        .run();
    r.outcome = LoginOutcome::Wrong;
    if (!user) {
        audit(store, now, name, "login_failed", name, "unknown user", address);
        return r;
    }
    const int failures = user->failedLogins + 1;
    if (failures >= kLockAfterFailures) {
        store.prepare("UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?")
            .bind(1, static_cast<std::int64_t>(now + kLockSeconds))
            .bind(2, user->id)
            .run();
        audit(store, now, user->name, "login_failed", user->name, "wrong password", address);
        audit(store, now, user->name, "account_locked", user->name,
              std::to_string(failures) + " wrong passwords in a row; locked until " +
                  formatIsoRome(now + kLockSeconds),
              address);
        r.outcome = LoginOutcome::Locked;
        r.lockedUntil = now + kLockSeconds;
        return r;
    }
    store.prepare("UPDATE users SET failed_logins = ? WHERE id = ?")
        .bind(1, failures)
        .bind(2, user->id)
        .run();
    audit(store, now, user->name, "login_failed", user->name, "wrong password", address);
    return r;
}

}  // namespace

LoginResult attemptLogin(ConsoleStore& store, std::string_view name, std::string_view password,
                         std::string_view address, UnixSeconds now) {
    // The failure count, the lock and the audit entry change together.
    StoreTransaction tx(store);
    LoginResult r = checkLogin(store, name, password, address, now);
    tx.commit();
    return r;
}

std::string addApiToken(ConsoleStore& store, std::string_view userName, UnixSeconds now) {
    const auto user = findUser(store, userName);
    if (!user) {
        std::string msg = "L'utente \"";
        msg += userName;
        msg += "\" non esiste. / There is no user \"";
        msg += userName;
        msg += "\".";
        throw AccountError(msg);
    }
    std::string token = "vtc_";
    token += randomHex(32);
    store.prepare("INSERT INTO api_tokens(user_id, token_hash, created_at) VALUES (?,?,?)")
        .bind(1, user->id)
        .bind(2, secretHash(token))
        .bind(3, static_cast<std::int64_t>(now))
        .run();
    return token;
}

std::optional<User> userForApiToken(const ConsoleStore& store, std::string_view token) {
    if (token.size() != 68 || token.rfind("vtc_", 0) != 0) return std::nullopt;
    auto st = store.prepare("SELECT user_id FROM api_tokens WHERE token_hash = ?");
    st.bind(1, secretHash(token));
    if (!st.step()) return std::nullopt;
    return findUserById(store, st.integer(0));
}

bool canPublish(const User& u) {
    return u.role == Role::Publisher || u.role == Role::Admin;
}

}  // namespace vt::console
