#include "admin/admins.h"

#include <argon2.h>
#include <openssl/rand.h>

#include <cstdio>
#include <semaphore>
#include <stdexcept>

#include "errors.h"

namespace district {
namespace {

// At most two Argon2 computations at once: each holds m_cost of memory.
std::counting_semaphore<2>& hashSlots() {
    static std::counting_semaphore<2> slots(2);
    return slots;
}

class HashSlot {
public:
    HashSlot() { hashSlots().acquire(); }
    ~HashSlot() { hashSlots().release(); }
    HashSlot(const HashSlot&) = delete;
    HashSlot& operator=(const HashSlot&) = delete;
};

void randomBytes(unsigned char* out, int n) {
    if (RAND_bytes(out, n) != 1) throw std::runtime_error("no random bytes from OpenSSL");
}

const std::string& dummyHash() {
    static const std::string h = hashPassword("not a password of anyone's");
    return h;
}

}  // namespace

std::string hashPassword(const std::string& password, const PasswordCost& cost) {
    unsigned char salt[16];
    randomBytes(salt, sizeof salt);
    constexpr std::size_t kHashLen = 32;
    std::string encoded(argon2_encodedlen(cost.t_cost, cost.m_cost_kib, cost.parallelism,
                                          sizeof salt, kHashLen, Argon2_id),
                        '\0');
    HashSlot slot;
    const int rc = argon2id_hash_encoded(cost.t_cost, cost.m_cost_kib, cost.parallelism,
                                         password.data(), password.size(), salt, sizeof salt,
                                         kHashLen, encoded.data(), encoded.size());
    if (rc != ARGON2_OK)
        throw std::runtime_error(std::string("argon2id: ") + argon2_error_message(rc));
    encoded.resize(encoded.find('\0'));
    return encoded;
}

bool verifyPassword(const std::string& encoded, const std::string& password) {
    if (encoded.rfind("$argon2id$", 0) != 0) return false;
    HashSlot slot;
    return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void verifyDummyPassword(const std::string& password) { verifyPassword(dummyHash(), password); }

std::optional<std::string> passwordProblem(const std::string& password) {
    if (password.size() < 10) return "a password has at least 10 characters";
    if (password.size() > 128) return "a password has at most 128 bytes";
    if (password.find_first_not_of(password[0]) == std::string::npos)
        return "a password is more than one character repeated";
    for (unsigned char c : password)
        if (c < 0x20 || c == 0x7f) return "a password has no control characters (line breaks, tabs)";
    return std::nullopt;
}

bool validAdminName(const std::string& name) {
    if (name.empty() || name.size() > 32) return false;
    for (unsigned char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return false;
    return true;
}

std::string oneTimePassword() {
    static const char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    constexpr unsigned kN = sizeof kAlphabet - 1;  // 56
    std::string out;
    while (out.size() < 16) {
        unsigned char b[32];
        randomBytes(b, sizeof b);
        for (unsigned char c : b)
            if (c < 256 - 256 % kN && out.size() < 16) out.push_back(kAlphabet[c % kN]);  // no bias
    }
    return out;
}

AdminAdded addAdmin(Storage& storage, const AdminAdd& req, core::TimePoint now) {
    if (!validAdminName(req.name))
        throw AdminError("an admin name is 1 to 32 of a-z, 0-9, '.', '_' or '-' (e.g. li.na)");
    if (req.role != "admin" && req.role != "viewer")
        throw AdminError("the role is admin (reads and changes) or viewer (reads only)");
    AdminAdded out;
    std::string password;
    if (req.password) {
        if (auto p = passwordProblem(*req.password)) throw AdminError(*p);
        password = *req.password;
    } else {
        password = out.one_time_password = oneTimePassword();
    }
    const std::string hash = hashPassword(password);  // slow: outside the write transaction
    const std::string at = core::isoLocal(now);
    storage.write([&](WriteTx& tx) {
        auto a = tx.admin(req.name);
        out.created = !a;
        if (!a) a = AdminAccount{req.name, req.role, hash, false, false, 0, at, at};
        a->role = req.role;
        a->password_hash = hash;
        a->must_change = !req.password;
        a->disabled = false;
        a->generation += 1;
        a->updated_at = at;
        tx.putAdmin(*a);
        out.account = *a;
    });
    return out;
}

AdminAccount changeAdminPassword(Storage& storage, const std::string& name,
                                 const std::string& newPassword, core::TimePoint now) {
    if (auto p = passwordProblem(newPassword)) throw AdminError(*p);
    std::optional<AdminAccount> before;
    storage.read([&](Tx& tx) { before = tx.admin(name); });
    // Both hashes are slow: outside the write transaction.
    if (before && verifyPassword(before->password_hash, newPassword))
        throw AdminError("the new password is the old one: choose another");
    const std::string hash = hashPassword(newPassword);
    AdminAccount out;
    storage.write([&](WriteTx& tx) {
        auto a = tx.admin(name);
        if (!a || a->disabled) throw AdminError("no active admin " + name);
        a->password_hash = hash;
        a->must_change = false;
        a->generation += 1;
        a->updated_at = core::isoLocal(now);
        tx.putAdmin(*a);
        out = *a;
    });
    return out;
}

void disableAdmin(Storage& storage, const std::string& name, core::TimePoint now) {
    storage.write([&](WriteTx& tx) {
        auto a = tx.admin(name);
        if (!a) throw AdminError("no admin " + name + " (see `admin list`)");
        a->disabled = true;
        a->generation += 1;
        a->updated_at = core::isoLocal(now);
        tx.putAdmin(*a);
    });
}

std::string adminListText(Storage& storage) {
    std::vector<AdminAccount> list;
    storage.read([&](Tx& tx) { list = tx.admins(); });
    std::string out;
    char buf[256];
    std::snprintf(buf, sizeof buf, "%-32s %-7s %-22s %s\n", "NAME", "ROLE", "STATE", "CHANGED_AT");
    out += buf;
    for (const auto& a : list) {
        const char* state = a.disabled ? "disabled" : a.must_change ? "one-time password" : "active";
        std::snprintf(buf, sizeof buf, "%-32s %-7s %-22s %s\n", a.name.c_str(), a.role.c_str(),
                      state, a.updated_at.c_str());
        out += buf;
    }
    if (list.empty()) out += "(no admins yet: district-server admin add NAME --role admin)\n";
    return out;
}

}  // namespace district
