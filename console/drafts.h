// Drafts in the console's store: what an editor writes, its way from draft to submitted to
// published, who did each step. The fields are kept as typed (JSON), the picture as bytes; the
// content files are made from them only when the draft is checked, previewed or approved.
#pragma once

#include "console_store.h"
#include "draft_kinds.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vt::console {

enum class DraftState { Draft, Submitted, Published, Discarded };
std::string_view stateName(DraftState s);  // "draft", "submitted", "published", "discarded"
std::optional<DraftState> parseDraftState(std::string_view s);

struct Draft {
    std::int64_t id = 0;
    std::string kind;       // "notice", "event"
    std::string contentId;  // the file's id: notices/<contentId>.md
    Fields fields;
    std::optional<DraftImage> image;
    DraftState state = DraftState::Draft;
    std::string author, submittedBy, approvedBy;
    UnixSeconds createdAt = 0, updatedAt = 0, submittedAt = 0, approvedAt = 0;
    std::int64_t revision = 0;  // the revision its approval published
    std::string returnNote;     // why a publisher sent it back
    bool replaces = false;      // it edits a file that is already published
};

std::int64_t insertDraft(ConsoleStore& store, const Draft& d);
// Saves fields, picture, state and the steps' names and times of an existing draft.
void saveDraft(ConsoleStore& store, const Draft& d);
std::optional<Draft> findDraft(const ConsoleStore& store, std::int64_t id);
// Newest first; `open` only: draft and submitted.
std::vector<Draft> listDrafts(const ConsoleStore& store, bool open);
// Another open draft of the same file, if any (two clerks must not overwrite each other).
std::optional<std::int64_t> openDraftFor(const ConsoleStore& store, const std::string& kind,
                                         const std::string& contentId, std::int64_t except);

}  // namespace vt::console
