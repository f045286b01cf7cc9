// admins.h — the district admins who use the console (server/console): accounts
// with a role, passwords kept as Argon2id hashes (libargon2), one-time passwords.
//
//   admin   reads everything, pushes configuration, approves, imports, re-issues
//   viewer  reads everything, changes nothing
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "storage.h"

namespace district {

// Argon2id cost: OWASP's baseline (19 MiB, 2 passes, one lane), about 0.1 s a
// hash on this 2-core machine; RFC 9106's 64 MiB x 3 took 0.55 s here, too
// slow for a login page on a shared server. Logins are also throttled
// (console/sessions.h). At most two hashes run at once (the rest wait), so a
// burst of logins costs at most 38 MiB. The parameters are stored in each
// hash: raising them later keeps old hashes verifiable.
struct PasswordCost {
    unsigned t_cost = 2;
    unsigned m_cost_kib = 19 * 1024;
    unsigned parallelism = 1;
};

// The PHC string "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>" (16-byte random salt).
std::string hashPassword(const std::string& password, const PasswordCost& cost = {});
// True when `password` matches `encoded` (any Argon2id parameters in it).
bool verifyPassword(const std::string& encoded, const std::string& password);
// Same time as a verify against a real account: an unknown name must not answer faster.
void verifyDummyPassword(const std::string& password);

// nullopt when acceptable: 10 to 128 bytes, not only one repeated character.
std::optional<std::string> passwordProblem(const std::string& password);
// 1 to 32 of a-z 0-9 . _ - (a login name, also shown in the audit log).
bool validAdminName(const std::string& name);
// 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I): ~90 bits.
std::string oneTimePassword();

struct AdminAdd {
    std::string name;
    std::string role = "admin";           // admin / viewer
    std::optional<std::string> password;  // nullopt: a one-time password is made
};

struct AdminAdded {
    AdminAccount account;
    bool created = false;           // false: an existing account got a new password and role
    std::string one_time_password;  // set when the password was generated
};

// Creates the account, or gives an existing one the new password and role (its
// console sessions end: the generation grows). A generated password is a
// one-time password: the console asks for a new one at the first login.
// Throws AdminError on a bad name, role or password.
AdminAdded addAdmin(Storage& storage, const AdminAdd& req, core::TimePoint now);

// The admin's own new password (the console's 修改密码): clears must_change and
// ends the account's other sessions. Throws AdminError when it is not acceptable.
AdminAccount changeAdminPassword(Storage& storage, const std::string& name,
                                 const std::string& newPassword, core::TimePoint now);

// Disables the account (its sessions end at their next request).
void disableAdmin(Storage& storage, const std::string& name, core::TimePoint now);

// `admin list`: name, role, state, last change.
std::string adminListText(Storage& storage);

}  // namespace district
