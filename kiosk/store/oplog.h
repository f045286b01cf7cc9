// oplog.h — the kiosk's op log: every action, queued for the district.
//
// append() is called inside the action's own Transaction, so the local effect
// and its op commit together or not at all (DESIGN.md principle 1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/sqlite.h"

namespace store {

struct OpRecord {
    std::int64_t seq = 0;
    std::string uuid;
    std::string kind;
    nlohmann::json payload;
    std::string created_at;
    std::optional<std::string> member_id;
    std::string state;   // pending / applied / rejected
    std::string reason;  // rejection reason code
    nlohmann::json detail;
    std::string answered_at;
};

class OpLog {
public:
    explicit OpLog(Database& db) : db_(db) {}
    // Ops appended through this log carry `staffId` in their payload
    // (PROTOCOL.md: staff acting for an elder); "" for the elder's own.
    OpLog(Database& db, std::string staffId) : db_(db), staffId_(std::move(staffId)) {}

    // Appends an op (state pending) and returns its sequence number. Must run
    // inside a Transaction that also writes the op's local effect. The op's
    // created_at is never before the previous op's: the district refuses an
    // op older than the one before it (stale_op), and a clock stepped back
    // must not cost an elder's action.
    std::int64_t append(const std::string& uuid, const std::string& kind,
                        const nlohmann::json& payload, const std::string& createdAt,
                        const std::optional<std::string>& memberId);

    // Oldest pending ops first, at most `limit`.
    std::vector<OpRecord> pending(int limit) const;
    std::int64_t depth() const;
    std::optional<OpRecord> bySeq(std::int64_t seq) const;

    // Stores the district's answer. Idempotent: answering an op twice keeps the
    // first. The payload's `personal` object (an enrolment's or a new card's
    // numbers and name) leaves the kiosk's op log with the answer: a station
    // keeps no card or phone number once the district has them.
    void recordAnswer(std::int64_t seq, const std::string& state, const std::string& reason,
                      const nlohmann::json& detail, const std::string& answeredAt);

    // Rejections the elder has not been shown yet (newest first).
    std::vector<OpRecord> unnotifiedRejections(const std::string& memberId) const;
    void markNotified(std::int64_t seq);
    // All rejections, newest first, for the staff screen.
    std::vector<OpRecord> rejections(int limit) const;

private:
    Database& db_;
    std::string staffId_;
};

// New ops get numbers above `seq` (and above every op already logged): the
// district's last applied number for this station, learnt at enrollment or
// from a push answer, so a new op log never reuses the station's numbers.
void raiseOpSeqFloor(Database& db, std::int64_t seq);

}  // namespace store
