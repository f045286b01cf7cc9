#include "console/sessions.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "pki/token.h"

namespace district::console {

std::string randomToken() {
    unsigned char b[32];
    if (RAND_bytes(b, sizeof b) != 1) throw std::runtime_error("no random bytes from OpenSSL");
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char c : b) {
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
    }
    return out;
}

bool sameSecret(const std::string& a, const std::string& b) {
    return a.size() == b.size() && !a.empty() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

// ---- Sessions

Sessions::Sessions(std::chrono::seconds idle, std::chrono::seconds absolute)
    : idle_(idle), absolute_(absolute) {}

bool Sessions::expired(const Session& s, SteadyTime now) const {
    return now - s.last_seen > idle_ || now - s.created > absolute_;
}

void Sessions::sweep(SteadyTime now) {
    if (now - lastSweep_ < std::chrono::seconds(60)) return;
    lastSweep_ = now;
    std::erase_if(byHash_, [&](const auto& kv) { return expired(kv.second, now); });
}

std::string Sessions::create(const std::string& admin, std::int64_t generation,
                             const std::string& client, SteadyTime now) {
    const std::string token = randomToken();
    Session s;
    s.admin = admin;
    s.generation = generation;
    s.csrf = randomToken();
    s.client = client;
    s.created = s.last_seen = now;
    std::lock_guard lock(mutex_);
    sweep(now);
    byHash_[sha256Hex(token)] = std::move(s);
    return token;
}

std::optional<Session> Sessions::touch(const std::string& token, SteadyTime now) {
    if (token.size() != 64) return std::nullopt;
    const std::string h = sha256Hex(token);
    std::lock_guard lock(mutex_);
    auto it = byHash_.find(h);
    if (it == byHash_.end()) return std::nullopt;
    if (expired(it->second, now)) {
        byHash_.erase(it);
        return std::nullopt;
    }
    it->second.last_seen = now;
    return it->second;
}

bool Sessions::live(const std::string& token, SteadyTime now) {
    if (token.size() != 64) return false;
    std::lock_guard lock(mutex_);
    auto it = byHash_.find(sha256Hex(token));
    return it != byHash_.end() && !expired(it->second, now);
}

void Sessions::end(const std::string& token) {
    std::lock_guard lock(mutex_);
    byHash_.erase(sha256Hex(token));
}

void Sessions::setGeneration(const std::string& token, std::int64_t generation) {
    std::lock_guard lock(mutex_);
    if (auto it = byHash_.find(sha256Hex(token)); it != byHash_.end())
        it->second.generation = generation;
}

void Sessions::setPending(const std::string& token, std::shared_ptr<const PendingImport> p) {
    std::lock_guard lock(mutex_);
    if (auto it = byHash_.find(sha256Hex(token)); it != byHash_.end()) it->second.pending = std::move(p);
}

void Sessions::setFlash(const std::string& token, const std::string& message) {
    std::lock_guard lock(mutex_);
    if (auto it = byHash_.find(sha256Hex(token)); it != byHash_.end()) it->second.flash = message;
}

std::string Sessions::takeFlash(const std::string& token) {
    std::lock_guard lock(mutex_);
    auto it = byHash_.find(sha256Hex(token));
    if (it == byHash_.end()) return {};
    return std::exchange(it->second.flash, std::string());
}

std::size_t Sessions::size() {
    std::lock_guard lock(mutex_);
    return byHash_.size();
}

// ---- LoginThrottle

int LoginThrottle::waitSeconds(const std::string& account, const std::string& client,
                               SteadyTime now) {
    std::lock_guard lock(mutex_);
    auto left = [&](const std::map<std::string, Counter>& m, const std::string& key) {
        auto it = m.find(key);
        if (it == m.end() || it->second.locked_until <= now) return 0;
        return static_cast<int>(
            std::chrono::ceil<std::chrono::seconds>(it->second.locked_until - now).count());
    };
    return std::max(left(accounts_, account), left(clients_, client));
}

void LoginThrottle::count(std::map<std::string, Counter>& m, const std::string& key, int limit,
                          bool doubling, SteadyTime now) {
    bound(m, now);
    Counter& c = m[key];
    if (c.failures == 0 || now - c.first > policy_.window) c = Counter{0, now, {}};
    ++c.failures;
    if (c.failures < limit) return;
    auto lock = policy_.max_lock;
    if (doubling) {
        const int extra = std::min(c.failures - limit, 10);
        lock = std::min(policy_.max_lock, policy_.account_first_lock * (1 << extra));
    }
    c.locked_until = now + lock;
}

// A flood of made-up names or addresses must not grow the maps without end:
// beyond 10,000 keys the ones with nothing to remember go first.
void LoginThrottle::bound(std::map<std::string, Counter>& m, SteadyTime now) {
    if (m.size() < 10000) return;
    std::erase_if(m, [&](const auto& kv) {
        return kv.second.locked_until <= now && now - kv.second.first > policy_.window;
    });
    if (m.size() >= 10000) m.erase(m.begin());
}

void LoginThrottle::failed(const std::string& account, const std::string& client, SteadyTime now) {
    std::lock_guard lock(mutex_);
    count(accounts_, account, policy_.account_failures, true, now);
    count(clients_, client, policy_.client_failures, false, now);
}

void LoginThrottle::succeeded(const std::string& account) {
    std::lock_guard lock(mutex_);
    accounts_.erase(account);
}

}  // namespace district::console
