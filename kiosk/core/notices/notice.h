// A notice (avviso, comunicato) shown in the Notices screen and in the attract loop: staff write
// them as Markdown with a TOML front matter; news items of the town site become notices too.
#pragma once

#include "core/schedule/daypart.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vt {

struct NoticeText {
    std::string lang;  // "it", "en"...
    std::string title;
    std::string shortText;
    std::string body;  // Markdown for staff notices, plain text for news
};

struct Notice {
    std::int64_t id = 0;
    std::string source;
    std::string uid;
    std::string kind = "notice";    // "notice" or "news"
    int priority = 0;               // higher first
    int durationSeconds = 0;        // on an attract slide; 0 = from the text length
    std::vector<NoticeText> texts;  // texts[0] is the main (Italian) text
    std::string imageHash;          // key of the pre-scaled PNG in `media`; empty = no image
    int imageWidth = 0, imageHeight = 0;
    Daypart when;
    std::string link;
    std::optional<UnixSeconds> published;

    // The text in a language, falling back to the main one.
    const NoticeText& textFor(std::string_view lang) const;
    // Seconds on an attract slide: the explicit duration or 8 s plus reading time, at most 20 s.
    int slideSeconds() const;
};

}  // namespace vt
