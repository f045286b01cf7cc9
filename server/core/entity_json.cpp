#include "entity_json.h"

#include <algorithm>

#include "config/member_hash.h"

namespace district {

using nlohmann::json;

const char* toString(SeatKind k) { return k == SeatKind::Meal ? "meal" : "activity"; }

bool hasCategory(const std::vector<std::string>& categories, const std::string& code) {
    return std::find(categories.begin(), categories.end(), code) != categories.end();
}

bool onCareRule(const Member& m) {
    return m.living_alone || m.care_level >= 2 || hasCategory(m.categories, "tekun") ||
           hasCategory(m.categories, "dibao");
}

json toJson(const Station& s) {
    return {{"id", s.id}, {"name", s.name}, {"community", s.community}};
}

json memberJson(const Member& m, const std::string& memberKeyHex) {
    const std::string mmdd = m.birth_date.size() == 10 ? m.birth_date.substr(5, 2) + m.birth_date.substr(8, 2) : "";
    return {{"id", m.id},
            {"card_hash", m.card_no.empty() ? "" : config::cardHash(memberKeyHex, m.card_no)},
            {"phone_hash", m.phone.empty() ? "" : config::phoneHash(memberKeyHex, m.phone)},
            {"phone_birthday_hash",
             m.phone.empty() || mmdd.empty() ? "" : config::phoneBirthdayHash(memberKeyHex, m.phone, mmdd)},
            {"phone_last4", m.phone.size() >= 4 ? m.phone.substr(m.phone.size() - 4) : ""},
            {"masked_name", config::maskName(m.name)},
            {"birth_ym", m.birth_date.substr(0, 7)},
            {"hukou", m.hukou},
            {"categories", m.categories},
            {"care_level", m.care_level},
            {"has_address", !m.address.empty()},
            {"living_alone", m.living_alone},
            {"status", m.status},
            {"home_station_id", m.home_station_id},
            {"last_seen", m.last_seen},
            {"last_visit", m.last_visit}};
}

json deliveryJson(const Booking& b, const Member& m) {
    return {{"id", b.id},
            {"slot_id", b.slot_id},
            {"member_id", b.member_id},
            {"masked_name", config::maskName(m.name)},
            {"phone", m.phone},
            {"address", m.address},
            {"living_alone", m.living_alone},
            {"status", b.status},
            {"delivery_status", b.delivery_status},
            {"pay_cents", b.pay_cents}};
}

json careContactJson(const Member& m) {
    return {{"member_id", m.id}, {"phone", m.phone}, {"address", m.address}};
}

json blockedCardJson(const BlockedCard& b, const std::string& memberKeyHex) {
    return {{"card_hash", config::cardHash(memberKeyHex, b.card_no)},
            {"member_id", b.member_id},
            {"blocked_at", b.blocked_at}};
}

json toJson(const Canteen& c) {
    return {{"id", c.id}, {"name", c.name}, {"station_id", c.station_id}, {"address", c.address}};
}

json toJson(const MealSlot& s) {
    return {{"id", s.id},
            {"canteen_id", s.canteen_id},
            {"date", s.date},
            {"slot", s.slot},
            {"dishes", s.dishes},
            {"price_cents", s.price_cents},
            {"capacity", s.capacity},
            {"cutoff", s.cutoff}};
}

json toJson(const Activity& a) {
    return {{"id", a.id},
            {"station_id", a.station_id},
            {"title", a.title},
            {"category", a.category},
            {"starts_at", a.starts_at},
            {"ends_at", a.ends_at},
            {"place", a.place},
            {"capacity", a.capacity},
            {"description", a.description}};
}

json toJson(const CatalogItem& c) {
    return {{"id", c.id}, {"name", c.name}, {"kind", c.kind}, {"minutes", c.minutes}};
}

json toJson(const ConfigDoc& c) {
    return {{"version", c.version}, {"envelope", json::parse(c.envelope_json)}};
}

json toJson(const Quota& q) {
    return {{"kind", toString(q.kind)},
            {"target_id", q.target_id},
            {"station_id", q.station_id},
            {"seats", q.seats}};
}

json toJson(const Booking& b) {
    return {{"id", b.id},
            {"member_id", b.member_id},
            {"slot_id", b.slot_id},
            {"station_id", b.station_id},
            {"status", b.status},
            {"subsidy_cents", b.subsidy_cents},
            {"pay_cents", b.pay_cents},
            {"delivery", b.delivery},
            {"rule", b.rule},
            {"delivery_fee_cents", b.delivery_fee_cents},
            {"delivery_subsidy_cents", b.delivery_subsidy_cents},
            {"delivery_status", b.delivery_status}};
}

json toJson(const Signup& s) {
    return {{"id", s.id},
            {"member_id", s.member_id},
            {"activity_id", s.activity_id},
            {"station_id", s.station_id},
            {"status", s.status}};
}

json toJson(const Redemption& r) {
    return {{"id", r.id},
            {"member_id", r.member_id},
            {"item_id", r.item_id},
            {"minutes", r.minutes},
            {"status", r.status},
            {"voucher", r.voucher}};
}

json toJson(const Service& s) {
    return {{"id", s.id},
            {"volunteer_id", s.volunteer_id},
            {"recipient_id", s.recipient_id},
            {"item_id", s.item_id},
            {"minutes", s.minutes},
            {"status", s.status}};
}

json balanceJson(const std::string& memberId, std::int64_t minutes, std::int64_t floorMinutes) {
    return {{"member_id", memberId}, {"minutes", minutes}, {"floor_minutes", floorMinutes}};
}

json ledgerEntryJson(const std::string& movementId, const std::string& memberId,
                     const std::string& at, const std::string& what, std::int64_t minutes) {
    return {{"id", movementId},
            {"member_id", memberId},
            {"at", at},
            {"what", what},
            {"minutes", minutes}};
}

std::string quotaKey(const Quota& q) {
    return std::string(toString(q.kind)) + ":" + q.target_id + ":" + q.station_id;
}

}  // namespace district
