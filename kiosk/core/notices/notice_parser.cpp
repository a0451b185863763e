#include "core/notices/notice_parser.h"

#include "core/util/text.h"

#include <toml++/toml.h>

#include <filesystem>

namespace vt {

namespace {

int lineOf(const toml::node& n, int offset) {
    return static_cast<int>(n.source().begin.line) + offset;
}

// A TOML date, date-time or ISO string as an instant; a date alone is Rome 00:00, or the end of
// that day when `endOfDay` (valid_until is inclusive of its day).
std::optional<UnixSeconds> instantOf(const toml::node& n, bool endOfDay) {
    if (const auto* d = n.as_date()) {
        const toml::date v = d->get();
        CivilDate day{v.year, v.month, v.day};
        if (!isValidDate(day)) return std::nullopt;
        return romeStartOfDay(endOfDay ? addDays(day, 1) : day);
    }
    if (const auto* dt = n.as_date_time()) {
        const toml::date_time v = dt->get();
        const CivilDateTime local{
            {v.date.year, v.date.month, v.date.day}, v.time.hour, v.time.minute, v.time.second};
        if (!v.offset) return romeToInstant(local);
        const UnixSeconds naive =
            daysFromCivil(local.date) * 86400 + local.hour * 3600 + local.minute * 60 + local.second;
        return naive - UnixSeconds(v.offset->minutes) * 60;
    }
    if (const auto* s = n.as_string()) {
        const std::string text = trim(s->get());
        if (auto day = parseIsoDate(text); day && text.size() == 10)
            return romeStartOfDay(endOfDay ? addDays(*day, 1) : *day);
        return parseIsoInstant(text);
    }
    return std::nullopt;
}

}  // namespace

ParsedNotice parseNoticeFile(std::string_view bytes, const std::string& sourceName, const AssetReader& assets,
                             const ImageLimits& limits, ImportReport& report) {
    ParsedNotice out;
    ++report.itemsSeen;
    const std::string stem = std::filesystem::path(sourceName).stem().string();
    const auto issue = [&](int line, const std::string& item, const std::string& reason) {
        report.add({sourceName, 1, line, item, reason});
    };
    // Front matter: from a first line "+++" to the next line "+++".
    std::string text = sanitizeUtf8(bytes);
    if (startsWith(text, "\xEF\xBB\xBF")) text.erase(0, 3);
    if (!startsWith(text, "+++")) {
        issue(1, stem, "no front matter: the file must start with a line \"+++\"");
        return out;
    }
    const size_t fmStart = text.find('\n');
    const size_t fmEnd = fmStart == std::string::npos ? std::string::npos : text.find("\n+++", fmStart);
    if (fmEnd == std::string::npos) {
        issue(1, stem, "the front matter is not closed by a line \"+++\"");
        return out;
    }
    const std::string front = text.substr(fmStart + 1, fmEnd - fmStart);
    const size_t bodyStart = text.find('\n', fmEnd + 1);
    const std::string body = bodyStart == std::string::npos ? "" : trim(text.substr(bodyStart + 1));
    toml::table fm;
    try {
        fm = toml::parse(front, sourceName);
    } catch (const toml::parse_error& e) {
        issue(static_cast<int>(e.source().begin.line) + 1, stem, std::string(e.description()));
        return out;
    }
    Notice n;
    n.source = sourceName;
    n.uid = fm["id"].value_or(stem);
    const auto str = [&](const toml::table& t, const char* key, std::string& into) -> bool {
        const toml::node* node = t.get(key);
        if (!node) return true;
        if (auto v = node->value<std::string>()) {
            into = trim(*v);
            return true;
        }
        issue(lineOf(*node, 1), n.uid, std::string("\"") + key + "\" must be a string");
        return false;
    };
    NoticeText it{"it", "", "", body};
    if (!str(fm, "title", it.title) || !str(fm, "short", it.shortText) || !str(fm, "body", it.body) ||
        !str(fm, "link", n.link))
        return out;
    if (it.body.empty()) it.body = body;
    if (it.title.empty()) {
        issue(1, n.uid, "no \"title\"");
        return out;
    }
    n.texts.push_back(it);
    for (const auto& [key, node] : fm) {
        const toml::table* t = node.as_table();
        if (!t) continue;
        NoticeText v{std::string(key.str()), "", "", ""};
        if (!str(*t, "title", v.title) || !str(*t, "short", v.shortText) || !str(*t, "body", v.body))
            return out;
        if (v.title.empty()) v.title = it.title;  // a partial translation keeps the Italian title
        n.texts.push_back(std::move(v));
    }
    if (const toml::node* p = fm.get("priority")) {
        auto v = p->value<std::int64_t>();
        if (!v || *v < -100 || *v > 100) {
            issue(lineOf(*p, 1), n.uid, "\"priority\" must be an integer between -100 and 100");
            return out;
        }
        n.priority = static_cast<int>(*v);
    }
    if (const toml::node* p = fm.get("duration")) {
        auto v = p->value<std::int64_t>();
        if (!v || *v < 3 || *v > 120) {
            issue(lineOf(*p, 1), n.uid, "\"duration\" must be between 3 and 120 seconds");
            return out;
        }
        n.durationSeconds = static_cast<int>(*v);
    }
    for (const char* key : {"valid_from", "valid_until"}) {
        const toml::node* p = fm.get(key);
        if (!p) continue;
        const bool until = key[6] == 'u';
        auto t = instantOf(*p, until);
        if (!t) {
            issue(lineOf(*p, 1), n.uid, std::string("\"") + key + "\" is not a date or date-time");
            return out;
        }
        (until ? n.when.validUntil : n.when.validFrom) = t;
    }
    if (n.when.validFrom && n.when.validUntil && *n.when.validUntil <= *n.when.validFrom) {
        issue(lineOf(*fm.get("valid_until"), 1), n.uid, "\"valid_until\" is before \"valid_from\"");
        return out;
    }
    std::string show, days, hours;
    if (!str(fm, "show", show) || !str(fm, "days", days) || !str(fm, "hours", hours)) return out;
    if (show.empty() && (!days.empty() || !hours.empty())) show = trim(days + " " + hours);
    if (!show.empty()) {
        try {
            n.when.windows = OpeningHours::parse(show);
        } catch (const OpeningHoursError& e) {
            const toml::node* at = fm.get("show") ? fm.get("show") : fm.get(days.empty() ? "hours" : "days");
            issue(lineOf(*at, 1), n.uid, std::string("dayparting: ") + e.what());
            return out;
        }
    }
    std::string image;
    if (!str(fm, "image", image)) return out;
    if (!image.empty()) {
        const int line = lineOf(*fm.get("image"), 1);
        std::string error;
        if (auto bytesOfImage = assets ? assets(image) : std::nullopt) {
            out.image = prepareImage(*bytesOfImage, limits, error);
        } else {
            error = "cannot read \"" + image + "\"";
        }
        if (out.image) {
            n.imageHash = out.image->hash;
            n.imageWidth = out.image->width;
            n.imageHeight = out.image->height;
        } else {
            issue(line, n.uid, "image left out: " + error);  // the notice still shows, without it
        }
    }
    out.notice = std::move(n);
    ++report.itemsImported;
    return out;
}

}  // namespace vt
