// vetrina publish --content DIR --out DIR --key FILE [--revision N] [--expires-days N] [--password-stdin]
#include "args.h"
#include "commands.h"
#include "key_password.h"

#include "core/sync/publish.h"
#include "core/system/board_clock.h"
#include "core/util/files.h"

#include <cstdio>
#include <ctime>

namespace vt {

int cmdPublish(int argc, char** argv) {
    Args args(argc, argv, 2, {"password-stdin", "quiet"});
    args.allowOnly({"content", "out", "key", "revision", "expires-days", "password-stdin", "quiet"});
    PublishOptions o;
    o.contentDir = args.require("content");
    o.outDir = args.require("out");
    const std::string keyPath = args.require("key");
    try {
        if (auto r = args.get("revision")) o.revision = std::stoll(*r);
        if (auto d = args.get("expires-days")) o.expiresDays = std::stoi(*d);
    } catch (const std::exception&) {
        throw UsageError("--revision and --expires-days take whole numbers");
    }
    o.now = boardNow();
    auto keyText = readFile(keyPath, 1 << 16);
    if (!keyText) throw std::runtime_error(keyPath + ": cannot read the secret key");
    std::optional<std::string> password;
    try {
        if (secretKeyIsEncrypted(*keyText)) {
            password = keyPassword(args);
            if (!password)
                throw KeyError(
                    "the secret key is encrypted (scrypt): set VETRINA_KEY_PASSWORD or use --password-stdin");
        }
    } catch (const KeyError& e) {
        std::fprintf(stderr, "%s: %s\n", keyPath.c_str(), e.what());
        return 1;
    }
    SecretKey key;
    try {
        key = parseSecretKey(*keyText, password);
    } catch (const KeyError& e) {
        std::fprintf(stderr, "%s: %s\n", keyPath.c_str(), e.what());
        return 1;
    }
    const PublishResult r = publishContent(o, key);
    if (!r.ok()) {
        for (const std::string& e : r.errors) std::fprintf(stderr, "%s\n", e.c_str());
        std::fprintf(stderr, "nothing published: %zu problem(s)\n", r.errors.size());
        return 1;
    }
    if (!args.has("quiet"))
        std::printf("published revision %lld: %zu files (%d new), expires %s, signed by key %s\n",
                    static_cast<long long>(r.manifest.revision), r.manifest.files.size(), r.filesCopied,
                    formatIsoUtc(r.manifest.expires).c_str(), key.publicKey().keyIdHex().c_str());
    return 0;
}

}  // namespace vt
