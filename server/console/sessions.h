// sessions.h — console sessions and login throttling, both in the server's
// memory: a restart logs every admin out (they log in again), and no session
// token ever touches the disk.
//
// Sessions: a random 256-bit token in a Secure, HttpOnly, SameSite=Strict
// cookie; the server keeps only its SHA-256. A session ends after `idle`
// without a request, after `absolute` in any case, at logout, and when the
// account's generation changes (new password, role, disabled).
//
// Throttling: failed logins are counted per account name and per client
// address over a 15-minute window. From the 5th failure for one account it is
// locked for 1 minute, doubling with each further failure up to 15 minutes;
// from the 20th failure from one address, that address is locked for 15
// minutes. A locked login is refused before any password is hashed.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace district::console {

using SteadyTime = std::chrono::steady_clock::time_point;

// A CSV waiting between its preview and the admin's confirmation.
struct PendingImport {
    std::string kind;    // members / menu / activities
    std::string text;
    std::string digest;  // SHA-256 of text: the confirmation names what it confirms
};

struct Session {
    std::string admin;
    std::int64_t generation = 0;
    std::string csrf;    // synchronizer token for every form of this session
    std::string client;  // address it logged in from (shown in the audit log)
    SteadyTime created{}, last_seen{};
    // Shared, not copied: every request copies its Session, and a file may be 32 MiB.
    std::shared_ptr<const PendingImport> pending;
    std::string flash;   // a message for the next page
};

class Sessions {
public:
    Sessions(std::chrono::seconds idle, std::chrono::seconds absolute);

    // A new session; returns its token (for the cookie).
    std::string create(const std::string& admin, std::int64_t generation, const std::string& client,
                       SteadyTime now);
    // The live session of a token, with last_seen moved to `now`; nullopt
    // (and the session removed) when unknown or expired.
    std::optional<Session> touch(const std::string& token, SteadyTime now);
    // True when the token names a live session, without moving last_seen.
    bool live(const std::string& token, SteadyTime now);
    void end(const std::string& token);
    void setGeneration(const std::string& token, std::int64_t generation);
    void setPending(const std::string& token, std::shared_ptr<const PendingImport> p);
    void setFlash(const std::string& token, const std::string& message);
    std::string takeFlash(const std::string& token);
    std::size_t size();

    std::chrono::seconds idle() const { return idle_; }

private:
    bool expired(const Session& s, SteadyTime now) const;
    void sweep(SteadyTime now);  // drops expired sessions, now and then

    std::chrono::seconds idle_, absolute_;
    std::mutex mutex_;
    std::map<std::string, Session> byHash_;  // SHA-256(token) -> session
    SteadyTime lastSweep_{};
};

struct ThrottlePolicy {
    int account_failures = 5;                       // before the account locks
    std::chrono::seconds account_first_lock{60};    // then doubling
    int client_failures = 20;                       // before the address locks
    std::chrono::seconds max_lock{15 * 60};
    std::chrono::seconds window{15 * 60};           // failures older than this are forgotten
};

class LoginThrottle {
public:
    explicit LoginThrottle(ThrottlePolicy p = {}) : policy_(p) {}
    // Seconds until a login for this account from this client may be tried; 0: now.
    int waitSeconds(const std::string& account, const std::string& client, SteadyTime now);
    void failed(const std::string& account, const std::string& client, SteadyTime now);
    void succeeded(const std::string& account);

private:
    struct Counter {
        int failures = 0;
        SteadyTime first{}, locked_until{};
    };
    void count(std::map<std::string, Counter>& m, const std::string& key, int limit,
               bool doubling, SteadyTime now);
    void bound(std::map<std::string, Counter>& m, SteadyTime now);

    ThrottlePolicy policy_;
    std::mutex mutex_;
    std::map<std::string, Counter> accounts_, clients_;
};

// 32 random bytes as 64 hex digits (OpenSSL RAND_bytes).
std::string randomToken();
// Constant-time comparison of two strings (lengths may leak, contents do not).
bool sameSecret(const std::string& a, const std::string& b);

}  // namespace district::console
