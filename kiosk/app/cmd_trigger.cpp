// vetrina trigger --key FILE --template ID --area TEXT (--expires ISO | --hours N) --out DIR
//                 [--text TEXT] [--identifier ID] [--status Actual|Exercise|Test] [--name FILE]
// vetrina trigger --key FILE --template ID --cancel IDENTIFIER --out DIR
// Writes the signed emergency trigger for the staff: DIR/trigger.json (a few hundred bytes) and
// DIR/trigger.json.minisig. Upload both where the kiosks' "alert-trigger" source points.
#include "args.h"
#include "commands.h"
#include "key_password.h"

#include "core/sync/trigger_source.h"
#include "core/system/board_clock.h"
#include "core/util/files.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace vt {

namespace {

SecretKey loadSigningKey(const Args& args, const std::string& path) {
    auto text = readFile(path, 1 << 16);
    if (!text) throw std::runtime_error(path + ": cannot read the secret key");
    std::optional<std::string> password;
    if (secretKeyIsEncrypted(*text)) {
        password = keyPassword(args);
        if (!password)
            throw KeyError(
                "the secret key is encrypted (scrypt): set VETRINA_KEY_PASSWORD or use --password-stdin");
    }
    return parseSecretKey(*text, password);
}

UnixSeconds instantOption(const Args& args, const std::string& name) {
    const std::string v = args.require(name);
    auto t = parseIsoInstant(v);
    if (!t) throw UsageError("--" + name + " \"" + v + "\" is not an ISO 8601 date-time (2026-11-23T22:00)");
    return *t;
}

}  // namespace

int cmdTrigger(int argc, char** argv) {
    Args args(argc, argv, 2, {"password-stdin", "quiet"});
    args.allowOnly({"key", "template", "area", "text", "expires", "hours", "cancel", "identifier", "status",
                    "sent", "out", "name", "password-stdin", "quiet"});
    const std::string keyPath = args.require("key");
    const std::string outDir = args.require("out");
    const std::string name = args.get("name").value_or("trigger.json");
    if (name.find('/') != std::string::npos) throw UsageError("--name is a file name, not a path");

    AlertTrigger t;
    t.templateId = args.require("template");
    t.sent = args.get("sent") ? instantOption(args, "sent") : boardNow();
    t.identifier = args.get("identifier").value_or("");
    t.status = args.get("status").value_or("Actual");
    if (auto c = args.get("cancel")) {
        t.msgType = "Cancel";
        t.cancels = *c;
    } else {
        // Written out, so the staff know what to cancel later.
        if (t.identifier.empty()) {
            std::string stamp = formatIsoUtc(t.sent);  // 2026-11-23T04:01:01Z -> 20261123T040101Z
            std::erase_if(stamp, [](char ch) { return ch == '-' || ch == ':'; });
            t.identifier = t.templateId + "-" + stamp;
        }
        t.area = args.require("area");
        t.text = args.get("text").value_or("");
        if (args.get("expires")) {
            t.expires = instantOption(args, "expires");
        } else if (auto h = args.get("hours")) {
            const double hours = std::atof(h->c_str());
            if (!(hours > 0 && hours <= 24 * 14))
                throw UsageError("--hours takes a number of hours (0 to 336)");
            t.expires = t.sent + static_cast<UnixSeconds>(hours * 3600);
        } else {
            throw UsageError("an alert needs --expires ISO or --hours N: a takeover must end by itself");
        }
    }

    SignedTrigger signedTrigger;
    try {
        const SecretKey key = loadSigningKey(args, keyPath);
        signedTrigger = makeSignedTrigger(t, key);
    } catch (const KeyError& e) {
        std::fprintf(stderr, "%s: %s\n", keyPath.c_str(), e.what());
        return 1;
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "trigger not written: %s\n", e.what());
        return 1;
    }
    std::filesystem::create_directories(outDir);
    const std::string file = outDir + "/" + name;
    // The signature first: a kiosk polling between the two writes sees a mismatch and retries,
    // never an unsigned new trigger.
    if (!writeFileAtomic(file + ".minisig", signedTrigger.signature) ||
        !writeFileAtomic(file, signedTrigger.json)) {
        std::fprintf(stderr, "%s: cannot write the trigger\n", file.c_str());
        return 1;
    }
    if (!args.has("quiet")) {
        std::printf("%s: %s of \"%s\" (%zu bytes), sent %s\n", file.c_str(), t.msgType.c_str(),
                    t.templateId.c_str(), signedTrigger.json.size(), formatIsoRome(t.sent).c_str());
        if (t.msgType == "Alert")
            std::printf("expires %s; to end it early: vetrina trigger --template %s --cancel %s ...\n",
                        formatIsoRome(*t.expires).c_str(), t.templateId.c_str(), t.identifier.c_str());
        std::printf("upload %s and %s.minisig together\n", name.c_str(), name.c_str());
    }
    return 0;
}

}  // namespace vt
