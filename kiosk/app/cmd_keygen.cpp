// vetrina keygen --secret FILE --public FILE [--encrypt [--password-stdin]] [--force]
#include "args.h"
#include "commands.h"
#include "key_password.h"

#include "core/sync/minisign.h"
#include "core/util/files.h"

#include <sys/stat.h>
#include <cstdio>
#include <filesystem>

namespace vt {

int cmdKeygen(int argc, char** argv) {
    Args args(argc, argv, 2, {"encrypt", "password-stdin", "force"});
    args.allowOnly({"secret", "public", "encrypt", "password-stdin", "force"});
    const std::string secretPath = args.require("secret");
    const std::string publicPath = args.require("public");
    if (!args.has("force"))
        for (const auto& p : {secretPath, publicPath})
            if (std::filesystem::exists(p))
                throw UsageError(p + " exists; refusing to overwrite a key (--force)");
    std::optional<std::string> password;
    if (args.has("encrypt")) {
        password = keyPassword(args);
        if (!password || password->empty())
            throw UsageError("--encrypt needs a password: set VETRINA_KEY_PASSWORD or use --password-stdin");
    }
    const SecretKey sk = generateSecretKey();
    const mode_t old = ::umask(077);  // the secret key is readable by its owner only
    const bool ok = writeFileAtomic(secretPath, formatSecretKeyFile(sk, password));
    ::umask(old);
    if (!ok) throw std::runtime_error(secretPath + ": cannot write the secret key");
    if (!writeFileAtomic(publicPath, formatPublicKeyFile(sk.publicKey())))
        throw std::runtime_error(publicPath + ": cannot write the public key");
    std::printf(
        "key id %s\nsecret key: %s (%s; keep it offline, never on a kiosk or the web server)\n"
        "public key: %s\npin it in the kiosk config:\n  public_keys = [\"%s\"]\n",
        sk.publicKey().keyIdHex().c_str(), secretPath.c_str(),
        password ? "encrypted with your password" : "NOT encrypted", publicPath.c_str(),
        sk.publicKey().encoded().c_str());
    return 0;
}

}  // namespace vt
