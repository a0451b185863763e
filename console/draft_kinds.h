// The kinds of content a clerk writes in the console (notices, events): their form fields, how a
// draft becomes the content files the kiosk reads (today's formats, docs/CONTENT.md), and the
// checks. The console checks each field first, with a message a clerk understands; then the
// kiosk's own parser reads the generated file, so nothing the kiosk would refuse is ever approved.
#pragma once

#include "core/util/civil_time.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vt::console {

using Fields = std::map<std::string, std::string>;
// Field name -> "Messaggio in italiano. / The message in English."; "" names the draft as a whole.
using FieldErrors = std::map<std::string, std::string>;
// Content-relative path ("notices/avviso.md", "media/avviso.png") -> the file's bytes.
using ContentFiles = std::map<std::string, std::string>;

enum class FieldType { Text, LongText, Markdown, Choice, Date, Time, Check, Image };

struct FieldChoice {
    std::string value, labelIt, labelEn;
};

struct FieldSpec {
    std::string name;  // as in the content files and the JSON API
    FieldType type = FieldType::Text;
    std::string labelIt, labelEn, helpIt, helpEn;
    bool required = false;
    size_t maxLength = 0;  // in bytes; 0: no limit beyond the form's
    std::vector<FieldChoice> choices;
    bool english = false;  // one of the optional English texts, grouped apart in the form
};

// An uploaded picture, already checked by content (console/upload_check.h).
struct DraftImage {
    std::string bytes;
    std::string extension;  // "png" or "jpg"
};

struct DraftKind {
    std::string name;  // "notice", "event"
    std::string labelIt, labelEn;
    std::string folder;  // in the content folder: "notices", "events"
    std::vector<FieldSpec> fields;
    // Problems with the fields, each by field; empty when the draft can become files.
    FieldErrors (*checkFields)(const Fields& fields, const std::optional<DraftImage>& image);
    // The content files of a draft whose fields passed checkFields. `stamp` is the draft's last
    // change (an event's DTSTAMP), so the same draft always gives the same bytes.
    ContentFiles (*files)(const Fields& fields, const std::optional<DraftImage>& image, UnixSeconds stamp);
    // The kiosk's screen that shows this draft (`vetrina shoot --screen`).
    std::string (*screen)(const Fields& fields);
};

const std::vector<const DraftKind*>& draftKinds();
const DraftKind* findDraftKind(std::string_view name);
const FieldSpec* findField(const DraftKind& kind, std::string_view name);

// Every check of a draft: the fields, then the generated files through the kiosk's parser
// (its problems mapped back to the field on that line). `id` is filled in from the title when
// empty, so the caller stores what was checked.
FieldErrors checkDraft(const DraftKind& kind, Fields& fields, const std::optional<DraftImage>& image,
                       UnixSeconds stamp);

// "Festa della Befana 2027!" -> "festa-della-befana-2027": a file name the kiosk and URLs accept.
std::string slugFrom(std::string_view text);
bool isValidContentId(std::string_view id);

}  // namespace vt::console
