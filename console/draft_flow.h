// A draft's way, the same for the pages and the JSON API: save (checked), submit, send back,
// discard, approve. Each step checks the role and the four-eyes rule, and lands in the audit log
// in the same transaction. Approval is the signature: it publishes a new signed revision.
#pragma once

#include "accounts.h"
#include "console_config.h"
#include "drafts.h"

#include <optional>
#include <string>
#include <vector>

namespace vt::console {

struct FlowResult {
    int status = 200;     // HTTP status of the outcome: 200, 400, 403, 404, 409, 500
    std::string message;  // why not: "Italiano. / English."
    FieldErrors errors;   // a save's problems, by field
    std::int64_t id = 0;  // the draft
    std::int64_t revision = 0;
    std::vector<std::string> publishErrors;  // an approval refused by the publish checks
    bool ok() const { return status == 200; }
};

struct DraftInput {
    Fields fields;
    std::optional<DraftImage> image;  // a new picture
    bool keepImage = true;            // without a new one: keep the draft's picture
};

// Creates (existing == 0) or updates a draft. A draft being approved or already published cannot
// change; two open drafts of the same file are refused.
FlowResult saveDraftInput(ConsoleStore& store, const User& user, std::int64_t existing,
                          const std::string& kind, DraftInput input, UnixSeconds now,
                          const std::string& address);
FlowResult submitDraft(ConsoleStore& store, const User& user, std::int64_t id, UnixSeconds now,
                       const std::string& address);
FlowResult returnDraft(ConsoleStore& store, const User& user, std::int64_t id, const std::string& note,
                       UnixSeconds now, const std::string& address);
FlowResult discardDraft(ConsoleStore& store, const User& user, std::int64_t id, UnixSeconds now,
                        const std::string& address);
FlowResult approveDraft(const ConsoleConfig& config, ConsoleStore& store, const User& user, std::int64_t id,
                        UnixSeconds now, const std::string& address);

// The draft's content files (what approval writes and the preview shows).
ContentFiles draftFiles(const Draft& d);
// A new draft's fields from a published file: the notice's front matter and body, or the last
// approved draft of that event. Empty when the file is not one the console can edit.
std::optional<DraftInput> inputFromPublished(const ConsoleConfig& config, const ConsoleStore& store,
                                             const std::string& kind, const std::string& contentId);

struct PublishedItem {
    std::string kind, contentId, title, path;
    bool editable = false;
};
// What the content folder holds of the console's kinds, by kind then title.
std::vector<PublishedItem> listPublished(const ConsoleConfig& config, const ConsoleStore& store);

}  // namespace vt::console
