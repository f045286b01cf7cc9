#include "domain/members.h"

#include <algorithm>

namespace domain {
namespace {

constexpr const char* kMemberColumns =
    "id, coalesce(card_no,''), coalesce(phone,''), name, coalesce(birth_date,''), category, "
    "delivery_eligible";

Member readMember(const store::Statement& st) {
    return Member{st.getText(0), st.getText(1), st.getText(2), st.getText(3),
                  st.getText(4), st.getText(5), st.getInt(6) != 0};
}

std::optional<Member> one(store::Database& db, const std::string& where, const std::string& arg) {
    auto st = db.prepare(std::string("SELECT ") + kMemberColumns + " FROM members WHERE " + where);
    st.bind(1, arg);
    if (!st.step()) return std::nullopt;
    return readMember(st);
}

bool allDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Splits UTF-8 into code points (as byte strings). Invalid bytes are kept singly.
std::vector<std::string> codepoints(const std::string& s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        n = std::min(n, s.size() - i);
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

}  // namespace

std::string enrolledStationId(store::Database& db) {
    return db.queryText("SELECT station_id FROM enrollment WHERE id=1").value_or("");
}

bool isCardNumber(const std::string& s) { return s.size() >= 6 && s.size() <= 20 && allDigits(s); }

bool isPhoneNumber(const std::string& s) { return s.size() == 11 && s[0] == '1' && allDigits(s); }

IdentifyResult identifyByCard(store::Database& db, const std::string& cardNo) {
    if (!isCardNumber(cardNo)) return {IdentifyOutcome::BadInput, std::nullopt};
    auto m = one(db, "card_no=?", cardNo);
    if (!m) return {IdentifyOutcome::UnknownCard, std::nullopt};
    return {IdentifyOutcome::Found, m};
}

IdentifyResult identifyByPhone(store::Database& db, const std::string& phone,
                               const std::string& code) {
    if (!isPhoneNumber(phone) || code.size() != 4 || !allDigits(code))
        return {IdentifyOutcome::BadInput, std::nullopt};
    auto st = db.prepare(std::string("SELECT ") + kMemberColumns + " FROM members WHERE phone=?");
    st.bind(1, phone);
    bool any = false;
    while (st.step()) {
        any = true;
        Member m = readMember(st);
        // birth_date is YYYY-MM-DD: the code is MMDD.
        if (m.birth_date.size() == 10 && m.birth_date.substr(5, 2) + m.birth_date.substr(8, 2) == code)
            return {IdentifyOutcome::Found, m};
    }
    return {any ? IdentifyOutcome::WrongCode : IdentifyOutcome::UnknownPhone, std::nullopt};
}

IdentifyResult identifyByQr(store::Database& db, const std::string& text) {
    const std::string prefix = "ELDER:";
    if (text.rfind(prefix, 0) == 0) {
        auto m = memberById(db, text.substr(prefix.size()));
        if (!m) return {IdentifyOutcome::UnknownCard, std::nullopt};
        return {IdentifyOutcome::Found, m};
    }
    return identifyByCard(db, text);
}

std::optional<Member> memberById(store::Database& db, const std::string& id) {
    return one(db, "id=?", id);
}

std::vector<Member> searchMembers(store::Database& db, const std::string& query, int limit) {
    std::vector<Member> out;
    if (query.empty()) return out;
    bool digits = allDigits(query);
    auto st = db.prepare(std::string("SELECT ") + kMemberColumns + " FROM members WHERE " +
                         (digits ? "phone LIKE ? OR card_no = ?" : "name LIKE ? OR name = ?") +
                         " ORDER BY name LIMIT ?");
    st.bind(1, digits ? "%" + query : "%" + query + "%").bind(2, query).bind(3, limit);
    while (st.step()) out.push_back(readMember(st));
    return out;
}

std::string maskName(const std::string& name) {
    auto cps = codepoints(name);
    if (cps.size() <= 1) return name;
    std::string out = cps.front();
    if (cps.size() == 2) return out + "*";
    for (size_t i = 1; i + 1 < cps.size(); ++i) out += "*";
    return out + cps.back();
}

int ageOn(const std::string& birthDate, const std::string& date) {
    if (birthDate.size() != 10 || date.size() != 10) return -1;
    int by = std::stoi(birthDate.substr(0, 4)), y = std::stoi(date.substr(0, 4));
    int age = y - by;
    if (date.substr(5) < birthDate.substr(5)) --age;
    return age;
}

}  // namespace domain
