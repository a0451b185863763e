#include "core/sync/minisign.h"
#include "core/util/files.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace vt;
using vt::test::readAll;
using vt::test::runCommand;
using vt::test::scratchDir;

TEST_CASE("a signature verifies, and any change to data, comment or key is refused", "[sync][minisign]") {
    const SecretKey sk = generateSecretKey();
    const SecretKey other = generateSecretKey();
    const std::string data = "{\"revision\": 3}";
    const std::string sig = signDetached(data, sk, "revision:3 expires:2026-12-01T00:00:00Z");

    SignatureCheck ok = verifyDetached(data, sig, {other.publicKey(), sk.publicKey()});
    REQUIRE(ok.ok);
    CHECK(ok.keyIndex == 1);
    CHECK(ok.trustedComment == "revision:3 expires:2026-12-01T00:00:00Z");

    CHECK_THAT(verifyDetached(data + " ", sig, {sk.publicKey()}).error, Catch::Contains("bad signature"));
    std::string edited = sig;
    edited.replace(edited.find("revision:3"), 10, "revision:9");
    CHECK_THAT(verifyDetached(data, edited, {sk.publicKey()}).error,
               Catch::Contains("trusted comment was altered"));
    CHECK_THAT(verifyDetached(data, sig, {other.publicKey()}).error,
               Catch::Contains("not one of the pinned keys"));
    CHECK_THAT(verifyDetached(data, "garbage", {sk.publicKey()}).error,
               Catch::Contains("not in minisign format"));
}

TEST_CASE("public keys round-trip through the minisign text form", "[sync][minisign]") {
    const SecretKey sk = generateSecretKey();
    const std::string file = formatPublicKeyFile(sk.publicKey());
    const PublicKey back = parsePublicKey(file);
    CHECK(back.encoded() == sk.publicKey().encoded());
    CHECK(parsePublicKey(back.encoded()).keyIdHex() == sk.publicKey().keyIdHex());
    CHECK_THROWS_AS(parsePublicKey("RWQ not base64!"), KeyError);
    CHECK_THROWS_AS(parsePublicKey(""), KeyError);
}

TEST_CASE("our secret keys, plain or encrypted with a password (scrypt)", "[sync][minisign]") {
    const SecretKey sk = generateSecretKey();
    const std::string plain = formatSecretKeyFile(sk, std::nullopt);
    CHECK_FALSE(secretKeyIsEncrypted(plain));
    CHECK(parseSecretKey(plain, std::nullopt).publicKey().encoded() == sk.publicKey().encoded());

    const std::string enc = formatSecretKeyFile(sk, std::string("parola segreta"));
    CHECK(secretKeyIsEncrypted(enc));
    CHECK(parseSecretKey(enc, std::string("parola segreta")).publicKey().encoded() ==
          sk.publicKey().encoded());
    CHECK_THROWS_WITH(parseSecretKey(enc, std::nullopt), Catch::Contains("encrypted"));
    CHECK_THROWS_WITH(parseSecretKey(enc, std::string("sbagliata")), Catch::Contains("wrong password"));
}

TEST_CASE("signatures interoperate with the minisign command, both ways", "[sync][minisign][interop]") {
    const std::string dir = scratchDir("minisign-interop");
    const std::string payload = dir + "/manifest.json";
    REQUIRE(writeFileAtomic(payload, "{\"revision\": 7, \"note\": \"àèìòù\"}\n"));

    SECTION("vetrina signs, minisign verifies") {
        const SecretKey sk = generateSecretKey();
        REQUIRE(writeFileAtomic(dir + "/v.pub", formatPublicKeyFile(sk.publicKey())));
        REQUIRE(writeFileAtomic(payload + ".minisig",
                                signDetached(readAll(payload), sk, "revision:7 expires:x")));
        std::string out;
        CHECK(runCommand("minisign -V -p " + dir + "/v.pub -m " + payload + " 2>&1", &out) == 0);
        CHECK_THAT(out, Catch::Contains("revision:7 expires:x"));
        // ...and refuses a tampered payload.
        REQUIRE(writeFileAtomic(payload, "{\"revision\": 8}\n"));
        CHECK(runCommand("minisign -V -p " + dir + "/v.pub -m " + payload + " 2>&1") != 0);
    }
    SECTION("minisign makes the key (-W, unencrypted) and signs, vetrina verifies and signs with that key") {
        REQUIRE(runCommand("minisign -G -W -f -p " + dir + "/m.pub -s " + dir + "/m.sec >/dev/null 2>&1") ==
                0);
        REQUIRE(runCommand("minisign -S -s " + dir + "/m.sec -m " + payload +
                           " -t 'revision:7 by minisign' 2>&1") == 0);
        const PublicKey pk = parsePublicKey(readAll(dir + "/m.pub"));
        const SignatureCheck c = verifyDetached(readAll(payload), readAll(payload + ".minisig"), {pk});
        INFO(c.error);
        REQUIRE(c.ok);
        CHECK(c.trustedComment == "revision:7 by minisign");
        CHECK_FALSE(verifyDetached(readAll(payload) + "x", readAll(payload + ".minisig"), {pk}).ok);

        const SecretKey sk = parseSecretKey(readAll(dir + "/m.sec"), std::nullopt);
        CHECK(sk.publicKey().encoded() == pk.encoded());
        REQUIRE(writeFileAtomic(payload + ".minisig", signDetached(readAll(payload), sk, "revision:8")));
        CHECK(runCommand("minisign -V -p " + dir + "/m.pub -m " + payload + " >/dev/null 2>&1") == 0);
    }
    SECTION("an encrypted key of ours is readable by minisign") {
        const SecretKey sk = generateSecretKey();
        REQUIRE(writeFileAtomic(dir + "/e.sec", formatSecretKeyFile(sk, std::string("pw"))));
        REQUIRE(writeFileAtomic(dir + "/e.pub", formatPublicKeyFile(sk.publicKey())));
        REQUIRE(runCommand("echo pw | minisign -S -s " + dir + "/e.sec -m " + payload + " >/dev/null 2>&1") ==
                0);
        CHECK(verifyDetached(readAll(payload), readAll(payload + ".minisig"), {sk.publicKey()}).ok);
    }
}
