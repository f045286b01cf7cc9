#include "domain/records.h"

#include <algorithm>

#include "config/member_hash.h"
#include "core/ids.h"
#include "store/trusted_keys.h"

namespace domain {
namespace {

std::size_t codePoints(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool plainText(const std::string& s, std::size_t maxBytes) {
    if (s.size() > maxBytes) return false;
    return std::none_of(s.begin(), s.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return c < 0x20 || c == 0x7f;
    });
}

bool validDate(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    try {
        return core::dateLocal(core::parseDate(d)) == d;
    } catch (const std::invalid_argument&) {
        return false;
    }
}

// Whole years on `today` for a full birth date.
int yearsOn(const std::string& birth, const std::string& today) {
    int age = std::stoi(today.substr(0, 4)) - std::stoi(birth.substr(0, 4));
    if (today.substr(5) < birth.substr(5)) --age;
    return age;
}

std::string joined(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ";") + c;
    return out;
}


}  // namespace

EnrolOutcome checkEnrolment(const Context& ctx, const Enrolment& e) {
    const std::string key = store::memberKey(ctx.db);
    if (key.empty()) return EnrolOutcome::NotEnrolled;
    const std::size_t n = codePoints(e.name);
    if (n < 2 || n > 20 || !plainText(e.name, 64) || e.name.find(' ') != std::string::npos)
        return EnrolOutcome::BadName;
    if (!e.phone.empty() && !isPhoneNumber(e.phone)) return EnrolOutcome::BadPhone;
    const std::string today = ctx.today();
    if (!validDate(e.birth_date) || e.birth_date < "1900-01-01" || e.birth_date > today)
        return EnrolOutcome::BadBirthDate;
    if (yearsOn(e.birth_date, today) < kMinEnrolAge) return EnrolOutcome::TooYoung;
    if (!isCardNumber(e.card_no)) return EnrolOutcome::BadCard;
    const std::string card = config::cardHash(key, e.card_no);
    if (ctx.db.queryInt("SELECT 1 FROM blocked_cards WHERE card_hash=?", card)) return EnrolOutcome::CardBlocked;
    if (ctx.db.queryInt("SELECT 1 FROM members WHERE card_hash=?", card)) return EnrolOutcome::CardInUse;
    for (const auto& c : e.categories)
        if (std::none_of(std::begin(kCategoryCodes), std::end(kCategoryCodes), [&](const char* k) { return c == k; }))
            return EnrolOutcome::BadCategory;
    if (!plainText(e.address, 200)) return EnrolOutcome::BadAddress;
    return EnrolOutcome::Enrolled;
}

EnrolResult enrolMember(const Context& ctx, const Enrolment& e) {
    store::Transaction tx(ctx.db);
    if (const auto problem = checkEnrolment(ctx, e); problem != EnrolOutcome::Enrolled) return {problem, std::nullopt};
    const std::string key = store::memberKey(ctx.db);
    const std::string at = ctx.nowIso();
    Member m;
    m.id = "m-" + core::newUuid();
    m.name = maskName(e.name);
    m.birth_ym = e.birth_date.substr(0, 7);
    m.phone_last4 = e.phone.size() >= 4 ? e.phone.substr(e.phone.size() - 4) : "";
    m.status = "pending";
    m.hukou = e.hukou;
    m.categories = e.categories;
    std::sort(m.categories.begin(), m.categories.end());
    m.categories.erase(std::unique(m.categories.begin(), m.categories.end()), m.categories.end());
    m.home_station_id = ctx.stationId;
    const std::string mmdd = e.birth_date.substr(5, 2) + e.birth_date.substr(8, 2);
    std::optional<std::string> phoneHash, phoneBirthdayHash;
    if (!e.phone.empty()) {
        phoneHash = config::phoneHash(key, e.phone);
        phoneBirthdayHash = config::phoneBirthdayHash(key, e.phone, mmdd);
    }
    ctx.db.run("INSERT INTO members(id, card_hash, phone_hash, phone_birthday_hash, phone_last4, masked_name, "
               "birth_ym, status, hukou, categories, has_address, home_station_id, last_seen) "
               "VALUES (?,?,?,?,?,?,?,'pending',?,?,?,?,?)",
               m.id, config::cardHash(key, e.card_no), phoneHash, phoneBirthdayHash, m.phone_last4, m.name,
               m.birth_ym, e.hukou ? 1 : 0, nlohmann::json(m.categories).dump(), e.address.empty() ? 0 : 1,
               m.home_station_id, at);
    m.has_address = !e.address.empty();
    nlohmann::json personal = {{"name", e.name}, {"birth_date", e.birth_date}, {"card_no", e.card_no}};
    if (!e.phone.empty()) personal["phone"] = e.phone;
    if (!e.address.empty()) personal["address"] = e.address;
    ctx.oplog().append(core::newUuid(), "member_enrol",
                       {{"member_id", m.id}, {"hukou", e.hukou}, {"categories", joined(m.categories)}, {"personal", personal}},
                       at, m.id);
    tx.commit();
    return {EnrolOutcome::Enrolled, m};
}

ReplaceOutcome replaceCard(const Context& ctx, const std::string& memberId, const std::string& newCardNo) {
    const std::string key = store::memberKey(ctx.db);
    if (key.empty()) return ReplaceOutcome::NotEnrolled;
    if (!isCardNumber(newCardNo)) return ReplaceOutcome::BadCard;
    store::Transaction tx(ctx.db);
    auto old = ctx.db.queryText("SELECT coalesce(card_hash,'') FROM members WHERE id=? AND status<>'rejected'", memberId);
    if (!old) return ReplaceOutcome::UnknownMember;
    const std::string card = config::cardHash(key, newCardNo);
    if (card == *old) return ReplaceOutcome::SameCard;
    if (ctx.db.queryInt("SELECT 1 FROM blocked_cards WHERE card_hash=?", card)) return ReplaceOutcome::CardBlocked;
    if (ctx.db.queryInt("SELECT 1 FROM members WHERE card_hash=?", card)) return ReplaceOutcome::CardInUse;
    const std::string at = ctx.nowIso();
    if (!old->empty())
        ctx.db.run("INSERT OR IGNORE INTO blocked_cards(card_hash, member_id, blocked_at) VALUES (?,?,?)", *old,
                   memberId, at);
    ctx.db.run("UPDATE members SET card_hash=? WHERE id=?", card, memberId);
    ctx.oplog().append(core::newUuid(), "card_replace",
                       {{"member_id", memberId}, {"personal", {{"card_no", newCardNo}}}}, at, memberId);
    tx.commit();
    return ReplaceOutcome::Replaced;
}

}  // namespace domain
