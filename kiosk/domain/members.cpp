#include "domain/members.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "config/elder_qr.h"
#include "config/member_hash.h"
#include "store/trusted_keys.h"

namespace domain {
namespace {

constexpr const char* kMemberColumns =
    "id, masked_name, coalesce(birth_ym,''), coalesce(phone_last4,''), hukou, categories, care_level, "
    "has_address, status, living_alone, home_station_id";

Member readMember(const store::Statement& st) {
    Member m;
    m.id = st.getText(0);
    m.name = st.getText(1);
    m.birth_ym = st.getText(2);
    m.phone_last4 = st.getText(3);
    m.hukou = st.getInt(4) != 0;
    const auto cats = nlohmann::json::parse(st.getText(5), nullptr, false);
    if (cats.is_array())
        for (const auto& c : cats)
            if (c.is_string()) m.categories.push_back(c.get<std::string>());
    m.care_level = static_cast<int>(st.getInt(6));
    m.has_address = st.getInt(7) != 0;
    m.status = st.getText(8);
    m.living_alone = st.getInt(9) != 0;
    m.home_station_id = st.getText(10);
    return m;
}

// Members the district refused (an enrolment rejected) are nobody here.
std::optional<Member> one(store::Database& db, const std::string& where, const std::string& arg) {
    auto st = db.prepare(std::string("SELECT ") + kMemberColumns + " FROM members WHERE status<>'rejected' AND " + where);
    st.bind(1, arg);
    if (!st.step()) return std::nullopt;
    return readMember(st);
}

bool allDigits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string enrolledStationId(store::Database& db) {
    return db.queryText("SELECT station_id FROM enrollment WHERE id=1").value_or("");
}

bool isCardNumber(const std::string& s) { return s.size() >= 6 && s.size() <= 20 && allDigits(s); }

bool isPhoneNumber(const std::string& s) { return s.size() == 11 && s[0] == '1' && allDigits(s); }

IdentifyResult identifyByCard(store::Database& db, const std::string& cardNo) {
    if (!isCardNumber(cardNo)) return {IdentifyOutcome::BadInput, std::nullopt};
    const std::string key = store::memberKey(db);
    if (key.empty()) return {IdentifyOutcome::UnknownCard, std::nullopt};  // not enrolled: no one is known
    const std::string hash = config::cardHash(key, cardNo);
    if (auto owner = db.queryText("SELECT member_id FROM blocked_cards WHERE card_hash=?", hash))
        return {IdentifyOutcome::BlockedCard, memberById(db, *owner)};
    auto m = one(db, "card_hash=?", hash);
    if (!m) return {IdentifyOutcome::UnknownCard, std::nullopt};
    return {IdentifyOutcome::Found, m};
}

IdentifyResult identifyByPhone(store::Database& db, const std::string& phone, const std::string& code,
                               const core::Clock& clock) {
    if (!isPhoneNumber(phone) || code.size() != 4 || !allDigits(code))
        return {IdentifyOutcome::BadInput, std::nullopt};
    const std::string key = store::memberKey(db);
    if (key.empty()) return {IdentifyOutcome::UnknownPhone, std::nullopt};
    const std::string phoneKey = config::phoneHash(key, phone);
    const std::string since = core::isoLocal(clock.now() - std::chrono::hours(1));
    // Times are written by this clock in one format, so they compare as text.
    const auto wrong = db.queryInt("SELECT count(*) FROM identify_attempts WHERE phone_hash=? AND at>?",
                                   phoneKey, since).value_or(0);
    if (wrong >= kMaxWrongBirthdays) return {IdentifyOutcome::TooManyTries, std::nullopt};
    if (auto m = one(db, "phone_birthday_hash=?", config::phoneBirthdayHash(key, phone, code)))
        return {IdentifyOutcome::Found, m};
    if (!db.queryInt("SELECT 1 FROM members WHERE phone_hash=? LIMIT 1", phoneKey))
        return {IdentifyOutcome::UnknownPhone, std::nullopt};
    store::Transaction tx(db);
    db.run("DELETE FROM identify_attempts WHERE at<=?", since);
    db.run("INSERT INTO identify_attempts(phone_hash, at) VALUES (?, ?)", phoneKey, core::isoLocal(clock.now()));
    tx.commit();
    return {wrong + 1 >= kMaxWrongBirthdays ? IdentifyOutcome::TooManyTries : IdentifyOutcome::WrongCode,
            std::nullopt};
}

IdentifyResult identifyByQr(store::Database& db, const std::string& text) {
    // The old unsigned form named any member by a sequential id.
    if (text.rfind("ELDER:", 0) == 0) return {IdentifyOutcome::ForgedCode, std::nullopt};
    const config::ElderQrCheck qr = config::verifyElderQr(text, store::trustedKeys(db).keys);
    switch (qr.status) {
        case config::ElderQrStatus::Ok: {
            auto m = memberById(db, qr.qr.member_id);
            if (!m) return {IdentifyOutcome::UnknownCard, std::nullopt};
            return {IdentifyOutcome::Found, m};
        }
        case config::ElderQrStatus::Malformed:
        case config::ElderQrStatus::BadSignature: return {IdentifyOutcome::ForgedCode, std::nullopt};
        case config::ElderQrStatus::NotElderQr: break;
    }
    return identifyByCard(db, text);
}

std::optional<Member> memberById(store::Database& db, const std::string& id) {
    return one(db, "id=?", id);
}

std::vector<Member> searchMembers(store::Database& db, const std::string& query, int limit) {
    std::vector<Member> out;
    if (query.empty()) return out;
    const std::string key = store::memberKey(db);
    std::string where;
    std::vector<std::string> args;
    if (query.size() == 4 && allDigits(query)) {
        where = "phone_last4=?";
        args = {query};
    } else if (isPhoneNumber(query) && !key.empty()) {
        where = "phone_hash=?";
        args = {config::phoneHash(key, query)};
    } else if (isCardNumber(query) && !key.empty()) {
        where = "card_hash=?";
        args = {config::cardHash(key, query)};
    } else if (allDigits(query)) {
        return out;
    } else {
        // The kiosk knows 张*明 (and 张* for a two-character name): a typed 张
        // finds every 张, 张明 the first and last characters, 张三明 itself.
        const auto cps = config::codePointsOf(query);
        auto like = [](std::string_view t) {
            std::string out;
            for (char c : t) {
                if (c == '%' || c == '_' || c == '\\') out += '\\';
                out += c;
            }
            return out;
        };
        if (cps.size() == 1) {
            where = "masked_name LIKE ? ESCAPE '\\'";
            args = {like(cps[0]) + "%"};
        } else if (cps.size() == 2) {
            where = "masked_name=? OR masked_name LIKE ? ESCAPE '\\'";
            args = {std::string(cps[0]) + "*", like(cps[0]) + "%" + like(cps[1])};
        } else {
            where = "masked_name=?";
            args = {maskName(query)};
        }
    }
    auto st = db.prepare(std::string("SELECT ") + kMemberColumns + " FROM members WHERE status<>'rejected' AND (" +
                         where + ") ORDER BY masked_name, phone_last4 LIMIT ?");
    int i = 1;
    for (const auto& a : args) st.bind(i++, a);
    st.bind(i, limit);
    while (st.step()) out.push_back(readMember(st));
    return out;
}

std::string maskName(const std::string& name) { return config::maskName(name); }

int ageOn(const std::string& birthYm, const std::string& date) {
    if (birthYm.size() < 7 || date.size() != 10) return -1;
    const int by = std::stoi(birthYm.substr(0, 4)), y = std::stoi(date.substr(0, 4));
    int age = y - by;
    // Birthday taken as the month's last day: in the birthday month itself
    // the new age counts only from the next month.
    if (date.substr(5, 2) <= birthYm.substr(5, 2)) --age;
    return age;
}

config::ElderFacts elderFacts(const Member& m, const std::string& date) {
    return config::ElderFacts{m.hukou, ageOn(m.birth_ym, date), m.categories, m.care_level, m.has_address};
}

}  // namespace domain
