// sqlite_write.cpp — the write half of SqliteTx. Every put*() upserts its row
// and writes the entity's change row in the same transaction.
//
// Upserts (ON CONFLICT DO UPDATE), never INSERT OR REPLACE, on tables other
// rows point at: REPLACE deletes first, which foreign keys refuse.
#include <sqlite3.h>

#include "entity_json.h"
#include "sqlite/sqlite_tx.h"

namespace district {

using nlohmann::json;

void SqliteTx::change(std::string_view entity, const std::string& key, const std::string& scope,
                      const json& data) {
    auto s = q("INSERT OR REPLACE INTO changes (entity, key, scope, deleted, data) "
               "VALUES (?, ?, ?, 0, ?)");
    s->bindAll(entity, key, scope, data.dump());
    s->run();
}

namespace {
// Failures that say nothing about the op: the database was busy, full or
// failed to read or write. Retrying the request later may well succeed.
bool transient(const store::DbError& e) {
    switch (e.code()) {
        case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_FULL: case SQLITE_IOERR:
        case SQLITE_NOMEM: case SQLITE_CANTOPEN: case SQLITE_PROTOCOL:
            return true;
        default:
            return false;
    }
}
}  // namespace

void SqliteTx::savepoint(const std::function<void()>& fn) {
    db_.exec("SAVEPOINT op");
    try {
        fn();
    } catch (...) {
        db_.exec("ROLLBACK TO op");
        db_.exec("RELEASE op");
        try {
            throw;
        } catch (const store::DbError& e) {
            if (transient(e)) throw TransientStorageError(e.what());
            throw;
        }
    }
    db_.exec("RELEASE op");
}

void SqliteTx::putStation(const Station& st) {
    auto s = q("INSERT INTO stations (id, name, community) VALUES (?, ?, ?) "
               "ON CONFLICT (id) DO UPDATE SET name = excluded.name, community = excluded.community");
    s->bindAll(st.id, st.name, st.community);
    s->run();
    change("station", st.id, "", toJson(st));
}

void SqliteTx::setStationToken(const std::string& stationId, const std::string& sha256Hex,
                               std::int64_t keysetVersion) {
    auto s = q("UPDATE stations SET token_sha256 = ?, bundle_keyset_version = ? WHERE id = ?");
    s->bindAll(sha256Hex, keysetVersion, stationId);
    s->run();
}

void SqliteTx::setLastApplied(const std::string& stationId, std::int64_t seq) {
    auto s = q("UPDATE stations SET last_applied_seq = ? WHERE id = ?");
    s->bindAll(seq, stationId);
    s->run();
}

void SqliteTx::storeOp(const std::string& stationId, std::int64_t seq, const std::string& uuid,
                       const std::string& kind, const std::string& createdAt,
                       const std::string& receivedAt, const std::string& status,
                       const std::string& reason, const std::string& detailJson,
                       const std::string& staffId) {
    auto s = q("INSERT INTO ops (station_id, seq, uuid, kind, created_at, received_at, status, "
               "reason, detail, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s->bindAll(stationId, seq, uuid, kind, createdAt, receivedAt, status, reason, detailJson,
               staffId);
    s->run();
}

void SqliteTx::saveStatus(const std::string& stationId, const std::string& statusJson,
                          const std::string& receivedAt) {
    auto s = q("INSERT OR REPLACE INTO station_status (station_id, status, received_at) "
               "VALUES (?, ?, ?)");
    s->bindAll(stationId, statusJson, receivedAt);
    s->run();
    auto h = q("INSERT INTO station_status_history (station_id, status, received_at) "
               "VALUES (?, ?, ?)");
    h->bindAll(stationId, statusJson, receivedAt);
    h->run();
    // Older than the newest kStatusHistoryKept go (an index range delete).
    auto prune = q("DELETE FROM station_status_history WHERE station_id = ?1 AND n <= "
                   "(SELECT n FROM station_status_history WHERE station_id = ?1 "
                   "ORDER BY n DESC LIMIT 1 OFFSET ?2)");
    prune->bindAll(stationId, kStatusHistoryKept);
    prune->run();
}

void SqliteTx::putMember(const Member& m) {
    // last_seen and last_visit only move forward (memberSeen, addCareVisit):
    // an import that does not know them keeps what the stations reported.
    auto s = q("INSERT INTO members (id, card_no, phone, name, birth_date, hukou, categories, "
               "care_level, living_alone, address, status, home_station_id, last_seen, last_visit) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT (id) DO UPDATE SET card_no = excluded.card_no, "
               "phone = excluded.phone, name = excluded.name, birth_date = excluded.birth_date, "
               "hukou = excluded.hukou, categories = excluded.categories, "
               "care_level = excluded.care_level, living_alone = excluded.living_alone, "
               "address = excluded.address, status = excluded.status, "
               "home_station_id = excluded.home_station_id, "
               "last_seen = max(members.last_seen, excluded.last_seen), "
               "last_visit = max(members.last_visit, excluded.last_visit) RETURNING last_seen, last_visit");
    s->bindAll(m.id, m.card_no, m.phone, m.name, m.birth_date, m.hukou ? 1 : 0,
               joinCategories(m.categories), m.care_level, m.living_alone ? 1 : 0, m.address, m.status,
               m.home_station_id, m.last_seen, m.last_visit);
    if (!s->step()) throw std::logic_error("member " + m.id + " was not written");
    Member stored = m;
    stored.last_seen = s->getText(0);
    stored.last_visit = s->getText(1);
    while (s->step()) {
    }
    emitMember(stored);
}

void SqliteTx::emitMember(const Member& m) {
    if (options_.member_key.empty())
        throw std::logic_error("the district's member key is not loaded: member rows cannot be published");
    change("member", m.id, "", memberJson(m, options_.member_key));
    if (m.status == "active" && onCareRule(m) && !m.home_station_id.empty()) {
        change("care_contact", m.id, m.home_station_id, careContactJson(m));
        return;
    }
    // Off the care list (or no home station): the station that had the
    // contact drops it. Nothing to say when no station ever had it.
    auto had = q("SELECT scope FROM changes WHERE entity = 'care_contact' AND key = ? AND deleted = 0");
    had->bind(1, m.id);
    if (!had->step()) return;
    const std::string scope = had->getText(0);
    while (had->step()) {
    }
    auto s = q("INSERT OR REPLACE INTO changes (entity, key, scope, deleted, data) "
               "VALUES ('care_contact', ?, ?, 1, '{}')");
    s->bindAll(m.id, scope);
    s->run();
}

void SqliteTx::putCanteen(const Canteen& c) {
    auto s = q("INSERT INTO canteens (id, name, station_id, address) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
               "station_id = excluded.station_id, address = excluded.address");
    s->bindAll(c.id, c.name, c.station_id, c.address);
    s->run();
    change("canteen", c.id, "", toJson(c));
}

void SqliteTx::putSlot(const MealSlot& m) {
    auto s = q("INSERT INTO meal_slots (id, canteen_id, date, slot, dishes, price_cents, "
               "capacity, cutoff) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
               "canteen_id = excluded.canteen_id, date = excluded.date, slot = excluded.slot, "
               "dishes = excluded.dishes, price_cents = excluded.price_cents, "
               "capacity = excluded.capacity, cutoff = excluded.cutoff");
    s->bindAll(m.id, m.canteen_id, m.date, m.slot, json(m.dishes).dump(), m.price_cents,
               m.capacity, m.cutoff);
    s->run();
    change("meal_slot", m.id, "", toJson(m));
}

void SqliteTx::putActivity(const Activity& a) {
    auto s = q("INSERT INTO activities (id, station_id, title, category, starts_at, ends_at, "
               "place, capacity, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT (id) DO UPDATE SET station_id = excluded.station_id, "
               "title = excluded.title, category = excluded.category, "
               "starts_at = excluded.starts_at, ends_at = excluded.ends_at, "
               "place = excluded.place, capacity = excluded.capacity, "
               "description = excluded.description");
    s->bindAll(a.id, a.station_id, a.title, a.category, a.starts_at, a.ends_at, a.place,
               a.capacity, a.description);
    s->run();
    change("activity", a.id, "", toJson(a));
}

void SqliteTx::putCatalogItem(const CatalogItem& c) {
    auto s = q("INSERT INTO catalog_items (id, name, kind, minutes) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
               "minutes = excluded.minutes");
    s->bindAll(c.id, c.name, c.kind, c.minutes);
    s->run();
    change("catalog_item", c.id, "", toJson(c));
}

void SqliteTx::putSubsidyRules(const SubsidyRules& r) {
    auto s = q("INSERT OR REPLACE INTO meal_rules (id, sections) VALUES ('district', ?)");
    s->bind(1, r.sections_json);
    s->run();
}

void SqliteTx::putQuota(const Quota& qt) {
    auto s = q("INSERT OR REPLACE INTO quotas (kind, target_id, station_id, seats) "
               "VALUES (?, ?, ?, ?)");
    s->bindAll(toString(qt.kind), qt.target_id, qt.station_id, qt.seats);
    s->run();
    change("quota", quotaKey(qt), qt.station_id, toJson(qt));
}

void SqliteTx::putKeySet(const KeySetDoc& k) {
    auto s = q("INSERT INTO keysets (version, envelope, published_at) VALUES (?, ?, ?)");
    s->bindAll(k.version, k.envelope_json, k.published_at);
    s->run();
    change("trusted_keys", "district", "",
           json{{"version", k.version}, {"envelope", json::parse(k.envelope_json)}});
}

void SqliteTx::putConfig(const ConfigDoc& c) {
    auto s = q("INSERT INTO config_docs (version, scope, envelope, pushed_at) VALUES (?, ?, ?, ?)");
    s->bindAll(c.version, c.scope, c.envelope_json, c.pushed_at);
    s->run();
    // One change row per audience: a newer district document replaces the
    // older one in the change table, and each station keeps its own row.
    const bool district = c.scope == "district";
    change("config", district ? "district" : c.scope, district ? "" : c.scope, toJson(c));
}

void SqliteTx::putBooking(const Booking& b) {
    auto s = q(std::string("INSERT INTO bookings (") + kBookingColumns +
               ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT (id) DO UPDATE SET status = excluded.status, "
               "subsidy_cents = excluded.subsidy_cents, pay_cents = excluded.pay_cents, "
               "rule = excluded.rule, delivery_fee_cents = excluded.delivery_fee_cents, "
               "delivery_subsidy_cents = excluded.delivery_subsidy_cents, "
               "delivery_status = excluded.delivery_status, delivery_at = excluded.delivery_at");
    s->bindAll(b.id, b.member_id, b.slot_id, b.station_id, b.status, b.subsidy_cents,
               b.pay_cents, b.delivery ? 1 : 0, b.date, b.created_at, b.rule,
               b.delivery_fee_cents, b.delivery_subsidy_cents, b.delivery_status, b.delivery_at);
    s->run();
    change("booking", b.id, "", toJson(b));
    if (!b.delivery) return;
    // The delivery list of the canteen's station: who, where, what to collect.
    const auto m = member(b.member_id);
    const auto sl = slot(b.slot_id);
    const auto c = sl ? canteen(sl->canteen_id) : std::nullopt;
    if (m && c) change("delivery", b.id, c->station_id, deliveryJson(b, *m));
}

void SqliteTx::putSignup(const Signup& su) {
    auto s = q("INSERT INTO signups (id, member_id, activity_id, station_id, status, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status");
    s->bindAll(su.id, su.member_id, su.activity_id, su.station_id, su.status, su.created_at);
    s->run();
    change("signup", su.id, "", toJson(su));
}

void SqliteTx::putRedemption(const Redemption& r) {
    auto s = q("INSERT INTO redemptions (id, member_id, item_id, minutes, status, voucher, "
               "station_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT (id) DO UPDATE SET status = excluded.status, voucher = excluded.voucher");
    s->bindAll(r.id, r.member_id, r.item_id, r.minutes, r.status, r.voucher, r.station_id,
               r.created_at);
    s->run();
    change("redemption", r.id, "", toJson(r));
}

void SqliteTx::putService(const Service& sv) {
    auto s = q("INSERT INTO services (id, volunteer_id, recipient_id, item_id, minutes, status, "
               "station_id, created_at, transfer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "ON CONFLICT (id) DO UPDATE SET status = excluded.status, "
               "transfer_id = excluded.transfer_id");
    s->bindAll(sv.id, sv.volunteer_id, sv.recipient_id, sv.item_id, sv.minutes, sv.status,
               sv.station_id, sv.created_at, sv.transfer_id);
    s->run();
    change("service", sv.id, "", toJson(sv));
}

void SqliteTx::addCheckin(const std::string& id, const std::string& memberId,
                          const std::string& stationId, const std::string& day,
                          const std::string& at) {
    auto s = q("INSERT INTO checkins (id, member_id, station_id, day, at) VALUES (?, ?, ?, ?, ?)");
    s->bindAll(id, memberId, stationId, day, at);
    s->run();
}

void SqliteTx::addAttendance(const std::string& memberId, const std::string& activityId,
                             const std::string& stationId, const std::string& at, bool undo) {
    auto s = q("INSERT INTO attendances (member_id, activity_id, station_id, at, undo) "
               "VALUES (?, ?, ?, ?, ?)");
    s->bindAll(memberId, activityId, stationId, at, undo ? 1 : 0);
    s->run();
}

void SqliteTx::addHelpCall(const HelpCallRow& a) {
    auto s = q("INSERT INTO help_calls (id, station_id, at, screen, kind, member_id, detail) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s->bindAll(a.id, a.station_id, a.at, a.screen, a.kind, a.member_id, a.detail);
    s->run();
}

void SqliteTx::memberSeen(const std::string& memberId, const std::string& at) {
    auto s = q("UPDATE members SET last_seen = ?2 WHERE id = ?1 AND last_seen < ?2");
    s->bindAll(memberId, at);
    s->run();
    if (db_.changes() == 0) return;
    // Only the care list needs last_seen at the stations: other members'
    // rows are not re-sent for every visit (it would be most of the pulls).
    const auto m = member(memberId);
    if (m && onCareRule(*m)) emitMember(*m);
}

void SqliteTx::blockCard(const BlockedCard& b) {
    auto s = q("INSERT INTO blocked_cards (card_no, member_id, blocked_at, station_id) "
               "VALUES (?, ?, ?, ?)");
    s->bindAll(b.card_no, b.member_id, b.blocked_at, b.station_id);
    s->run();
    if (options_.member_key.empty())
        throw std::logic_error("the district's member key is not loaded: blocked cards cannot be published");
    const nlohmann::json data = blockedCardJson(b, options_.member_key);
    change("blocked_card", data.at("card_hash").get<std::string>(), "", data);
}

void SqliteTx::addCareVisit(const CareVisit& v) {
    auto s = q("INSERT INTO care_visits (id, member_id, station_id, staff_id, at, outcome, note) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s->bindAll(v.id, v.member_id, v.station_id, v.staff_id, v.at, v.outcome, v.note);
    s->run();
    if (v.outcome != "reached") return;
    auto u = q("UPDATE members SET last_visit = ?2 WHERE id = ?1 AND last_visit < ?2");
    u->bindAll(v.member_id, v.at);
    u->run();
    if (db_.changes() == 0) return;
    if (const auto m = member(v.member_id)) emitMember(*m);
}

void SqliteTx::ensureAccount(const Account& a) {
    auto s = q("INSERT OR IGNORE INTO accounts (id, is_member, minutes, floor_minutes) "
               "VALUES (?, ?, ?, ?)");
    s->bindAll(a.id, a.is_member ? 1 : 0, a.minutes, a.floor_minutes);
    s->run();
}

void SqliteTx::moveMinutes(const std::string& movementId, const Transfer& t,
                           const std::string& accountId, std::int64_t minutes) {
    {
        auto s = q("INSERT INTO movements (id, transfer_id, account_id, minutes, at, what) "
                   "VALUES (?, ?, ?, ?, ?, ?)");
        s->bindAll(movementId, t.id, accountId, minutes, t.at, t.what);
        s->run();
    }
    auto s = q("UPDATE accounts SET minutes = minutes + ? WHERE id = ? "
               "RETURNING is_member, minutes, coalesce(floor_minutes, 0)");
    s->bindAll(minutes, accountId);
    if (!s->step()) throw std::logic_error("time-bank account " + accountId + " does not exist");
    const bool isMember = s->getInt(0) != 0;
    const std::int64_t balance = s->getInt(1), floor = s->getInt(2);
    while (s->step()) {
    }
    if (!isMember) return;
    change("balance", accountId, "", balanceJson(accountId, balance, floor));
    change("ledger_entry", movementId, "",
           ledgerEntryJson(movementId, accountId, t.at, t.what, minutes));
}

void SqliteTx::addTransfer(const Transfer& t) {
    if (t.minutes <= 0) throw std::logic_error("a transfer moves a positive number of minutes");
    {
        auto s = q("INSERT INTO transfers (id, from_account, to_account, minutes, at, kind, what, "
                   "ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        s->bindAll(t.id, t.from_account, t.to_account, t.minutes, t.at, t.kind, t.what, t.ref);
        s->run();
    }
    // The two movements of a transfer sum to zero by construction.
    moveMinutes(t.id + ".d", t, t.from_account, -t.minutes);
    moveMinutes(t.id + ".c", t, t.to_account, t.minutes);
}

}  // namespace district
