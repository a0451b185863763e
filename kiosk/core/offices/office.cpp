#include "core/offices/office.h"

#include "core/util/italian_format.h"

#include "core/content/source_rows.h"
#include "core/search/content_index.h"
#include "core/util/text.h"

#include <toml++/toml.h>

#include <filesystem>

namespace vt {

namespace {

std::string clock(UnixSeconds t) {
    const CivilDateTime l = romeLocal(t);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d:%02d", l.hour, l.minute);
    return buf;
}

}  // namespace

std::optional<Office> parseOfficeFile(std::string_view bytes, const std::string& sourceName,
                                      ImportReport& report) {
    ++report.itemsSeen;
    const std::string stem = std::filesystem::path(sourceName).stem().string();
    toml::table t;
    try {
        t = toml::parse(sanitizeUtf8(bytes), sourceName);
    } catch (const toml::parse_error& e) {
        report.add(
            {sourceName, 1, static_cast<int>(e.source().begin.line), stem, std::string(e.description())});
        return std::nullopt;
    }
    Office o;
    o.source = sourceName;
    o.uid = t["id"].value_or(stem);
    for (auto [key, into] :
         {std::pair{"name", &o.name}, std::pair{"address", &o.address}, std::pair{"phone", &o.phone},
          std::pair{"email", &o.email}, std::pair{"web", &o.web}, std::pair{"notes", &o.notes}}) {
        const toml::node* n = t.get(key);
        if (!n) continue;
        if (auto v = n->value<std::string>()) {
            *into = trim(*v);
            continue;
        }
        report.add({sourceName, 1, static_cast<int>(n->source().begin.line), o.uid,
                    std::string("\"") + key + "\" must be a string"});
        return std::nullopt;
    }
    if (o.name.empty()) {
        report.add({sourceName, 1, 1, o.uid, "no \"name\""});
        return std::nullopt;
    }
    if (const toml::node* h = t.get("hours")) {
        const auto text = h->value<std::string>();
        try {
            if (!text) throw OpeningHoursError("must be a string");
            o.hours = OpeningHours::parse(*text);
        } catch (const OpeningHoursError& e) {
            report.add({sourceName, 1, static_cast<int>(h->source().begin.line), o.uid,
                        std::string("hours: ") + e.what()});
            return std::nullopt;
        }
    }
    ++report.itemsImported;
    return o;
}

OfficeImportResult storeOffices(Database& db, const std::string& source, const std::vector<Office>& offices,
                                UnixSeconds now) {
    Transaction tx(db);
    SourceRows rows(db, "offices", source);
    Statement ins = db.prepare(
        "INSERT INTO offices (source, uid, digest, name, address, phone, email, web, notes, hours, "
        "imported_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    for (const Office& o : offices) {
        const std::string digest = o.name + '\x1f' + o.address + '\x1f' + o.phone + '\x1f' + o.email +
                                   '\x1f' + o.web + '\x1f' + o.notes + '\x1f' + o.hours.text();
        if (rows.check(o.uid, digest) == SourceRows::State::Same) continue;
        ins.bind(1, source)
            .bind(2, o.uid)
            .bind(3, digest)
            .bind(4, o.name)
            .bind(5, o.address)
            .bind(6, o.phone);
        ins.bind(7, o.email)
            .bind(8, o.web)
            .bind(9, o.notes)
            .bind(10, o.hours.text())
            .bind(11, formatIsoUtc(now))
            .run();
    }
    const int removed = rows.finish();
    reindexOfficesOfSource(db, source);
    tx.commit();
    return {rows.inserted, rows.updated, rows.unchanged, removed};
}

namespace {

std::vector<Office> query(const Database& db, const char* where, const std::string& arg) {
    std::vector<Office> out;
    Statement st = db.prepare(
        std::string("SELECT id, source, uid, name, address, phone, email, web, notes, hours FROM offices ") +
        where + " ORDER BY name, uid");
    if (!arg.empty()) st.bind(1, arg);
    while (st.step()) {
        Office o;
        o.id = st.integer(0);
        o.source = st.text(1);
        o.uid = st.text(2);
        o.name = st.text(3);
        o.address = st.text(4);
        o.phone = st.text(5);
        o.email = st.text(6);
        o.web = st.text(7);
        o.notes = st.text(8);
        if (const std::string h = st.text(9); !h.empty()) o.hours = OpeningHours::parse(h);
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace

std::vector<Office> listOffices(const Database& db) {
    return query(db, "", "");
}

std::optional<Office> findOffice(const Database& db, const std::string& uid) {
    auto v = query(db, "WHERE uid = ?1", uid);
    if (v.empty()) return std::nullopt;
    return std::move(v.front());
}

std::string formatOpenStatusIt(const OpenStatus& s, UnixSeconds now) {
    if (s.open) {
        if (!s.closesAt) return "Aperto 24 ore su 24";
        const bool today = romeDate(*s.closesAt) == romeDate(now);
        if (today) return "Aperto ora · chiude alle " + clock(*s.closesAt);
        return std::string("Aperto ora · chiude ") + italianWeekday(weekday(romeDate(*s.closesAt))) +
               " alle " + clock(*s.closesAt);
    }
    if (!s.opensAt) return "Chiuso";
    const CivilDate d = romeDate(*s.opensAt), today = romeDate(now);
    const std::int64_t days = daysFromCivil(d) - daysFromCivil(today);
    if (days == 0) return "Apre oggi alle " + clock(*s.opensAt);
    if (days == 1) return "Apre domani alle " + clock(*s.opensAt);
    if (days < 7) return std::string("Apre ") + italianWeekday(weekday(d)) + " alle " + clock(*s.opensAt);
    return "Apre il " + std::to_string(d.day) + " " + italianMonth(d.month) + " alle " + clock(*s.opensAt);
}

}  // namespace vt
