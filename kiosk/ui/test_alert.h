// The maintenance panel's test alert: a takeover like a real one, so the technician can check
// the screen and the audio, but labelled "PROVA · TEST" and saying there is no emergency. It
// never enters the store and is never logged as an alert shown.
#pragma once

#include "core/alerts/alert_store.h"

#include <string>

namespace vt {

ShownAlert makeTestAlert(UnixSeconds now);
// What read-aloud says when the test alert opens (the audio check).
std::string testAlertSpeech();

}  // namespace vt
