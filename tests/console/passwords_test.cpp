#include "passwords.h"

#include <catch2/catch.hpp>

using namespace vt::console;

TEST_CASE("console passwords are Argon2id hashes with their own salt", "[console][passwords]") {
    const std::string h1 = hashPassword("una password lunga");
    const std::string h2 = hashPassword("una password lunga");
    CHECK(h1.rfind("$argon2id$v=19$", 0) == 0);
    CHECK(h1 != h2);  // a random salt each time
    CHECK(h1.find("una password") == std::string::npos);
    CHECK(verifyPassword(h1, "una password lunga"));
    CHECK(verifyPassword(h2, "una password lunga"));
    CHECK_FALSE(verifyPassword(h1, "una password lungA"));
    CHECK_FALSE(verifyPassword(h1, ""));
}

TEST_CASE("console password check refuses what is not an Argon2id hash", "[console][passwords]") {
    CHECK_FALSE(verifyPassword("", "x"));
    CHECK_FALSE(verifyPassword("una password lunga", "una password lunga"));  // a plain text "hash"
    CHECK_FALSE(verifyPassword("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$abc", "x"));
    CHECK_FALSE(verifyPassword(std::string(200, '$'), "x"));
}

TEST_CASE("console new passwords need 10 characters and no control characters", "[console][passwords]") {
    CHECK(passwordProblem("123456789"));
    CHECK_FALSE(passwordProblem("1234567890"));
    CHECK(passwordProblem(std::string("abcdefghij\n", 11)));
    CHECK(passwordProblem(std::string(1025, 'a')));
    CHECK(passwordProblem("corta")->find("almeno 10") != std::string::npos);
}

TEST_CASE("console secrets are random hex and compared in full", "[console][passwords]") {
    const std::string a = randomHex(32), b = randomHex(32);
    CHECK(a.size() == 64);
    CHECK(a != b);
    CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(sameSecret(a, a));
    CHECK_FALSE(sameSecret(a, b));
    CHECK_FALSE(sameSecret(a, a.substr(0, 63)));
    CHECK_FALSE(sameSecret("", ""));  // an empty token never matches an empty one
    CHECK(secretHash(a).size() == 64);
    CHECK(secretHash(a) != a);
}
