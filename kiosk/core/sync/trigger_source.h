// Signed emergency triggers (source kind "alert-trigger"): the town's staff publish one small
// JSON file (core/alerts/alert_templates.h) and its minisign signature `<url>.minisig`; the
// kiosk polls it at the alert interval and raises the pre-installed template.
//
// Trust, checked here before the bytes reach importBuffer: the signature must verify against
// the source's pinned public keys (current or next), and the trigger's `sent` must not be older
// than the newest trigger already accepted from this source, so a captured old trigger (an old
// Cancel, an old alert) cannot be replayed. The same `sent` again is the same trigger: accepted,
// and storing it changes nothing.
//
// Staff side: makeSignedTrigger writes the JSON and signs it (`vetrina trigger`).
#pragma once

#include "core/alerts/alert_templates.h"
#include "core/config/config.h"
#include "core/sync/http_fetch.h"
#include "core/sync/minisign.h"

#include <optional>
#include <string>
#include <vector>

namespace vt {

struct TriggerCheck {
    bool ok = false;
    std::string error;  // why it was refused, naming the source
    UnixSeconds sent = 0;
    std::string keyId;  // of the key that signed it
};

// Fetches `<triggerUrl>.minisig` and checks it against `trigger` (the bytes just fetched) and the
// source's keys; refuses a trigger sent before `newestSent` (0: none accepted yet).
TriggerCheck checkSignedTrigger(const SourceConfig& src, const std::string& triggerUrl,
                                const std::string& trigger, UnixSeconds newestSent,
                                const FetchLimits& limits);
// The same checks on a signature already in hand (tests, `vetrina import` of a signed file).
TriggerCheck verifyTrigger(const std::string& sourceName, const std::vector<PublicKey>& keys,
                           const std::string& trigger, const std::string& signature, UnixSeconds newestSent);

// The JSON of a trigger (only the fields set), compact: a few hundred bytes.
std::string formatTrigger(const AlertTrigger& t);
struct SignedTrigger {
    std::string json, signature;
};
// Checks the trigger as the kiosk will parse it (throws std::invalid_argument saying why), then
// signs it; the trusted comment names the template and the time sent.
SignedTrigger makeSignedTrigger(const AlertTrigger& t, const SecretKey& key);

}  // namespace vt
