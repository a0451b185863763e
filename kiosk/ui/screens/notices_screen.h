// Notices (avvisi): the list of those showing now and the detail of one, with its image, in the
// visitor's language (Italian when the notice has no translation).
#pragma once

#include "core/notices/notice.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <vector>

namespace vt {

// Markdown of staff notices as plain reading text: emphasis marks dropped, list items as "•".
std::string noticePlainText(std::string_view markdown);
// Draws a notice's image scaled into `box` (keeping its shape); returns the height used (0: none).
float drawNoticeImage(Ui& ui, const ScreenEnv& env, const Notice& n, ImVec2 pos, ImVec2 box,
                      float alpha = 1.0f);

class NoticesScreen {
public:
    void drawList(ScreenEnv& env);
    void drawDetail(ScreenEnv& env, std::int64_t id);
    // How many notices are showing now (for the Home tile); loads when needed.
    int count(ScreenEnv& env);

private:
    void reloadIfNeeded(ScreenEnv& env);

    std::vector<Notice> m_notices;
    std::uint64_t m_loadedVersion = ~0ull;
    UnixSeconds m_loadedAt = 0;
    std::int64_t m_detailId = 0;
    TouchScroller m_listScroller, m_detailScroller;
};

}  // namespace vt
