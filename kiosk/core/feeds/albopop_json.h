// "AlboPOP JSON": the AlboPOP RSS profile converted to JSON (rss.channel.item[] with the
// category values as plain keys: uid, type, pubStart, pubEnd, unit...), as the AlboPOP
// converters publish it.
#pragma once

#include "core/feeds/albopop_rss.h"

#include <string>
#include <string_view>

namespace vt {

AlboFeed parseAlboPopJson(std::string_view json, const std::string& sourceName);

}  // namespace vt
