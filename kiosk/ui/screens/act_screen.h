// One act with every field: annulment, rectification, attachments (those on this disk open in
// the PDF viewer), and a QR code of the official act for the visitor's phone.
#pragma once

#include "core/model/act.h"
#include "core/qr/qr_code.h"
#include "ui/attachment_files.h"
#include "ui/feedback_faces.h"
#include "ui/screen_env.h"
#include "ui/touch_scroller.h"

#include <optional>
#include <vector>

namespace vt {

class ActScreen {
public:
    void draw(ScreenEnv& env, std::int64_t actId);

private:
    void load(ScreenEnv& env, std::int64_t actId);
    void drawAct(ScreenEnv& env, const Act& a, float width);

    std::optional<Act> m_act;
    std::vector<AttachmentView> m_attachments;
    QrMatrix m_qr;  // size 0: the link cannot be shown as a QR code
    std::int64_t m_loadedId = 0;
    std::uint64_t m_loadedVersion = ~0ull;
    TouchScroller m_scroller;
    FeedbackFaces m_feedback;
};

}  // namespace vt
