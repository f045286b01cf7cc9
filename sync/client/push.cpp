// push.cpp — push the op log (PROTOCOL.md "Push ops").
//
// Index
//   answer checks   a push answer is checked whole before anything is stored
//   local effects   what an answer changes besides op_log (rejected booking ...)
//   pushOps         batches in seq order, gap recovery
#include <algorithm>
#include <map>

#include "bounded_json.h"
#include "session.h"
#include "store/oplog.h"

namespace syncc {
namespace {

using nlohmann::json;

// ------------------------------------------------------------- answer checks

[[noreturn]] void badAnswer(const std::string& why) {
    throw CycleError("the district's answer to a push was refused (" + why +
                     "); nothing was recorded");
}

std::optional<std::int64_t> detailInt(const proto::OpResult& r, const char* key) {
    auto it = r.detail.find(key);
    if (it == r.detail.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer())
        badAnswer("op " + std::to_string(r.seq) + ": detail." + key + " must be an integer");
    return it->get<std::int64_t>();
}

std::optional<std::string> detailText(const proto::OpResult& r, const char* key) {
    auto it = r.detail.find(key);
    if (it == r.detail.end() || it->is_null()) return std::nullopt;
    if (!it->is_string())
        badAnswer("op " + std::to_string(r.seq) + ": detail." + key + " must be a string");
    return it->get<std::string>();
}

bool detailFlag(const proto::OpResult& r, const char* key) {
    auto it = r.detail.find(key);
    if (it == r.detail.end() || it->is_null()) return false;
    if (!it->is_boolean())
        badAnswer("op " + std::to_string(r.seq) + ": detail." + key + " must be true or false");
    return it->get<bool>();
}

std::string payloadText(const store::OpRecord& op, const char* key) {
    auto it = op.payload.find(key);
    return it != op.payload.end() && it->is_string() ? it->get<std::string>() : std::string();
}

proto::PushResponse parseAnswer(const std::string& body, const std::string& stationId,
                                const std::map<std::int64_t, const store::OpRecord*>& sent) {
    proto::PushResponse resp;
    try {
        proto::parseBounded(body).get_to(resp);
    } catch (const std::exception& e) {
        badAnswer(std::string("not a push answer: ") + e.what());
    }
    std::map<std::int64_t, bool> seen;
    for (const auto& r : resp.results) {
        auto it = sent.find(r.seq);
        if (it == sent.end()) badAnswer("it answers op " + std::to_string(r.seq) + ", not sent");
        if (seen[r.seq]) badAnswer("it answers op " + std::to_string(r.seq) + " twice");
        seen[r.seq] = true;
        if (r.uuid != it->second->uuid)
            badAnswer("it answers op " + std::to_string(r.seq) + " with another op's uuid (station '" +
                      stationId + "')");
        if (r.status == proto::OpStatus::Rejected && r.reason.empty())
            badAnswer("op " + std::to_string(r.seq) + " is rejected without a reason");
    }
    return resp;
}

// ------------------------------------------------------------- local effects

// An action that changed an existing row (cancel, pickup, attendance, their
// undo) marked it 'pending' so a pull cannot overwrite the change before the
// district has it. Once applied, the row follows the district again, unless a
// later op still waiting mentions it.
void settleRow(store::Database& db, const store::OpRecord& op, const char* table,
               const std::string& where, const std::string& a, const std::string& b = "") {
    if (a.empty()) return;
    if (db.queryInt("SELECT 1 FROM op_log WHERE state='pending' AND seq>? AND "
                    "instr(payload, ?) > 0",
                    op.seq, a))
        return;
    std::string sql = std::string("UPDATE ") + table + " SET local_state='synced' WHERE " + where +
                      " AND local_state='pending'";
    if (b.empty())
        db.run(sql, a);
    else
        db.run(sql, a, b);
}

// Mirrors the district's answer in the row the action wrote, so the elder and
// staff see it without waiting for the pull. Kinds not listed change only op_log.
void applyLocalEffect(store::Database& db, const store::OpRecord& op, const proto::OpResult& r) {
    // A duplicate is an op (or a booking, signup ... id) the district already
    // holds under another sequence number: that first answer stands, so the row
    // it made must not turn "rejected" now.
    if (r.status == proto::OpStatus::Rejected && r.reason == "duplicate_uuid") return;
    const bool ok = r.status == proto::OpStatus::Applied;
    const std::string& k = op.kind;
    if (k == "meal_cancel" || k == "meal_pickup" || k == "meal_pickup_undo" || k == "meal_delivery")
        settleRow(db, op, "bookings", "id=?", payloadText(op, "booking_id"));
    if (k == "meal_delivery") settleRow(db, op, "deliveries", "id=?", payloadText(op, "booking_id"));
    else if (k == "activity_cancel")
        settleRow(db, op, "signups", "id=?", payloadText(op, "signup_id"));
    else if (k == "activity_attend" || k == "activity_attend_undo")
        settleRow(db, op, "signups", "member_id=? AND activity_id=?", payloadText(op, "member_id"),
                  payloadText(op, "activity_id"));
    if (k == "checkin") {
        const std::string at = payloadText(op, "at");
        const std::string member = payloadText(op, "member_id");
        if (at.size() < 10) return;
        if (ok)
            db.run("UPDATE checkins SET local_state='synced', reason=NULL "
                   "WHERE member_id=? AND day=?", member, at.substr(0, 10));
        else
            db.run("UPDATE checkins SET local_state='rejected', reason=? "
                   "WHERE member_id=? AND day=?", r.reason, member, at.substr(0, 10));
    } else if (k == "meal_book") {
        const std::string id = payloadText(op, "booking_id");
        if (ok)
            db.run("UPDATE bookings SET local_state='synced', reason=NULL, "
                   "subsidy_cents=coalesce(?, subsidy_cents), pay_cents=coalesce(?, pay_cents), "
                   "rule=coalesce(?, rule), delivery_fee_cents=coalesce(?, delivery_fee_cents), "
                   "delivery_subsidy_cents=coalesce(?, delivery_subsidy_cents) WHERE id=?",
                   detailInt(r, "subsidy_cents"), detailInt(r, "pay_cents"), detailText(r, "rule"),
                   detailInt(r, "delivery_fee_cents"), detailInt(r, "delivery_subsidy_cents"), id);
        else
            db.run("UPDATE bookings SET local_state='rejected', reason=? WHERE id=?", r.reason, id);
    } else if (k == "meal_cancel") {
        // Not cancelled at the district (past the cut-off): the meal is still booked.
        if (!ok)
            db.run("UPDATE bookings SET status='booked' WHERE id=? AND status='cancelled' AND "
                   "local_state<>'rejected'", payloadText(op, "booking_id"));
    } else if (k == "meal_delivery") {
        // Refused (cancelled meanwhile, not this station's): the district's row comes with the pull.
        if (!ok)
            db.run("UPDATE deliveries SET reason=? WHERE id=?", r.reason, payloadText(op, "booking_id"));
    } else if (k == "meal_pickup") {
        if (!ok && r.reason == "cancelled")
            db.run("UPDATE bookings SET status='cancelled' WHERE id=? AND local_state<>'rejected'",
                   payloadText(op, "booking_id"));
    } else if (k == "activity_signup") {
        const std::string id = payloadText(op, "signup_id");
        std::optional<std::string> status = detailText(r, "status");
        if (!status && detailFlag(r, "waitlisted")) status = "waitlisted";
        if (ok)
            db.run("UPDATE signups SET local_state='synced', reason=NULL, "
                   "status=coalesce(?, status) WHERE id=?", status, id);
        else
            db.run("UPDATE signups SET local_state='rejected', reason=? WHERE id=?", r.reason, id);
    } else if (k == "tb_redeem") {
        const std::string id = payloadText(op, "redemption_id");
        // The district's balance after judging it: with the redemption no
        // longer pending, the old balance would show the hours back until the
        // pull brings the new one.
        const std::string member = payloadText(op, "member_id");
        if (const auto balance = detailInt(r, "balance_minutes"); balance && !member.empty())
            db.run("INSERT INTO balances(member_id, minutes) VALUES (?,?) "
                   "ON CONFLICT(member_id) DO UPDATE SET minutes=excluded.minutes",
                   member, *balance);
        if (ok)
            db.run("UPDATE redemptions SET local_state='synced', reason=NULL, "
                   "status=coalesce(?, 'confirmed'), voucher=coalesce(?, voucher), "
                   "minutes=coalesce(?, minutes) WHERE id=?",
                   detailText(r, "status"), detailText(r, "voucher"), detailInt(r, "minutes"), id);
        else
            db.run("UPDATE redemptions SET local_state='rejected', status='rejected', reason=? "
                   "WHERE id=?", r.reason, id);
    } else if (k == "tb_service") {
        const std::string id = payloadText(op, "service_id");
        if (ok)
            db.run("UPDATE services SET local_state='synced', reason=NULL, "
                   "status=coalesce(?, status) WHERE id=?", detailText(r, "status"), id);
        else
            db.run("UPDATE services SET local_state='rejected', reason=? WHERE id=?", r.reason, id);
    }
}

// ------------------------------------------------------------- renumbering

bool isSeqConflict(const proto::OpResult& r) {
    // Older servers answered `rejected`; both mean the number was reused.
    return r.reason == "seq_conflict" && r.status != proto::OpStatus::Applied;
}

// The district holds other ops under numbers this op log reused (the kiosk's
// database was lost and the station enrolled again, or restored from an old
// copy). The district applied nothing from the first reused number on, so the
// pending ops from there are given fresh numbers above everything the district
// and this log have seen, in the same order, and sent again. No action is
// rejected for a number it did not choose (PROTOCOL.md "Sequence continuity").
std::int64_t renumberFrom(store::Database& db, std::int64_t firstConflict,
                          std::int64_t districtLast) {
    store::Transaction tx(db);
    std::vector<std::int64_t> seqs;
    {
        auto st = db.prepare("SELECT seq FROM op_log WHERE state='pending' AND seq>=? ORDER BY seq");
        st.bind(1, firstConflict);
        while (st.step()) seqs.push_back(st.getInt(0));
    }
    std::int64_t next = std::max(districtLast, db.queryInt("SELECT max(seq) FROM op_log").value_or(0)) + 1;
    const std::int64_t first = next;
    for (const std::int64_t seq : seqs) db.run("UPDATE op_log SET seq=? WHERE seq=?", next++, seq);
    store::raiseOpSeqFloor(db, next - 1);
    tx.commit();
    return first;
}

// ------------------------------------------------------------- pushOps

// Ops from `from` on, whatever their state: used to refill a district that
// lost ops it had acknowledged (a server restored from backup).
std::vector<store::OpRecord> opsFrom(store::Database& db, std::int64_t from, std::int64_t upTo,
                                     int limit) {
    store::OpLog log(db);
    std::vector<store::OpRecord> out;
    auto st = db.prepare("SELECT seq FROM op_log WHERE seq>=? AND seq<=? ORDER BY seq LIMIT ?");
    st.bindAll(from, upTo, limit);
    while (st.step())
        if (auto op = log.bySeq(st.getInt(0))) out.push_back(std::move(*op));
    return out;
}

}  // namespace

void pushOps(Session& s, store::Database& db, SyncReport& rep, std::optional<std::int64_t> refillFrom) {
    store::OpLog log(db);
    // Ops committed while this cycle runs wait for the next one, so a busy
    // station cannot keep one cycle pushing forever.
    std::int64_t upTo = db.queryInt(refillFrom ? "SELECT max(seq) FROM op_log"
                                               : "SELECT max(seq) FROM op_log WHERE state='pending'")
                            .value_or(0);
    // A renumbering answers a conflict for good; more than a couple in one
    // cycle means something else is wrong.
    constexpr int kMaxRenumbers = 3;
    int renumbered = 0;
    const int batch = std::max(1, s.opts.pushBatch);
    // Resending (answered ops too) from resendFrom while `resending`.
    bool resending = refillFrom.has_value();
    std::int64_t resendFrom = refillFrom.value_or(0);
    bool resent = resending;

    for (;;) {
        s.checkCancelled();
        std::vector<store::OpRecord> ops;
        if (resending) {
            ops = opsFrom(db, resendFrom, upTo, batch);
        } else {
            ops = log.pending(batch);
            std::erase_if(ops, [&](const store::OpRecord& o) { return o.seq > upTo; });
        }
        if (ops.empty()) break;

        proto::PushRequest req{s.enrollment.station_id, {}};
        req.ops.reserve(ops.size());
        std::map<std::int64_t, const store::OpRecord*> sent;
        for (const auto& o : ops) {
            req.ops.push_back({o.seq, o.uuid, o.kind, o.created_at, o.payload});
            sent[o.seq] = &o;
        }
        const auto resp = s.post("/ops", json(req).dump());
        s.expectOk(resp, "push");
        const auto answer = parseAnswer(resp.body, s.enrollment.station_id, sent);
        rep.pushed += static_cast<int>(ops.size());

        std::optional<std::int64_t> firstConflict;
        for (const auto& r : answer.results)
            if (isSeqConflict(r) && sent.at(r.seq)->state == "pending")
                firstConflict = std::min(firstConflict.value_or(r.seq), r.seq);

        int answered = 0;
        const std::string now = core::isoLocal(s.clock.now());
        store::Transaction tx(db);
        for (const auto& r : answer.results) {
            if (r.status == proto::OpStatus::NotApplied || isSeqConflict(r)) continue;
            const auto& op = *sent.at(r.seq);
            const bool wasPending = op.state == "pending";
            log.recordAnswer(r.seq, r.status == proto::OpStatus::Applied ? "applied" : "rejected",
                             r.reason, r.detail, now);
            if (wasPending) applyLocalEffect(db, op, r);
            ++answered;
            if (!wasPending) continue;
            if (r.status == proto::OpStatus::Applied) ++rep.applied;
            else ++rep.rejected;
        }
        tx.commit();

        if (firstConflict) {
            if (renumbered >= kMaxRenumbers)
                throw CycleError("the district keeps refusing this kiosk's op numbers as reused");
            ++renumbered;
            const std::int64_t to = renumberFrom(db, *firstConflict, answer.last_applied_seq);
            s.log("sync: station '" + s.enrollment.station_id + "' has applied up to op " +
                  std::to_string(answer.last_applied_seq) + " from another op log; ops from " +
                  std::to_string(*firstConflict) + " on are now numbered from " + std::to_string(to));
            upTo = db.queryInt("SELECT max(seq) FROM op_log WHERE state='pending'").value_or(0);
            resending = false;
            continue;
        }
        if (answered == 0) {
            // The district has a gap before our oldest op: it lost ops it had
            // acknowledged. Send them again, once per cycle, from where it stands.
            if (!resent && answer.last_applied_seq + 1 < ops.front().seq) {
                s.log("sync: the district has applied up to op " +
                      std::to_string(answer.last_applied_seq) + ", resending from there");
                resendFrom = answer.last_applied_seq + 1;
                resending = resent = true;
                continue;
            }
            throw CycleError("the district took none of ops " + std::to_string(ops.front().seq) +
                             ".." + std::to_string(ops.back().seq) + " (it has applied up to op " +
                             std::to_string(answer.last_applied_seq) + ")");
        }
        if (resending) {
            resendFrom = ops.back().seq + 1;
            resending = resendFrom <= upTo;
        }
    }
}

}  // namespace syncc
