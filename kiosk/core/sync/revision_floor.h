// What must survive the loss of the content store (a corrupted or deleted vetrina.db): the
// replay protection and the last accepted signed manifest of each source, in small files of the
// data directory written atomically.
//
//   <data>/floor/<source>.json           the highest accepted manifest revision or trigger `sent`
//   <data>/accepted/<source>/manifest.json(.minisig)   the last applied manifest and its signature
//
// The floor is only ever raised; the sync engine takes the higher of it and the store's value, so
// an older signed manifest stays refused after the store was rebuilt. The accepted manifest lets
// a new store be rebuilt from the cached objects, verified again against the pinned keys.
#pragma once

#include <cstdint>
#include <string>

namespace vt {

// 0 when nothing was recorded (or the file is unreadable).
std::int64_t readRevisionFloor(const std::string& dataDir, const std::string& source);
// Raises the floor to `value` when it is lower; false when the file cannot be written.
bool raiseRevisionFloor(const std::string& dataDir, const std::string& source, std::int64_t value);

// The folder of the source's last accepted manifest (it may not exist).
std::string acceptedManifestDir(const std::string& dataDir, const std::string& source);
bool keepAcceptedManifest(const std::string& dataDir, const std::string& source, const std::string& manifest,
                          const std::string& signature);

}  // namespace vt
