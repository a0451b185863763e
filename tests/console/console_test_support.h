// Helpers of the console's unit tests: a fresh store in a scratch folder, a pinned instant.
#pragma once

#include "console_store.h"

#include "core/util/civil_time.h"

#include "../unit/test_support.h"

namespace vt::console::test {

// Monday 23 November 2026, 10:00 in Rome (vt::test::kPinnedInstant) as Unix seconds.
constexpr vt::UnixSeconds kNow = 1795424400;

inline ConsoleStore freshStore(const std::string& name) {
    return ConsoleStore::open(storePathIn(vt::test::scratchDir(name)));
}

}  // namespace vt::console::test
