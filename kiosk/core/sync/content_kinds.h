// Which content kind a file of a content folder is, from its folder and extension. Kinds that
// `importBuffer` knows are validated on publish and imported on sync; the others ("media",
// "town"...) are only stored, verified by hash.
#pragma once

#include <string>
#include <string_view>

namespace vt {

std::string contentKindFor(std::string_view relativePath);
// True when the kiosk imports the kind into the store (it is one of importKinds()).
bool isImportedKind(std::string_view kind);

}  // namespace vt
