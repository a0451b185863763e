#include "sessions.h"

#include "passwords.h"

namespace vt::console {

Session openSession(ConsoleStore& store, std::optional<std::int64_t> userId, UnixSeconds now) {
    // Expired sessions go whenever a new one is made: the table holds only live ones.
    store.prepare("DELETE FROM sessions WHERE last_seen <= ? OR created_at <= ?")
        .bind(1, static_cast<std::int64_t>(now - kSessionIdleSeconds))
        .bind(2, static_cast<std::int64_t>(now - kSessionMaxSeconds))
        .run();
    Session s;
    s.id = randomHex(32);
    s.csrf = randomHex(32);
    auto st = store.prepare(
        "INSERT INTO sessions(id_hash, user_id, csrf, created_at, last_seen) VALUES (?,?,?,?,?)");
    st.bind(1, secretHash(s.id));
    if (userId)
        st.bind(2, *userId);
    else
        st.bindNull(2);
    st.bind(3, s.csrf).bind(4, static_cast<std::int64_t>(now)).bind(5, static_cast<std::int64_t>(now)).run();
    if (userId) s.user = findUserById(store, *userId);
    return s;
}

std::optional<Session> findSession(ConsoleStore& store, std::string_view id, UnixSeconds now) {
    if (id.size() != 64) return std::nullopt;
    const std::string key = secretHash(id);
    auto st = store.prepare("SELECT user_id, csrf, created_at, last_seen FROM sessions WHERE id_hash = ?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    const bool anonymous = st.isNull(0);
    const std::int64_t userId = anonymous ? 0 : st.integer(0);
    Session s;
    s.id = std::string(id);
    s.csrf = st.text(1);
    const UnixSeconds created = st.integer(2), lastSeen = st.integer(3);
    if (now - lastSeen >= kSessionIdleSeconds || now - created >= kSessionMaxSeconds) {
        store.prepare("DELETE FROM sessions WHERE id_hash = ?").bind(1, key).run();
        return std::nullopt;
    }
    store.prepare("UPDATE sessions SET last_seen = ? WHERE id_hash = ?")
        .bind(1, static_cast<std::int64_t>(now))
        .bind(2, key)
        .run();
    if (!anonymous) {
        s.user = findUserById(store, userId);
        if (!s.user) return std::nullopt;
    }
    return s;
}

void closeSession(ConsoleStore& store, std::string_view id) {
    store.prepare("DELETE FROM sessions WHERE id_hash = ?").bind(1, secretHash(id)).run();
}

void closeSessionsOf(ConsoleStore& store, std::int64_t userId) {
    store.prepare("DELETE FROM sessions WHERE user_id = ?").bind(1, userId).run();
}

bool csrfMatches(const Session& s, std::string_view sent) {
    return sameSecret(s.csrf, sent);
}

std::string sessionCookie(const std::string& id) {
    std::string c = kSessionCookie;
    c += '=';
    c += id;
    c += "; Path=/; HttpOnly; Secure; SameSite=Strict";
    return c;
}

std::string clearedSessionCookie() {
    std::string c = kSessionCookie;
    c += "=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0";
    return c;
}

}  // namespace vt::console
