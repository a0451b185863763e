// minisign parsers: public and (unencrypted-path) secret keys throw KeyError on bad input
// (documented); verifyDetached reports a refused signature in SignatureCheck and never throws.
// The secret key is parsed without a password: an encrypted key then fails fast instead of
// running scrypt with the input's own cost parameters.
#include "core/sync/minisign.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<vt::PublicKey> trusted = {vt::generateSecretKey().publicKey()};
    const std::string_view in = vt::fuzz::bytes(data, size);
    (void)vt::verifyDetached("data", in, trusted);
    try {
        (void)vt::parsePublicKey(in);
    } catch (const vt::KeyError&) {
    }
    try {
        if (!vt::secretKeyIsEncrypted(in)) (void)vt::parseSecretKey(in, std::nullopt);
    } catch (const vt::KeyError&) {
    }
    return 0;
}
