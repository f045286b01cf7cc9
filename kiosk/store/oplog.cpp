#include "store/oplog.h"

#include <stdexcept>

#include "core/clock.h"

namespace store {
namespace {

constexpr const char* kColumns =
    "seq, uuid, kind, payload, created_at, member_id, state, coalesce(reason,''), "
    "coalesce(detail,'{}'), coalesce(answered_at,'')";

OpRecord readRow(const Statement& st) {
    OpRecord r;
    r.seq = st.getInt(0);
    r.uuid = st.getText(1);
    r.kind = st.getText(2);
    r.payload = nlohmann::json::parse(st.getText(3));
    r.created_at = st.getText(4);
    r.member_id = st.getOptText(5);
    r.state = st.getText(6);
    r.reason = st.getText(7);
    r.detail = nlohmann::json::parse(st.getText(8), nullptr, false);
    if (r.detail.is_discarded()) r.detail = nlohmann::json::object();
    r.answered_at = st.getText(9);
    return r;
}

std::vector<OpRecord> readAll(Statement& st) {
    std::vector<OpRecord> out;
    while (st.step()) out.push_back(readRow(st));
    return out;
}

}  // namespace

std::int64_t OpLog::append(const std::string& uuid, const std::string& kind,
                           const nlohmann::json& payload, const std::string& createdAt,
                           const std::optional<std::string>& memberId) {
    std::string at = createdAt;
    if (auto previous = db_.queryText("SELECT created_at FROM op_log ORDER BY seq DESC LIMIT 1")) {
        try {
            if (core::parseIso(*previous) > core::parseIso(createdAt)) at = *previous;
        } catch (const std::invalid_argument&) {
            // Not a time this kiosk wrote; the new op keeps its own.
        }
    }
    nlohmann::json stamped = payload;
    if (!staffId_.empty()) stamped["staff_id"] = staffId_;
    db_.run("INSERT INTO op_log(uuid, kind, payload, created_at, member_id) VALUES (?,?,?,?,?)",
            uuid, kind, stamped.dump(), at, memberId);
    return db_.lastInsertRowid();
}

void raiseOpSeqFloor(Database& db, std::int64_t seq) {
    // AUTOINCREMENT numbers above the larger of max(seq) and sqlite_sequence;
    // the row exists once the table has held a row.
    db.run("INSERT INTO sqlite_sequence(name, seq) SELECT 'op_log', ? WHERE NOT EXISTS "
           "(SELECT 1 FROM sqlite_sequence WHERE name='op_log')", seq);
    db.run("UPDATE sqlite_sequence SET seq=max(seq, ?) WHERE name='op_log'", seq);
}

std::vector<OpRecord> OpLog::pending(int limit) const {
    auto st = db_.prepare(std::string("SELECT ") + kColumns +
                          " FROM op_log WHERE state='pending' ORDER BY seq LIMIT ?");
    st.bind(1, limit);
    return readAll(st);
}

std::int64_t OpLog::depth() const {
    return db_.queryInt("SELECT count(*) FROM op_log WHERE state='pending'").value_or(0);
}

std::optional<OpRecord> OpLog::bySeq(std::int64_t seq) const {
    auto st = db_.prepare(std::string("SELECT ") + kColumns + " FROM op_log WHERE seq=?");
    st.bind(1, seq);
    if (!st.step()) return std::nullopt;
    return readRow(st);
}

void OpLog::recordAnswer(std::int64_t seq, const std::string& state, const std::string& reason,
                         const nlohmann::json& detail, const std::string& answeredAt) {
    db_.run("UPDATE op_log SET state=?, reason=?, detail=?, answered_at=?, "
            "payload=CASE WHEN json_type(payload, '$.personal') IS NULL THEN payload "
            "ELSE json_remove(payload, '$.personal') END WHERE seq=? AND state='pending'",
            state, reason, detail.dump(), answeredAt, seq);
}

std::vector<OpRecord> OpLog::unnotifiedRejections(const std::string& memberId) const {
    auto st = db_.prepare(std::string("SELECT ") + kColumns +
                          " FROM op_log WHERE member_id=? AND state='rejected' AND notified=0 "
                          "ORDER BY seq DESC");
    st.bind(1, memberId);
    return readAll(st);
}

void OpLog::markNotified(std::int64_t seq) {
    db_.run("UPDATE op_log SET notified=1 WHERE seq=?", seq);
}

std::vector<OpRecord> OpLog::rejections(int limit) const {
    auto st = db_.prepare(std::string("SELECT ") + kColumns +
                          " FROM op_log WHERE state='rejected' ORDER BY seq DESC LIMIT ?");
    st.bind(1, limit);
    return readAll(st);
}

}  // namespace store
