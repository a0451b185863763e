#include "core/sync/trigger_source.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace vt {

namespace {

constexpr std::uint64_t kMaxSignatureBytes = 4096;

TriggerCheck refused(const std::string& source, const std::string& why) {
    TriggerCheck c;
    c.error = "trigger refused (source \"" + source + "\"): " + why + "; the alerts shown are kept";
    return c;
}

}  // namespace

TriggerCheck verifyTrigger(const std::string& sourceName, const std::vector<PublicKey>& keys,
                           const std::string& trigger, const std::string& signature, UnixSeconds newestSent) {
    SignatureCheck sig = verifyDetached(trigger, signature, keys);
    if (!sig.ok) {
        // minisign.cpp words its errors for manifests; the same checks apply to a trigger.
        std::string why = sig.error;
        if (const size_t at = why.find("the manifest"); at != std::string::npos)
            why.replace(at, 12, "the trigger");
        return refused(sourceName, why);
    }
    std::string error;
    std::optional<AlertTrigger> t = parseAlertTrigger(trigger, error);
    if (!t) return refused(sourceName, error);
    if (t->sent < newestSent)
        return refused(sourceName, "replay of an older trigger (sent " + formatIsoUtc(t->sent) +
                                       ", a trigger sent " + formatIsoUtc(newestSent) +
                                       " was already accepted)");
    TriggerCheck c;
    c.ok = true;
    c.sent = t->sent;
    c.keyId = keys[static_cast<size_t>(sig.keyIndex)].keyIdHex();
    return c;
}

TriggerCheck checkSignedTrigger(const SourceConfig& src, const std::string& triggerUrl,
                                const std::string& trigger, UnixSeconds newestSent,
                                const FetchLimits& limits) {
    FetchRequest req;
    req.url = triggerUrl + ".minisig";
    req.limits = limits;
    req.limits.maxBytes = kMaxSignatureBytes;
    const FetchResult sig = fetchUrl(req);
    if (!sig.ok()) return refused(src.name, "missing signature: " + req.url + ": " + sig.error);
    std::vector<PublicKey> keys;
    for (const std::string& k : src.publicKeys) keys.push_back(parsePublicKey(k));
    return verifyTrigger(src.name, keys, trigger, sig.body, newestSent);
}

std::string formatTrigger(const AlertTrigger& t) {
    nlohmann::ordered_json j;
    j["template"] = t.templateId;
    if (t.msgType != "Alert") j["msg_type"] = t.msgType;
    if (!t.cancels.empty()) j["cancels"] = t.cancels;
    if (!t.identifier.empty()) j["identifier"] = t.identifier;
    if (t.status != "Actual") j["status"] = t.status;
    j["sent"] = formatIsoRome(t.sent);
    if (t.expires) j["expires"] = formatIsoRome(*t.expires);
    if (!t.area.empty()) j["area"] = t.area;
    if (!t.text.empty()) j["text"] = t.text;
    return j.dump() + "\n";
}

SignedTrigger makeSignedTrigger(const AlertTrigger& t, const SecretKey& key) {
    SignedTrigger out;
    out.json = formatTrigger(t);
    std::string error;
    if (!parseAlertTrigger(out.json, error)) throw std::invalid_argument(error);
    out.signature = signDetached(
        out.json, key, "vetrina trigger " + t.templateId + " " + t.msgType + " sent " + formatIsoUtc(t.sent),
        "emergency trigger signed by vetrina");
    return out;
}

}  // namespace vt
