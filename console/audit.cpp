#include "audit.h"

namespace vt::console {

namespace {

void insertAudit(ConsoleStore& store, UnixSeconds at, std::string_view actor, std::string_view action,
                 std::string_view target, std::string_view detail, std::string_view address,
                 const AuditRevision* revision) {
    // Bound as std::string: an empty string_view may have no data pointer, which SQLite stores as NULL.
    auto st = store.prepare(
        "INSERT INTO audit(at, actor, action, target, detail, address, revision, hash_before, hash_after)"
        " VALUES (?,?,?,?,?,?,?,?,?)");
    st.bind(1, static_cast<std::int64_t>(at))
        .bind(2, std::string(actor))
        .bind(3, std::string(action))
        .bind(4, std::string(target))
        .bind(5, std::string(detail))
        .bind(6, std::string(address));
    if (revision) {
        st.bind(7, revision->revision).bind(8, revision->hashBefore).bind(9, revision->hashAfter);
    } else {
        st.bindNull(7).bindNull(8).bindNull(9);
    }
    st.run();
}

}  // namespace

void audit(ConsoleStore& store, UnixSeconds at, std::string_view actor, std::string_view action,
           std::string_view target, std::string_view detail, std::string_view address) {
    insertAudit(store, at, actor, action, target, detail, address, nullptr);
}

void audit(ConsoleStore& store, UnixSeconds at, std::string_view actor, std::string_view action,
           std::string_view target, std::string_view detail, std::string_view address,
           const AuditRevision& revision) {
    insertAudit(store, at, actor, action, target, detail, address, &revision);
}

std::string actionLabel(std::string_view action) {
    static const std::pair<const char*, const char*> kLabels[] = {
        {"init", "Console creata / Console created"},
        {"login", "Accesso / Log-in"},
        {"login_failed", "Accesso non riuscito / Failed log-in"},
        {"account_locked", "Utente bloccato / User locked out"},
        {"login_refused_locked", "Accesso rifiutato: utente bloccato / Refused: locked out"},
        {"login_throttled", "Troppi tentativi da un indirizzo / Too many attempts from an address"},
        {"logout", "Uscita / Log-out"},
        {"csrf_refused", "Modulo rifiutato: senza token / Form refused: no token"},
        {"user_add", "Utente creato / User created"},
        {"user_unlock", "Utente sbloccato / User unlocked"},
        {"token_add", "Token API creato / API token created"},
        {"audit_export", "Registro scaricato / Log downloaded"},
        {"publish", "Revisione pubblicata e firmata / Revision published and signed"},
        {"restore", "Revisione ripristinata / Revision restored"},
        {"publish_failed", "Pubblicazione non riuscita / Publishing failed"},
        {"draft_create", "Bozza creata / Draft created"},
        {"draft_save", "Bozza modificata / Draft changed"},
        {"draft_submit", "Bozza inviata per l'approvazione / Draft submitted"},
        {"draft_return", "Bozza rimandata al redattore / Draft sent back"},
        {"draft_discard", "Bozza scartata / Draft discarded"},
        {"draft_approve", "Bozza approvata e pubblicata / Draft approved and published"},
        {"approve_refused", "Approvazione rifiutata / Approval refused"},
        {"approve_failed", "Approvazione non pubblicata / Approval not published"},
    };
    for (const auto& [code, label] : kLabels)
        if (action == code) return label;
    return std::string(action);
}

std::vector<AuditEntry> recentAudit(const ConsoleStore& store, int limit) {
    std::vector<AuditEntry> out;
    auto st = store.prepare(
        "SELECT id, at, actor, action, target, detail, address, revision, hash_before, hash_after"
        " FROM audit ORDER BY id DESC LIMIT ?");
    st.bind(1, limit);
    while (st.step()) {
        AuditEntry e{st.integer(0), st.integer(1), st.text(2), st.text(3),
                     st.text(4),    st.text(5),    st.text(6), std::nullopt};
        if (!st.isNull(7)) e.revision = AuditRevision{st.integer(7), st.text(8), st.text(9)};
        out.push_back(std::move(e));
    }
    return out;
}

namespace {

void csvCell(std::string& out, std::string_view v) {
    const bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@');
    out += '"';
    if (formula) out += '\'';
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace

std::string auditCsv(const ConsoleStore& store) {
    std::string out = "id,at,actor,action,target,detail,address,revision,hash_before,hash_after\r\n";
    auto st = store.prepare(
        "SELECT id, at, actor, action, target, detail, address, revision, hash_before, hash_after"
        " FROM audit ORDER BY id");
    while (st.step()) {
        out += std::to_string(st.integer(0));
        out += ',';
        csvCell(out, formatIsoRome(st.integer(1)));
        for (int c = 2; c <= 6; ++c) {
            out += ',';
            csvCell(out, st.text(c));
        }
        out += ',';
        if (!st.isNull(7)) out += std::to_string(st.integer(7));  // a number, never a formula
        for (int c = 8; c <= 9; ++c) {
            out += ',';
            csvCell(out, st.text(c));
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace vt::console
