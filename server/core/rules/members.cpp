// members.cpp — what staff do about an elder's record at a station: enrol a
// new elder (pending until an admin approves) and replace a lost card (the old
// one is blocked at every station from its next sync).
//
// The elder's personal data travels in the payload's `personal` object, which
// the kiosk drops from its op log once the district has answered
// (kiosk/store/oplog.h): a station keeps no card or phone number.
#include <optional>
#include <vector>

#include "admin/importers.h"
#include "rows.h"
#include "rules/handlers.h"
#include "rules/payload.h"

namespace district {
namespace {

using nlohmann::json;

const json& personalOf(const json& p) {
    auto it = p.find("personal");
    if (it == p.end()) throw InvalidPayload("personal", "missing");
    if (!it->is_object()) throw InvalidPayload("personal", "must be an object");
    return *it;
}

// The categories of an enrolment: the kiosk's codes joined by ';', each one
// of kCategoryCodes; sorted, each once (as rows.h stores them).
std::optional<std::vector<std::string>> enrolCategories(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& code : splitCategories(text)) {
        bool known = false;
        for (const char* c : kCategoryCodes) known = known || code == c;
        if (!known) return std::nullopt;
        out.push_back(code);
    }
    return splitCategories(joinCategories(out));
}

}  // namespace

Outcome applyMemberEnrol(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string memberId = needId(p, "member_id");
    const json& personal = personalOf(p);
    Member m;
    m.id = memberId;
    m.name = optString(personal, "name", "", 64);
    m.phone = optString(personal, "phone", "", 11);
    m.birth_date = optString(personal, "birth_date", "", 10);
    m.card_no = optString(personal, "card_no", "", 20);
    m.address = optString(personal, "address", "", 200);
    m.hukou = optBool(p, "hukou", false);
    m.status = "pending";
    m.home_station_id = ctx.station_id;
    const std::string today = core::dateLocal(ctx.judged_at);
    json detail = {{"member_id", memberId}};
    const auto categories = enrolCategories(optString(p, "categories", "", 200));
    if (!categories) {
        detail["message"] = "categories must be codes separated by ';' (tekun, dibao, dibao_bianyuan, "
                            "sanshu_wulao, jisheng_teshu)";
        return Outcome::reject(reason::kInvalidPayload, detail);
    }
    m.categories = *categories;
    if (auto problem = memberProblem(m, today)) {
        detail["message"] = *problem;
        return Outcome::reject(reason::kInvalidPayload, detail);
    }
    // The station serves elders of 60 and over (issue 9's enrolment form).
    if (ageOn(m.birth_date, today) < 60) return Outcome::reject(reason::kTooYoung, detail);
    if (tx.member(memberId)) return Outcome::reject(reason::kDuplicateUuid, detail);
    if (tx.blockedCard(m.card_no)) return Outcome::reject(reason::kCardBlocked, detail);
    if (tx.memberIdByCard(m.card_no)) return Outcome::reject(reason::kCardInUse, detail);
    tx.putMember(m);
    // Enrolling is a visit: the elder is at the station.
    tx.memberSeen(memberId, ctx.judged_iso);
    detail["status"] = m.status;
    return Outcome::ok(detail);
}

Outcome applyCardReplace(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string memberId = needId(p, "member_id");
    const std::string card = optString(personalOf(p), "card_no", "", 20);
    json detail = {{"member_id", memberId}};
    auto m = tx.member(memberId);
    if (!m || m->status == "rejected") return Outcome::reject(reason::kUnknownMember, detail);
    Member changed = *m;
    changed.card_no = card;
    if (auto problem = memberProblem(changed, core::dateLocal(ctx.judged_at))) {
        detail["message"] = *problem;
        return Outcome::reject(reason::kInvalidPayload, detail);
    }
    if (card == m->card_no) return Outcome::reject(reason::kCardInUse, detail);
    if (tx.blockedCard(card)) return Outcome::reject(reason::kCardBlocked, detail);
    if (tx.memberIdByCard(card)) return Outcome::reject(reason::kCardInUse, detail);
    if (!m->card_no.empty() && !tx.blockedCard(m->card_no))
        tx.blockCard(BlockedCard{m->card_no, memberId, ctx.judged_iso, ctx.station_id});
    tx.putMember(changed);
    return Outcome::ok(detail);
}

}  // namespace district
