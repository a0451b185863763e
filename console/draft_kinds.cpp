// Sections: shared checks · notices · events · the registry and checkDraft
#include "draft_kinds.h"

#include "core/events/events.h"
#include "core/notices/notice_parser.h"
#include "core/util/text.h"

#include <algorithm>

namespace vt::console {

// ---------------------------------------------------------------- shared checks

namespace {

// A TOML basic string: what a clerk typed, on one line, whatever quotes or backslashes it holds.
std::string tomlString(std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
        switch (ch) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                break;
            default:
                if (static_cast<unsigned char>(ch) < 0x20) continue;  // other controls dropped
                out += ch;
        }
    }
    out += '"';
    return out;
}

std::string get(const Fields& f, const std::string& name) {
    const auto it = f.find(name);
    return it == f.end() ? "" : it->second;
}

bool checked(const Fields& f, const std::string& name) {
    const std::string v = get(f, name);
    return v == "1" || v == "on" || v == "true" || v == "yes";
}

// "2026-12-24" from a date input; nullopt when it is not a real day.
std::optional<CivilDate> dateField(const Fields& f, const std::string& name) {
    const std::string v = trim(get(f, name));
    if (v.size() != 10) return std::nullopt;
    const auto d = parseIsoDate(v);
    return d && isValidDate(*d) ? d : std::nullopt;
}

// "21:30" from a time input: minutes after midnight.
std::optional<int> timeField(const Fields& f, const std::string& name) {
    const std::string v = trim(get(f, name));
    if (v.size() != 5 || v[2] != ':' || !isdigit(static_cast<unsigned char>(v[0])) ||
        !isdigit(static_cast<unsigned char>(v[1])) || !isdigit(static_cast<unsigned char>(v[3])) ||
        !isdigit(static_cast<unsigned char>(v[4])))
        return std::nullopt;
    const int h = (v[0] - '0') * 10 + (v[1] - '0'), m = (v[3] - '0') * 10 + (v[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

const char* const kDateError =
    "Scrivi una data valida, per esempio 24/12/2026. / Enter a valid date, e.g. 24/12/2026.";
const char* const kTimeError = "Scrivi un'ora valida, per esempio 21:30. / Enter a valid time, e.g. 21:30.";

// What every kind checks alike: required fields, lengths, choices, dates, times and the id.
FieldErrors checkCommon(const DraftKind& kind, const Fields& f) {
    FieldErrors e;
    for (const FieldSpec& spec : kind.fields) {
        const std::string v = trim(get(f, spec.name));
        if (spec.required && v.empty() && spec.type != FieldType::Image) {
            e[spec.name] = "Campo obbligatorio. / Required.";
            continue;
        }
        if (v.empty()) continue;
        if (spec.maxLength && v.size() > spec.maxLength) {
            e[spec.name] = "Troppo lungo: al massimo " + std::to_string(spec.maxLength) +
                           " caratteri. / Too long: " + std::to_string(spec.maxLength) +
                           " characters at most.";
            continue;
        }
        if (spec.type == FieldType::Choice &&
            std::none_of(spec.choices.begin(), spec.choices.end(),
                         [&](const FieldChoice& c) { return c.value == v; }))
            e[spec.name] = "Scegli uno dei valori proposti. / Choose one of the values offered.";
        if (spec.type == FieldType::Date && !dateField(f, spec.name)) e[spec.name] = kDateError;
        if (spec.type == FieldType::Time && !timeField(f, spec.name)) e[spec.name] = kTimeError;
    }
    const std::string id = get(f, "id");
    if (!id.empty() && !isValidContentId(id))
        e["id"] =
            "Solo lettere minuscole senza accenti, cifre e trattini (al massimo 64), per esempio "
            "festa-patronale. / Lower-case letters, digits and hyphens only (64 at most), e.g. "
            "festa-patronale.";
    return e;
}

// The kiosk's reason (English, for developers) as a clerk reads it.
std::string clerkReason(const std::string& reason) {
    if (reason.find("is before") != std::string::npos)
        return "La fine viene prima dell'inizio. / The end comes before the start.";
    if (reason.rfind("image left out: ", 0) == 0)
        return "Questa immagine non si può usare (" + reason.substr(16) + "). / This picture cannot be used.";
    return "Il chiosco non accetta questo valore: " + reason + " / The kiosk refuses this value.";
}

// ---------------------------------------------------------------- notices

FieldSpec spec(std::string name, FieldType type, std::string labelIt, std::string labelEn,
               std::string helpIt = "", std::string helpEn = "", bool required = false, size_t maxLength = 0,
               std::vector<FieldChoice> choices = {}, bool english = false) {
    FieldSpec f;
    f.name = std::move(name);
    f.type = type;
    f.labelIt = std::move(labelIt);
    f.labelEn = std::move(labelEn);
    f.helpIt = std::move(helpIt);
    f.helpEn = std::move(helpEn);
    f.required = required;
    f.maxLength = maxLength;
    f.choices = std::move(choices);
    f.english = english;
    return f;
}

std::vector<FieldChoice> priorities() {
    return {{"0", "Normale", "Normal"},
            {"10", "Alta: prima degli altri avvisi", "High: before the other notices"},
            {"50", "Massima: in testa a tutto", "Highest: first of all"},
            {"-10", "Bassa: dopo gli altri avvisi", "Low: after the other notices"}};
}

FieldErrors checkNotice(const Fields& f, const std::optional<DraftImage>&) {
    FieldErrors e = checkCommon(*findDraftKind("notice"), f);
    const auto from = dateField(f, "valid_from"), until = dateField(f, "valid_until");
    if (from && until && *until < *from && !e.count("valid_until"))
        e["valid_until"] = "La fine viene prima dell'inizio. / The end comes before the start.";
    return e;
}

// The Markdown file with its TOML front matter, one field a line (line numbers map back to fields).
ContentFiles noticeFiles(const Fields& f, const std::optional<DraftImage>& image, UnixSeconds) {
    const std::string id = get(f, "id");
    std::string md = "+++\n";
    md += "id = " + tomlString(id) + "\n";
    md += "title = " + tomlString(trim(get(f, "title"))) + "\n";
    if (!trim(get(f, "short")).empty()) md += "short = " + tomlString(trim(get(f, "short"))) + "\n";
    const std::string priority = trim(get(f, "priority"));
    md += "priority = " + (priority.empty() ? std::string("0") : priority) + "\n";
    if (const auto d = dateField(f, "valid_from")) md += "valid_from = " + formatDate(*d) + "\n";
    if (const auto d = dateField(f, "valid_until")) md += "valid_until = " + formatDate(*d) + "\n";
    ContentFiles files;
    if (image) {
        const std::string media = "media/" + id + "." + image->extension;
        md += "image = " + tomlString("../" + media) + "\n";
        files[media] = image->bytes;
    }
    const std::string enTitle = trim(get(f, "en_title")), enShort = trim(get(f, "en_short")),
                      enBody = trim(get(f, "en_body"));
    if (!enTitle.empty() || !enShort.empty() || !enBody.empty()) {
        md += "[en]\n";
        if (!enTitle.empty()) md += "title = " + tomlString(enTitle) + "\n";
        if (!enShort.empty()) md += "short = " + tomlString(enShort) + "\n";
        if (!enBody.empty()) md += "body = " + tomlString(enBody) + "\n";
    }
    md += "+++\n";
    std::string body = get(f, "body");
    body.erase(std::remove(body.begin(), body.end(), '\r'), body.end());
    md += trim(body);
    md += '\n';
    files["notices/" + id + ".md"] = md;
    return files;
}

std::string noticeScreen(const Fields& f) {
    return "notice:" + get(f, "id");
}

// Which field a line of the generated notice holds, for the kiosk parser's problems.
std::string noticeFieldAtLine(const std::string& md, int line) {
    int n = 1;
    size_t start = 0;
    bool english = false;
    while (start < md.size()) {
        const size_t end = md.find('\n', start);
        const std::string text = md.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (text == "[en]") english = true;
        if (n == line) {
            const auto eq = text.find(" = ");
            if (eq == std::string::npos) return n > 2 ? "body" : "";
            const std::string key = text.substr(0, eq);
            return english ? "en_" + key : key;
        }
        if (end == std::string::npos) break;
        start = end + 1;
        ++n;
    }
    return "";
}

// ---------------------------------------------------------------- events

// iCalendar TEXT (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped.
std::string icalText(std::string_view s) {
    std::string out;
    for (const char ch : s) {
        if (ch == '\\' || ch == ';' || ch == ',')
            out += '\\', out += ch;
        else if (ch == '\n')
            out += "\\n";
        else if (ch != '\r' && static_cast<unsigned char>(ch) >= 0x20)
            out += ch;
    }
    return out;
}

// Content lines folded at 75 octets, never inside a UTF-8 sequence (RFC 5545 3.1).
std::string icalLine(const std::string& line) {
    std::string out;
    size_t width = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(line[i]);
        if (width >= 74 && (ch & 0xC0) != 0x80) {
            out += "\r\n ";
            width = 1;
        }
        out += line[i];
        ++width;
    }
    return out + "\r\n";
}

std::string icalDate(CivilDate d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d.year, d.month, d.day);
    return buf;
}

std::string icalLocal(CivilDate d, int minutes) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d%02d00", minutes / 60 % 24, minutes % 60);
    return icalDate(d) + buf;
}

std::string icalUtc(UnixSeconds t) {
    const CivilDate d = civilFromDays(t >= 0 ? t / 86400 : (t - 86399) / 86400);
    const std::int64_t s = t - daysFromCivil(d) * 86400;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%sT%02d%02d%02dZ", icalDate(d).c_str(), static_cast<int>(s / 3600),
                  static_cast<int>(s / 60 % 60), static_cast<int>(s % 60));
    return buf;
}

const char* const kWeekdays[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

// Rome's rules since 1996, as the kiosk computes them (core/util/civil_time.h).
const char* const kRomeTimezone =
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Rome\r\n"
    "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
    "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
    "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

FieldErrors checkEvent(const Fields& f, const std::optional<DraftImage>&) {
    FieldErrors e = checkCommon(*findDraftKind("event"), f);
    const bool allDay = checked(f, "all_day");
    if (!allDay && trim(get(f, "start_time")).empty() && !e.count("start_time"))
        e["start_time"] =
            "Scrivi l'ora d'inizio, oppure scegli «tutto il giorno». / Enter the start time, or "
            "choose “all day”.";
    const auto startDate = dateField(f, "start_date");
    const auto endDate = dateField(f, "end_date").value_or(startDate.value_or(CivilDate{}));
    const auto startTime = timeField(f, "start_time"), endTime = timeField(f, "end_time");
    if (startDate && !e.count("end_date") && !e.count("end_time")) {
        const bool before = endDate < *startDate || (!allDay && endDate == *startDate && startTime &&
                                                     endTime && *endTime <= *startTime);
        if (before)
            e[trim(get(f, "end_date")).empty() ? "end_time" : "end_date"] =
                "La fine viene prima dell'inizio. / The end comes before the start.";
    }
    if (get(f, "repeat") == "weekly" && startDate) {
        if (const auto until = dateField(f, "repeat_until"); until && *until < *startDate)
            e["repeat_until"] =
                "L'ultima data viene prima dell'inizio. / The last date comes before the start.";
    }
    return e;
}

// One VEVENT in a calendar file of its own, events/ID.ics, the way the demo town's calendar is
// written: Rome's time zone, a weekly rule on the start's weekday when asked.
ContentFiles eventFiles(const Fields& f, const std::optional<DraftImage>&, UnixSeconds stamp) {
    const std::string id = get(f, "id");
    const bool allDay = checked(f, "all_day");
    const CivilDate start = dateField(f, "start_date").value_or(CivilDate{});
    const CivilDate end = dateField(f, "end_date").value_or(start);
    std::string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Vetrina//Console del Comune//IT\r\n";
    if (!allDay) ics += kRomeTimezone;
    ics += "BEGIN:VEVENT\r\n";
    ics += icalLine("UID:" + id + "@vetrina-console");
    ics += "DTSTAMP:" + icalUtc(stamp) + "\r\n";
    ics += icalLine("SUMMARY:" + icalText(trim(get(f, "title"))));
    if (allDay) {
        ics += "DTSTART;VALUE=DATE:" + icalDate(start) + "\r\n";
        ics += "DTEND;VALUE=DATE:" + icalDate(addDays(end, 1)) + "\r\n";  // DTEND is exclusive
    } else {
        const int from = timeField(f, "start_time").value_or(0);
        const int to = timeField(f, "end_time").value_or(std::min(from + 60, 23 * 60 + 59));
        ics += "DTSTART;TZID=Europe/Rome:" + icalLocal(start, from) + "\r\n";
        ics += "DTEND;TZID=Europe/Rome:" + icalLocal(end, to) + "\r\n";
    }
    if (get(f, "repeat") == "weekly") {
        std::string rule = "RRULE:FREQ=WEEKLY;BYDAY=";
        rule += kWeekdays[weekday(start)];
        if (const auto until = dateField(f, "repeat_until"))
            // With a TZID start, UNTIL is in UTC: the end of that day in Rome.
            rule += ";UNTIL=" + (allDay ? icalDate(*until) : icalUtc(romeStartOfDay(addDays(*until, 1)) - 1));
        ics += rule + "\r\n";
    }
    if (!trim(get(f, "place")).empty()) ics += icalLine("LOCATION:" + icalText(trim(get(f, "place"))));
    if (!trim(get(f, "description")).empty())
        ics += icalLine("DESCRIPTION:" + icalText(trim(get(f, "description"))));
    ics += "END:VEVENT\r\nEND:VCALENDAR\r\n";
    return {{"events/" + id + ".ics", ics}};
}

std::string eventScreen(const Fields&) {
    return "events";
}

// ---------------------------------------------------------------- the registry

DraftKind makeNoticeKind() {
    DraftKind k;
    k.name = "notice";
    k.labelIt = "Avviso";
    k.labelEn = "Notice";
    k.folder = "notices";
    k.fields = {
        spec("title", FieldType::Text, "Titolo", "Title", "Breve e chiaro: si legge da un metro di distanza.",
             "Short and clear: it is read from a metre away.", true, 120),
        spec("short", FieldType::LongText, "Testo breve", "Short text",
             "Una o due frasi: compaiono nell'elenco e a rotazione sullo schermo.",
             "One or two sentences: shown in the list and in the rotation on screen.", true, 300),
        spec("body", FieldType::Markdown, "Testo completo", "Full text",
             "Facoltativo. Un elenco si scrive con righe che iniziano con «- »; il grassetto tra **due "
             "asterischi**.",
             "Optional. Start list lines with “- ”; bold between **two asterisks**.", false, 20000),
        spec("priority", FieldType::Choice, "Priorità", "Priority", "", "", false, 0, priorities()),
        spec("valid_from", FieldType::Date, "Visibile dal", "Shown from",
             "Facoltativo: da quel giorno (ore 0:00).", "Optional: from that day (00:00).", false),
        spec("valid_until", FieldType::Date, "Visibile fino al", "Shown until",
             "Facoltativo: fino alla fine di quel giorno.", "Optional: until the end of that day.", false),
        spec("image", FieldType::Image, "Immagine", "Picture", "Facoltativa: PNG o JPEG, al massimo 5 MB.",
             "Optional: PNG or JPEG, 5 MB at most.", false),
        spec("en_title", FieldType::Text, "Titolo in inglese", "Title in English", "", "", false, 120, {},
             true),
        spec("en_short", FieldType::LongText, "Testo breve in inglese", "Short text in English", "", "",
             false, 300, {}, true),
        spec("en_body", FieldType::LongText, "Testo completo in inglese", "Full text in English", "", "",
             false, 20000, {}, true),
        spec("id", FieldType::Text, "Identificativo", "Identifier",
             "Facoltativo: se vuoto si ricava dal titolo. Diventa il nome del file.",
             "Optional: made from the title when empty. It becomes the file name.", false, 64),
    };
    k.checkFields = checkNotice;
    k.files = noticeFiles;
    k.screen = noticeScreen;
    return k;
}

DraftKind makeEventKind() {
    DraftKind k;
    k.name = "event";
    k.labelIt = "Evento";
    k.labelEn = "Event";
    k.folder = "events";
    k.fields = {
        spec("title", FieldType::Text, "Titolo", "Title", "", "", true, 120),
        spec("place", FieldType::Text, "Luogo", "Place", "Per esempio: Piazza del Municipio.",
             "For example: Piazza del Municipio.", false, 200),
        spec("start_date", FieldType::Date, "Giorno d'inizio", "Start day", "", "", true),
        spec("start_time", FieldType::Time, "Ora d'inizio", "Start time", "", "", false),
        spec("end_date", FieldType::Date, "Giorno di fine", "End day", "Vuoto: lo stesso giorno.",
             "Empty: the same day.", false),
        spec("end_time", FieldType::Time, "Ora di fine", "End time", "Vuoto: un'ora dopo l'inizio.",
             "Empty: one hour after the start.", false),
        spec("all_day", FieldType::Check, "Tutto il giorno (senza orario)", "All day (no time)", "", "",
             false),
        spec("repeat", FieldType::Choice, "Si ripete", "Repeats", "", "", false, 0,
             {{"none", "No, una volta sola", "No, once"},
              {"weekly", "Ogni settimana, lo stesso giorno", "Every week, on the same day"}}),
        spec("repeat_until", FieldType::Date, "Ultima ripetizione", "Last repetition",
             "Facoltativo: vuoto, si ripete senza fine.", "Optional: empty, it repeats with no end.", false),
        spec("description", FieldType::LongText, "Descrizione", "Description", "", "", false, 4000),
        spec("id", FieldType::Text, "Identificativo", "Identifier",
             "Facoltativo: se vuoto si ricava dal titolo. Diventa il nome del file.",
             "Optional: made from the title when empty. It becomes the file name.", false, 64),
    };
    k.checkFields = checkEvent;
    k.files = eventFiles;
    k.screen = eventScreen;
    return k;
}

}  // namespace

const std::vector<const DraftKind*>& draftKinds() {
    static const DraftKind notice = makeNoticeKind(), event = makeEventKind();
    static const std::vector<const DraftKind*> kinds = {&notice, &event};
    return kinds;
}

const DraftKind* findDraftKind(std::string_view name) {
    for (const DraftKind* k : draftKinds())
        if (k->name == name) return k;
    return nullptr;
}

const FieldSpec* findField(const DraftKind& kind, std::string_view name) {
    for (const FieldSpec& f : kind.fields)
        if (f.name == name) return &f;
    return nullptr;
}

std::string slugFrom(std::string_view text) {
    const std::string folded = foldForMatch(text);
    std::string out;
    for (const char ch : folded) {
        const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (keep)
            out += ch;
        else if (!out.empty() && out.back() != '-')
            out += '-';
        if (out.size() >= 60) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

bool isValidContentId(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() == '-' || id.back() == '-') return false;
    return std::all_of(id.begin(), id.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    });
}

FieldErrors checkDraft(const DraftKind& kind, Fields& fields, const std::optional<DraftImage>& image,
                       UnixSeconds stamp) {
    if (trim(fields["id"]).empty()) fields["id"] = slugFrom(fields["title"]);
    fields["id"] = trim(fields["id"]);
    FieldErrors errors = kind.checkFields(fields, image);
    if (!errors.empty()) return errors;
    // The kiosk's own parser reads what would be published.
    const ContentFiles files = kind.files(fields, image, stamp);
    const std::string main = kind.folder + "/" + fields["id"] + (kind.name == "notice" ? ".md" : ".ics");
    const std::string& bytes = files.at(main);
    ImportReport report;
    if (kind.name == "notice") {
        const AssetReader assets = [&](const std::string& rel) -> std::optional<std::string> {
            const std::string path = rel.rfind("../", 0) == 0 ? rel.substr(3) : rel;
            const auto it = files.find(path);
            return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
        };
        const ParsedNotice parsed = parseNoticeFile(bytes, main, assets, ImageLimits{}, report);
        if (!parsed.notice && report.issues.empty()) errors[""] = clerkReason("unreadable notice");
    } else {
        const CalendarParse parsed = parseCalendar(bytes, main);
        report = parsed.report;
        if (parsed.events.empty() && report.issues.empty())
            errors[""] = clerkReason("no event in the calendar");
    }
    for (const ImportIssue& issue : report.issues) {
        std::string field = kind.name == "notice" ? noticeFieldAtLine(bytes, issue.line) : "";
        if (issue.reason.rfind("image left out", 0) == 0) field = "image";
        if (!findField(kind, field)) field.clear();
        if (!errors.count(field)) errors[field] = clerkReason(issue.reason);
    }
    return errors;
}

}  // namespace vt::console
