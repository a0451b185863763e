#include "core/notices/notice.h"

#include <algorithm>

namespace vt {

const NoticeText& Notice::textFor(std::string_view lang) const {
    static const NoticeText kEmpty;
    for (const NoticeText& t : texts)
        if (t.lang == lang) return t;
    return texts.empty() ? kEmpty : texts.front();
}

int Notice::slideSeconds() const {
    if (durationSeconds > 0) return durationSeconds;
    if (texts.empty()) return 8;
    // About 15 characters a second for a passer-by reading a headline and a short text.
    const size_t chars = texts.front().title.size() + texts.front().shortText.size();
    return std::clamp(8 + static_cast<int>(chars / 15), 8, 20);
}

}  // namespace vt
