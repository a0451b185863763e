// Accounts and roles, log-in with throttling and lock-out, and API tokens.
#pragma once

#include "console_store.h"

#include "core/util/civil_time.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace vt::console {

// A refused account operation; the message is for the person who asked (Italian / English).
class AccountError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Role { Editor, Publisher, Admin };
std::optional<Role> parseRole(std::string_view s);
const char* roleName(Role r);
// The role's name for a clerk: "Redattore / Editor".
const char* roleLabel(Role r);

struct User {
    std::int64_t id = 0;
    std::string name;
    Role role = Role::Editor;
    std::string body;
    int failedLogins = 0;
    UnixSeconds lockedUntil = 0;
};

// Consecutive wrong passwords that lock an account, and for how long.
constexpr int kLockAfterFailures = 5;
constexpr UnixSeconds kLockSeconds = 15 * 60;
// Failed log-ins from one address (any names) within the window before it is throttled.
constexpr int kThrottleFailures = 20;
constexpr UnixSeconds kThrottleWindow = 15 * 60;

// Why a user name is refused, or nothing: 1-64 of a-z 0-9 . _ - starting with a letter or digit.
std::optional<std::string> userNameProblem(std::string_view name);

bool hasUsers(const ConsoleStore& store);
// Adds a user (the password is checked and hashed here). Throws AccountError on a bad name,
// password or body, or a name already taken.
User addUser(ConsoleStore& store, std::string_view name, Role role, std::string_view body,
             std::string_view password, UnixSeconds now);
// Who may approve, publish and restore: publishers and administrators (every role writes drafts).
bool canPublish(const User& u);
std::optional<User> findUser(const ConsoleStore& store, std::string_view name);
std::optional<User> findUserById(const ConsoleStore& store, std::int64_t id);
std::vector<User> listUsers(const ConsoleStore& store);
// Clears a lock-out and the failure count (an admin's action).
void unlockUser(ConsoleStore& store, std::int64_t userId);

enum class LoginOutcome { Ok, Wrong, Locked, Throttled };
struct LoginResult {
    LoginOutcome outcome = LoginOutcome::Wrong;
    std::optional<User> user;     // set when Ok
    UnixSeconds lockedUntil = 0;  // set when Locked
};
// Checks a name and password from `address` at `now`, counts failures, locks the account after
// kLockAfterFailures wrong passwords in a row (even the right password is then refused until the
// lock ends or an admin unlocks it), throttles an address, and writes each outcome to the audit log.
LoginResult attemptLogin(ConsoleStore& store, std::string_view name, std::string_view password,
                         std::string_view address, UnixSeconds now);

// Makes an API token for a user: returns the token (shown once), stores only its hash.
std::string addApiToken(ConsoleStore& store, std::string_view userName, UnixSeconds now);
std::optional<User> userForApiToken(const ConsoleStore& store, std::string_view token);

}  // namespace vt::console
